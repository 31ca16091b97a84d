using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// What an #included header needs from the macro state it is entered with, and what it leaves
/// behind (SPEC §2.11): the macros it expands or tests that were defined (or not) before it,
/// the identifiers it uses literally, its first definition of each name, and its net
/// #define/#undef effect.
/// </summary>
internal sealed class HeaderMacroRequirements
{
    private readonly PreprocessedUnit _unit;
    private readonly IncludeRecord _include;
    private readonly Dictionary<int, int> _firstEvent = new();

    private HeaderMacroRequirements(PreprocessedUnit unit, IncludeRecord include)
    {
        _unit = unit;
        _include = include;
    }

    /// <summary>Names the header consults before changing them, with the definition they had at entry (-1: undefined).</summary>
    public List<(int Name, int Definition)> EntryRequirements { get; } = new();

    /// <summary>Each name the header defines or undefines, with its definition at the header's end (-1: undefined).</summary>
    public Dictionary<int, int> NetEffect { get; } = new();

    public static HeaderMacroRequirements Compute(PreprocessedUnit unit, OriginalMacroState original, IncludeRecord include)
    {
        var h = new HeaderMacroRequirements(unit, include);
        var rec = unit.Record;
        for (int i = include.EventStart; i < include.EventEnd; i++)
        {
            var e = rec.MacroEvents[i];
            h._firstEvent.TryAdd(e.NameId, i);
            h.NetEffect[e.NameId] = e.Kind == MacroEventKind.Define ? e.Macro : -1;
        }
        var seen = new HashSet<int>();
        for (int id = Math.Max(1, include.InvocationStart); id < include.InvocationEnd; id++)
        {
            int def = rec.Invocation(id).Macro;
            var m = rec.Macros[def];
            if (m.Origin == MacroOrigin.Special) continue;
            if (original.DefineEventOf(def) >= include.EventStart) continue; // the header's own
            if (seen.Add(m.NameId)) h.EntryRequirements.Add((m.NameId, def));
        }
        for (int g = include.ConditionalStart; g < include.ConditionalEnd; g++)
        {
            var group = rec.Conditionals[g];
            if (group.InSkippedCode) continue;
            foreach (var b in group.Branches)
            {
                if (b.Value is null) continue;
                foreach (int name in b.MacrosUsed)
                {
                    if (h._firstEvent.TryGetValue(name, out int first) && first < b.EventIndex) continue;
                    if (seen.Add(name)) h.EntryRequirements.Add((name, original.DefinitionAt(name, include.EventStart)));
                }
            }
        }
        return h;
    }

    /// <summary>The header's first change of the name: its definition, -1 for an #undef, null if it leaves the name alone.</summary>
    public int? FirstChange(int name)
    {
        if (!_firstEvent.TryGetValue(name, out int i)) return null;
        var e = _unit.Record.MacroEvents[i];
        return e.Kind == MacroEventKind.Define ? e.Macro : -1;
    }

    /// <summary>
    /// Whether the header's code uses the name as a plain identifier before defining it
    /// itself, and whether every such use is free of a following '(' (a function-like macro of
    /// that name would leave it alone).
    /// </summary>
    public bool UsesLiterally(int name, out bool neverFollowedByParen)
    {
        neverFollowedByParen = true;
        bool found = false;
        int end = _include.OutputEnd;
        if (_firstEvent.TryGetValue(name, out int first)) end = Math.Min(end, _unit.Record.MacroEvents[first].OutputIndex);
        var tokens = _unit.Tokens;
        for (int i = _include.OutputStart; i < end; i++)
        {
            ref readonly var t = ref tokens[i];
            if (t.Kind != TokenKind.Identifier || t.Text != name || (t.Flags & TokenFlags.NoExpand) != 0) continue;
            found = true;
            if (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.OpenParen) { neverFollowedByParen = false; break; }
        }
        return found;
    }
}
