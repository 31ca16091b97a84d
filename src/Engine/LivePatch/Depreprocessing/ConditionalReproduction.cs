using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// SPEC §2.11 "Conditionals": which conditional groups the live patch reproduces and which of
/// their directive lines go between two written pieces. A group is reproduced when its taken
/// branch holds written code, when it lies inside a written range of tokens, or when its
/// directives lie inside the arguments of a written macro invocation; header guards and groups
/// between written ranges that only wrap directives are dropped. Non-taken branches get an #error line, and
/// a group without #else whose branch was taken gets a synthesized #else with an #error.
/// </summary>
internal sealed class ConditionalReproduction
{
    public const string NonTakenError = "#error \"klp-ccp: non-taken branch\"";
    public const string MissingElseError = "#error \"klp-ccp: a preceeding branch should have been taken\"";

    private readonly PreprocessedUnit _unit;
    private readonly DirectiveLines _lines;
    private readonly bool[] _reproduced;
    private readonly Dictionary<int, List<int>> _linesOfGroup = new();
    private readonly HashSet<int> _claimed;
    // reproduced groups with a taken branch: the key range of that branch, outermost first
    private readonly List<(int Group, long Start, long End)> _takenRanges = new();

    public ConditionalReproduction(PreprocessedUnit unit, DirectiveLines lines, long[] writtenKeys,
        IReadOnlyList<(long First, long Last)> writtenRanges, HashSet<int> claimedLines)
    {
        _unit = unit;
        _lines = lines;
        _claimed = claimedLines;
        var groups = unit.Record.Conditionals;
        _reproduced = new bool[groups.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            ref readonly var l = ref lines[i];
            if (l.Kind is not (DirectiveLineKind.Branch or DirectiveLineKind.Endif)) continue;
            if (!_linesOfGroup.TryGetValue(l.Group, out var list)) _linesOfGroup[l.Group] = list = new List<int>();
            list.Add(i);
        }
        var ranges = writtenRanges.OrderBy(r => r.First).ToArray();
        var maxLast = new long[ranges.Length];
        for (int k = 0; k < ranges.Length; k++) maxLast[k] = Math.Max(ranges[k].Last, k > 0 ? maxLast[k - 1] : long.MinValue);
        foreach (var (g, groupLines) in _linesOfGroup)
        {
            var group = groups[g];
            if (IsDroppedGuard(group, groupLines)) continue;
            long first = lines[groupLines[0]].Key, last = lines[groupLines[^1]].Key;
            _reproduced[g] = groupLines.Any(claimedLines.Contains)
                             || InsideRange(ranges, maxLast, first, last)
                             || (group.TakenBranch >= 0 && AnyBetween(writtenKeys, lines[groupLines[group.TakenBranch]].Key, lines[groupLines[group.TakenBranch + 1]].Key));
            if (_reproduced[g] && group.TakenBranch >= 0)
                _takenRanges.Add((g, lines[groupLines[group.TakenBranch]].Key, lines[groupLines[group.TakenBranch + 1]].Key));
        }
        _takenRanges.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    public bool IsReproduced(int group) => _reproduced[group];

    public bool IsClaimed(int line) => _claimed.Contains(line);

    /// <summary>
    /// The group lines to write when the output moves from the piece at key
    /// <paramref name="from"/> to the piece at <paramref name="to"/> (null: the start or the end
    /// of the output): groups left and entered, and reproduced groups without a taken branch
    /// lying wholly in between when the move follows the input order.
    /// </summary>
    public List<int> Transition(long? from, long? to)
    {
        var result = new List<int>();
        if (from is { } p && to is { } q && p < q)
        {
            List<int>? chainP = null, chainQ = null;
            foreach (int i in _lines.Between(p, q))
            {
                ref readonly var l = ref _lines[i];
                if (l.Kind is not (DirectiveLineKind.Branch or DirectiveLineKind.Endif) || !_reproduced[l.Group] || _claimed.Contains(i)) continue;
                var group = _unit.Record.Conditionals[l.Group];
                if (group.TakenBranch >= 0)
                {
                    chainP ??= Chain(p);
                    chainQ ??= Chain(q);
                    if (!chainP.Contains(l.Group) && !chainQ.Contains(l.Group)) continue;
                }
                result.Add(i);
            }
            return result;
        }
        var left = from is { } f ? Chain(f) : new List<int>();
        var entered = to is { } t ? Chain(t) : new List<int>();
        for (int k = left.Count - 1; k >= 0; k--)
        {
            int g = left[k];
            if (entered.Contains(g)) continue;
            foreach (int i in _linesOfGroup[g])
                if (_lines[i].Key > from!.Value) result.Add(i);
        }
        foreach (int g in entered)
        {
            if (left.Contains(g)) continue;
            foreach (int i in _linesOfGroup[g])
                if (_lines[i].Key < to!.Value) result.Add(i);
        }
        return result;
    }

    /// <summary>Reproduced groups whose taken branch contains the key, outermost first.</summary>
    private List<int> Chain(long key)
    {
        var chain = new List<int>();
        foreach (var (g, start, end) in _takenRanges)
        {
            if (start > key) break;
            if (key < end) chain.Add(g);
        }
        return chain;
    }

    /// <summary>Lines of reproduced groups among the given ones (those inside a written invocation, say).</summary>
    public bool IsReproducedLine(int line)
    {
        ref readonly var l = ref _lines[line];
        return l.Kind is DirectiveLineKind.Branch or DirectiveLineKind.Endif && _reproduced[l.Group];
    }

    /// <summary>Whether code after this line (up to the group's next line) is not compiled.</summary>
    public bool StartsSkippedCode(int line)
    {
        ref readonly var l = ref _lines[line];
        return l.Kind == DirectiveLineKind.Branch && _unit.Record.Conditionals[l.Group].TakenBranch != l.Branch;
    }

    /// <summary>The text reproducing a group line: the original directive, with the #error lines SPEC §2.11 adds.</summary>
    public string Render(int line)
    {
        ref readonly var l = ref _lines[line];
        var group = _unit.Record.Conditionals[l.Group];
        string raw = RawText(_unit, l.Loc, l.EndLoc);
        if (l.Kind == DirectiveLineKind.Branch)
            return group.TakenBranch == l.Branch ? raw : raw + "\n" + NonTakenError;
        bool hasElse = group.Branches[^1].Kind == ConditionalDirectiveKind.Else;
        return group.TakenBranch >= 0 && !hasElse ? "#else\n" + MissingElseError + "\n" + raw : raw;
    }

    public static string RawText(PreprocessedUnit unit, int loc, int endLoc) => unit.Sources.Text(loc, endLoc).ToString();

    /// <summary>An include guard of a header (not of the main file): #ifndef G directly followed by #define G.</summary>
    private bool IsDroppedGuard(ConditionalGroup group, List<int> groupLines)
    {
        if (!group.IsIncludeGuard || group.Region == _unit.MainRegion) return false;
        int first = groupLines[0];
        if (first + 1 >= _lines.Count) return false;
        ref readonly var next = ref _lines[first + 1];
        if (next.Kind != DirectiveLineKind.MacroEvent) return false;
        var ev = _unit.Record.MacroEvents[next.Event];
        return ev.Kind == MacroEventKind.Define && group.Branches[0].MacrosUsed.Contains(ev.NameId);
    }

    private static bool AnyBetween(long[] sorted, long start, long end)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= start) lo = mid + 1; else hi = mid;
        }
        return lo < sorted.Length && sorted[lo] < end;
    }

    /// <summary>Whether a written range starts before <paramref name="first"/> and ends after <paramref name="last"/>.</summary>
    private static bool InsideRange((long First, long Last)[] ranges, long[] maxLast, long first, long last)
    {
        int lo = 0, hi = ranges.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ranges[mid].First < first) lo = mid + 1; else hi = mid;
        }
        return lo > 0 && maxLast[lo - 1] > last;
    }
}
