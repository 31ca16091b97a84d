using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// The macro definitions as the original preprocessing saw them: which definition of a name
/// was active at any point of the recorded event sequence, and the state the live patch starts
/// from — gcc's builtins and what the pre-included headers define (kbuild passes the same
/// -include options to the live patch), but not -D macros (SPEC §2.11).
/// Definitions are ids into <see cref="PreprocessingRecord.Macros"/>; -1 means undefined.
/// </summary>
internal sealed class OriginalMacroState
{
    private readonly PreprocessingRecord _rec;
    private readonly Dictionary<int, List<int>> _eventsByName = new();
    private readonly Dictionary<int, int> _special = new();
    private readonly int[] _defineEvent;

    public OriginalMacroState(PreprocessingRecord rec)
    {
        _rec = rec;
        _defineEvent = new int[rec.Macros.Count];
        Array.Fill(_defineEvent, -1);
        for (int i = 0; i < rec.MacroEvents.Count; i++)
        {
            var e = rec.MacroEvents[i];
            if (!_eventsByName.TryGetValue(e.NameId, out var list)) _eventsByName[e.NameId] = list = new List<int>();
            list.Add(i);
            if (e.Kind == MacroEventKind.Define && e.Macro >= 0 && _defineEvent[e.Macro] < 0) _defineEvent[e.Macro] = i;
        }
        foreach (var m in rec.Macros)
            if (m.Origin == MacroOrigin.Special) _special[m.NameId] = m.Id;
        int baseline = 0;
        foreach (var inc in rec.Includes)
            if (inc.IsPreInclude || inc.IsIMacros) baseline = Math.Max(baseline, inc.EventEnd);
        for (int i = 0; i < rec.MacroEvents.Count; i++)
        {
            var e = rec.MacroEvents[i];
            if (e.Kind == MacroEventKind.Define && e.Macro >= 0 && rec.Macros[e.Macro].Origin is MacroOrigin.Predefined or MacroOrigin.CommandLine)
                baseline = Math.Max(baseline, i + 1);
        }
        BaselineEvent = baseline;
    }

    /// <summary>Events before this index set up the state the main file starts with.</summary>
    public int BaselineEvent { get; }

    public MacroDefinition this[int definition] => _rec.Macros[definition];

    /// <summary>The definition active before event <paramref name="eventIndex"/> took effect.</summary>
    public int DefinitionAt(int name, int eventIndex)
    {
        if (_eventsByName.TryGetValue(name, out var list))
        {
            int lo = 0, hi = list.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (list[mid] < eventIndex) lo = mid + 1; else hi = mid;
            }
            if (lo > 0)
            {
                var e = _rec.MacroEvents[list[lo - 1]];
                return e.Kind == MacroEventKind.Define ? e.Macro : -1;
            }
        }
        return _special.GetValueOrDefault(name, -1);
    }

    /// <summary>What the live patch has before anything is emitted: builtins and pre-included macros, no -D.</summary>
    public int BaselineDefinition(int name)
    {
        int d = DefinitionAt(name, BaselineEvent);
        return d >= 0 && _rec.Macros[d].Origin == MacroOrigin.CommandLine ? -1 : d;
    }

    /// <summary>The event that defined a definition (-1 for special macros).</summary>
    public int DefineEventOf(int definition) => _defineEvent[definition];

    /// <summary>Events of a name, in order.</summary>
    public IReadOnlyList<int> EventsOf(int name) =>
        _eventsByName.TryGetValue(name, out var list) ? list : (IReadOnlyList<int>)Array.Empty<int>();

    /// <summary>Identical definitions (gcc's benign redefinition) count as the same.</summary>
    public bool Same(int a, int b) =>
        a == b || (a >= 0 && b >= 0 && _rec.Macros[a].IsSameDefinitionAs(_rec.Macros[b]));
}
