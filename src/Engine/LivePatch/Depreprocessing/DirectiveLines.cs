using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// The directive lines of a unit that the depreprocessor reproduces or places, in input order:
/// the branches and #endifs of conditional groups met in live code, #define/#undef lines and
/// #include lines.
/// </summary>
internal sealed class DirectiveLines
{
    private readonly DirectiveLine[] _lines;
    private readonly long[] _keys;
    private readonly Dictionary<int, int> _lineOfEvent = new();

    public DirectiveLines(PreprocessedUnit unit)
    {
        var rec = unit.Record;
        var lines = new List<DirectiveLine>();
        foreach (var g in rec.Conditionals)
        {
            if (g.InSkippedCode || g.EndifLoc == 0) continue;
            for (int b = 0; b < g.Branches.Count; b++)
            {
                var br = g.Branches[b];
                lines.Add(new DirectiveLine(DirectiveLineKind.Branch, InputOrder.OfDirective(br.OutputIndex, br.Sequence),
                    br.DirectiveLoc, br.DirectiveEndLoc, Group: g.Id, Branch: b));
            }
            lines.Add(new DirectiveLine(DirectiveLineKind.Endif, InputOrder.OfDirective(g.EndOutputIndex, g.EndifSequence),
                g.EndifLoc, g.EndifEndLoc, Group: g.Id));
        }
        for (int i = 0; i < rec.MacroEvents.Count; i++)
        {
            var e = rec.MacroEvents[i];
            if (!IsDirectiveText(unit, e.DirectiveLoc)) continue; // -D/-U, #pragma push_macro/pop_macro
            lines.Add(new DirectiveLine(DirectiveLineKind.MacroEvent, InputOrder.OfDirective(e.OutputIndex, e.Sequence),
                e.DirectiveLoc, e.EndLoc, Event: i));
        }
        foreach (var inc in rec.Includes)
        {
            if (inc.DirectiveLoc <= 0) continue;
            lines.Add(new DirectiveLine(DirectiveLineKind.Include, InputOrder.OfDirective(inc.OutputStart, inc.Sequence),
                inc.DirectiveLoc, inc.DirectiveEndLoc, Include: inc.Id));
        }
        lines.Sort((a, b) => a.Key.CompareTo(b.Key));
        _lines = lines.ToArray();
        _keys = new long[_lines.Length];
        for (int i = 0; i < _lines.Length; i++)
        {
            _keys[i] = _lines[i].Key;
            if (_lines[i].Kind == DirectiveLineKind.MacroEvent) _lineOfEvent[_lines[i].Event] = i;
        }
    }

    public int Count => _lines.Length;

    public ref readonly DirectiveLine this[int index] => ref _lines[index];

    /// <summary>The line of a macro event that a file directive produced, or -1.</summary>
    public int LineOfEvent(int macroEvent) => _lineOfEvent.GetValueOrDefault(macroEvent, -1);

    /// <summary>Index of the first line whose key is greater than <paramref name="key"/>.</summary>
    public int FirstAfter(long key)
    {
        int lo = 0, hi = _keys.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_keys[mid] <= key) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Lines strictly between two keys, in input order.</summary>
    public IEnumerable<int> Between(long after, long before)
    {
        for (int i = FirstAfter(after); i < _lines.Length && _keys[i] < before; i++) yield return i;
    }

    private static bool IsDirectiveText(PreprocessedUnit unit, int loc)
    {
        var region = unit.Sources.GetRegion(loc);
        if (region is null || region.Kind != Source.SourceRegionKind.File) return false;
        int p = loc - region.Base;
        return p < region.File.Text.Length && region.File.Text[p] == '#';
    }
}
