using KlpCcp.Engine.Changes;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// SPEC §2.11 "Macro state": walks the output in order keeping the active macro definitions
/// and places the #define and #undef lines its requirements need. A missing definition goes to
/// the first feasible of: its original position (when that lies in the run of input-ordered
/// chunks before the use and nothing in between conflicts), the start of the using chunk,
/// right before the use. A macro that must not be active is #undef'd by an original #undef
/// placed after its last use, else by a synthesized one at the chunk start or right before
/// the use. An #include needs what its header consulted at entry and leaves its net effect;
/// a definition the fix adds to or changes in a header is not part of that effect (the live
/// patch is compiled against the running kernel's headers): the header leaves the name in an
/// unknown state, so a use gets an #undef and the #define.
/// </summary>
internal sealed class MacroDirectivePlanner
{
    private enum ConstraintKind : byte { RequireDefined, RequireUndefined, Placed }
    private readonly record struct Constraint(int Seq, ConstraintKind Kind, int Definition, bool FunctionLikeAllowed);

    private readonly PreprocessedUnit _unit;
    private readonly OriginalMacroState _original;
    private readonly DirectiveLines _lines;
    private readonly List<TimelineEntry> _entries;
    private readonly List<ChunkSpan> _chunks;
    private readonly HeaderMacroChanges _headerMacroChanges;
    private readonly DiagnosticBag _diagnostics;

    /// <summary>The active definition as the running kernel's header left it: unknown, but not the patched one.</summary>
    private const int RunningKernelDefinition = -2;
    private readonly Dictionary<int, int> _overrides = new();
    private readonly HashSet<int> _placedNames = new();
    private readonly Dictionary<int, List<Constraint>> _constraints = new();
    private readonly List<(int Entry, HeaderMacroRequirements Header)> _includes = new();
    private readonly Dictionary<int, HeaderMacroRequirements> _headers = new();
    private readonly HashSet<int> _reportedSpecial = new();
    private readonly List<DirectivePlacement> _placements = new();

    public MacroDirectivePlanner(PreprocessedUnit unit, OriginalMacroState original, DirectiveLines lines,
        List<TimelineEntry> entries, List<ChunkSpan> chunks, HeaderMacroChanges headerMacroChanges, DiagnosticBag diagnostics)
    {
        _headerMacroChanges = headerMacroChanges;
        _unit = unit;
        _original = original;
        _lines = lines;
        _entries = entries;
        _chunks = chunks;
        _diagnostics = diagnostics;
    }

    public List<DirectivePlacement> Plan()
    {
        int seq = 2;
        foreach (var e in _entries)
        {
            e.FirstSeq = seq;
            seq += 2 * (e.Requirements.Count + 1);
        }
        for (int i = 0; i < _entries.Count; i++)
        {
            var e = _entries[i];
            for (int k = 0; k < e.Requirements.Count; k++)
            {
                var r = e.Requirements[k];
                int at = e.FirstSeq + 2 * k;
                switch (r.Kind)
                {
                    case MacroRequirementKind.Defined: RequireDefined(i, at, r.Name, r.Definition, r.Key); break;
                    case MacroRequirementKind.Undefined: RequireUndefined(i, at, r.Name, r.FunctionLikeAllowed, r.Key); break;
                    case MacroRequirementKind.Include: Include(i, at, r.Definition); break;
                }
            }
        }
        return _placements;
    }

    private int Current(int name) => _overrides.TryGetValue(name, out int d) ? d : _original.BaselineDefinition(name);

    // ---- requirements -------------------------------------------------------------------------

    private void RequireDefined(int entry, int seq, int name, int definition, long useKey)
    {
        int current = Current(name);
        if (_original.Same(current, definition))
        {
            AddConstraint(name, seq, ConstraintKind.RequireDefined, definition);
            return;
        }
        var def = _original[definition];
        if (def.Origin is MacroOrigin.Special or MacroOrigin.Predefined)
        {
            // builtins never yield #defines; one that was #undef'd cannot come back
            if (_reportedSpecial.Add(name))
                _diagnostics.Add(Diagnostic.Error($"unable to emit define for required special macro \"{def.Name}\""));
            Place(entry, BeforeUseKey(entry, useKey), $"#error \"klp-ccp: unable to emit define for required special macro {def.Name}\"", -1, -1);
            return;
        }
        long originalKey = OriginalKey(definition);
        var slot = OriginalSlot(originalKey, entry) is { } s && Feasible(name, s.Entry, seq, definition) ? s
            : ChunkStartSlot(entry) is { } c && Feasible(name, c.Entry, seq, definition) ? c
            : (Entry: entry, Key: BeforeUseKey(entry, useKey));
        // a -D macro: the live patch's own build may pass it with another value (kbuild's
        // KBUILD_MODNAME is the livepatch module's name), which a bare #define would clash with
        if (current != -1 || def.Origin == MacroOrigin.CommandLine) Place(slot.Entry, slot.Key, $"#undef {def.Name}", -1, -1);
        PlaceDefinition(slot, definition);
        AddConstraint(name, _entries[slot.Entry].FirstSeq - 1, ConstraintKind.Placed, definition);
        AddConstraint(name, seq, ConstraintKind.RequireDefined, definition);
        _overrides[name] = definition;
        _placedNames.Add(name);
    }

    private void RequireUndefined(int entry, int seq, int name, bool functionLikeAllowed, long useKey)
    {
        int current = Current(name);
        if (current == -1 || (current >= 0 && functionLikeAllowed && _original[current].IsFunctionLike))
        {
            AddConstraint(name, seq, ConstraintKind.RequireUndefined, -1, functionLikeAllowed);
            return;
        }
        (int Entry, long Key, int Event)? chosen = null;
        foreach (int ev in _original.EventsOf(name))
        {
            var e = _unit.Record.MacroEvents[ev];
            if (e.Kind != MacroEventKind.Undef || _lines.LineOfEvent(ev) < 0) continue;
            long key = InputOrder.OfDirective(e.OutputIndex, e.Sequence);
            if (OriginalSlot(key, entry) is { } s && Feasible(name, s.Entry, seq, -1)) { chosen = (s.Entry, s.Key, ev); break; }
        }
        if (chosen is { } orig)
        {
            Place(orig.Entry, orig.Key, RawLine(orig.Event), RegionOf(_unit.Record.MacroEvents[orig.Event].DirectiveLoc), orig.Event);
        }
        else
        {
            var slot = ChunkStartSlot(entry) is { } c && Feasible(name, c.Entry, seq, -1) ? c : (Entry: entry, Key: BeforeUseKey(entry, useKey));
            Place(slot.Entry, slot.Key, $"#undef {_unit.Names[name]}", -1, -1);
            chosen = (slot.Entry, slot.Key, -1);
        }
        AddConstraint(name, _entries[chosen.Value.Entry].FirstSeq - 1, ConstraintKind.Placed, -1);
        AddConstraint(name, seq, ConstraintKind.RequireUndefined, -1, functionLikeAllowed);
        _overrides[name] = -1;
        _placedNames.Add(name);
    }

    private void Include(int entry, int seq, int includeId)
    {
        var inc = _unit.Record.Includes[includeId];
        // #include MACRO: the macros that spelled the header name
        for (int id = Math.Max(1, inc.DirectiveInvocationStart); id < inc.InvocationStart && id < _unit.Record.InvocationCount; id++)
        {
            int def = _unit.Record.Invocation(id).Macro;
            if (_original[def].Origin != MacroOrigin.Special) RequireDefined(entry, seq, _original[def].NameId, def, long.MaxValue);
        }
        if (inc.Region < 0) return;
        if (!_headers.TryGetValue(includeId, out var header))
            _headers[includeId] = header = HeaderMacroRequirements.Compute(_unit, _original, inc);
        var handled = new HashSet<int>();
        foreach (var (name, def) in header.EntryRequirements)
        {
            handled.Add(name);
            if (def >= 0) RequireDefined(entry, seq, name, def, long.MaxValue);
            else RequireUndefined(entry, seq, name, false, long.MaxValue);
        }
        // names this output defined differently from the original: the header must not see them
        foreach (int name in _placedNames.ToList())
        {
            if (handled.Contains(name)) continue;
            int current = Current(name);
            if (current < 0 || _original.Same(current, _original.DefinitionAt(name, inc.EventStart))) continue;
            bool literal = header.UsesLiterally(name, out bool noParen) && !(noParen && _original[current].IsFunctionLike);
            bool incompatible = header.FirstChange(name) is int first && first >= 0 && !_original.Same(current, first);
            if (literal || incompatible) RequireUndefined(entry, seq, name, false, long.MaxValue);
        }
        foreach (var (name, net) in header.NetEffect)
        {
            int def = net >= 0 && _headerMacroChanges.IsChanged(net) ? RunningKernelDefinition : net;
            _overrides[name] = def;
            _placedNames.Remove(name);
            AddConstraint(name, seq + 1, ConstraintKind.Placed, def);
        }
        _includes.Add((entry, header));
    }

    // ---- placement ------------------------------------------------------------------------------

    /// <summary>
    /// Whether the name may change to <paramref name="definition"/> (-1: undefined) from before
    /// entry <paramref name="slotEntry"/> up to the use: nothing in between needs it otherwise
    /// and no header included in between sees it.
    /// </summary>
    private bool Feasible(int name, int slotEntry, int useSeq, int definition)
    {
        int from = _entries[slotEntry].FirstSeq - 1;
        if (from > useSeq) return false;
        if (_constraints.TryGetValue(name, out var list))
        {
            int lo = 0, hi = list.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (list[mid].Seq < from) lo = mid + 1; else hi = mid;
            }
            for (int k = lo; k < list.Count && list[k].Seq < useSeq; k++)
            {
                var c = list[k];
                switch (c.Kind)
                {
                    case ConstraintKind.RequireDefined when !_original.Same(c.Definition, definition):
                    case ConstraintKind.Placed when !_original.Same(c.Definition, definition):
                        return false;
                    case ConstraintKind.RequireUndefined when definition >= 0 && !(c.FunctionLikeAllowed && _original[definition].IsFunctionLike):
                        return false;
                }
            }
        }
        if (definition >= 0)
        {
            foreach (var (entry, header) in _includes)
            {
                if (entry < slotEntry) continue;
                if (_entries[entry].FirstSeq >= useSeq) break;
                if (header.UsesLiterally(name, out bool noParen) && !(noParen && _original[definition].IsFunctionLike)) return false;
            }
        }
        return true;
    }

    /// <summary>Input order of a definition's #define (-D macros: the very start).</summary>
    private long OriginalKey(int definition)
    {
        int ev = _original.DefineEventOf(definition);
        if (ev < 0 || _original[definition].Origin == MacroOrigin.CommandLine) return long.MinValue;
        var e = _unit.Record.MacroEvents[ev];
        return InputOrder.OfDirective(e.OutputIndex, e.Sequence);
    }

    /// <summary>
    /// The place corresponding to input position <paramref name="key"/> before the use at
    /// <paramref name="useEntry"/>, within the run of chunks that follow the input order.
    /// </summary>
    private (int Entry, long Key)? OriginalSlot(long key, int useEntry)
    {
        var use = _entries[useEntry];
        int c = use.Chunk;
        if (c >= _chunks.Count || _chunks[c].FirstKey is not { } firstKey) return null;
        if (firstKey < key)
        {
            int t = FirstInnerEntryAfter(_chunks[c], key);
            return t >= 0 && t <= useEntry ? (t, key) : null;
        }
        while (true)
        {
            int pc = c - 1;
            while (pc >= 0 && _chunks[pc].FirstKey is null) pc--;
            if (pc < 0) return GapSlot(c, key, useEntry);
            var prev = _chunks[pc];
            if (prev.LastKey > _chunks[c].FirstKey) return null; // the run of input-ordered chunks ends here
            if (key > prev.LastKey) return GapSlot(c, key, useEntry);
            if (key > prev.FirstKey)
            {
                int t = FirstInnerEntryAfter(prev, key);
                return t >= 0 ? (t, key) : null;
            }
            c = pc;
        }
    }

    private (int Entry, long Key)? GapSlot(int chunk, long key, int useEntry)
    {
        var span = _chunks[chunk];
        foreach (int g in span.GapEntries)
            if (_entries[g].Key > key) return g <= useEntry ? (g, key) : null;
        return span.ChunkStartEntry <= useEntry ? (span.ChunkStartEntry, key) : null;
    }

    private int FirstInnerEntryAfter(ChunkSpan span, long key)
    {
        foreach (int t in span.InnerEntries)
            if (_entries[t].Key is { } k && k > key) return t;
        return -1;
    }

    private (int Entry, long Key)? ChunkStartSlot(int useEntry)
    {
        var use = _entries[useEntry];
        if (use.Chunk >= _chunks.Count) return null;
        int start = _chunks[use.Chunk].ChunkStartEntry;
        return start >= 0 && start <= useEntry ? (start, long.MaxValue) : null;
    }

    private long BeforeUseKey(int entry, long useKey) => useKey == long.MaxValue ? long.MaxValue : useKey - 1;

    private void PlaceDefinition((int Entry, long Key) slot, int definition)
    {
        var def = _original[definition];
        int ev = _original.DefineEventOf(definition);
        if (def.Origin == MacroOrigin.Source && ev >= 0 && _lines.LineOfEvent(ev) >= 0)
            Place(slot.Entry, slot.Key, RawLine(ev), RegionOf(_unit.Record.MacroEvents[ev].DirectiveLoc), ev);
        else
            Place(slot.Entry, slot.Key, SynthesizedDefine(def, ev), -1, -1);
    }

    private void Place(int entry, long key, string text, int region, int ev) =>
        _placements.Add(new DirectivePlacement(entry, key, text, region, ev, _placements.Count));

    private void AddConstraint(int name, int seq, ConstraintKind kind, int definition, bool functionLikeAllowed = false)
    {
        if (!_constraints.TryGetValue(name, out var list)) _constraints[name] = list = new List<Constraint>();
        var c = new Constraint(seq, kind, definition, functionLikeAllowed);
        // placements may go before recorded uses: keep the list ordered by sequence
        int i = list.Count;
        while (i > 0 && list[i - 1].Seq > seq) i--;
        list.Insert(i, c);
    }

    private string RawLine(int ev)
    {
        var e = _unit.Record.MacroEvents[ev];
        return ConditionalReproduction.RawText(_unit, e.DirectiveLoc, e.EndLoc);
    }

    private int RegionOf(int loc) => _unit.Sources.GetRegion(loc)?.Id ?? -1;

    /// <summary>A -D macro as a #define line: the text the command line gave it.</summary>
    private string SynthesizedDefine(MacroDefinition def, int ev)
    {
        if (ev >= 0)
        {
            var e = _unit.Record.MacroEvents[ev];
            var text = ConditionalReproduction.RawText(_unit, e.DirectiveLoc, e.EndLoc);
            if (text.StartsWith('#')) return text;
        }
        var sb = new System.Text.StringBuilder("#define ").Append(def.Name);
        if (def.IsFunctionLike)
        {
            sb.Append('(');
            for (int i = 0; i < def.Parameters.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                bool vaArgs = def.IsVariadic && i == def.Parameters.Length - 1 && _unit.Names[def.Parameters[i]] == "__VA_ARGS__";
                sb.Append(vaArgs ? "..." : _unit.Names[def.Parameters[i]]);
                if (def.IsVariadic && i == def.Parameters.Length - 1 && !vaArgs) sb.Append("...");
            }
            sb.Append(')');
        }
        foreach (var t in def.Body)
        {
            sb.Append(' ');
            if ((t.Flags & TokenFlags.Stringify) != 0) sb.Append('#');
            sb.Append(t.Kind == TokenKind.MacroArg ? _unit.Names[def.Parameters[t.Text]] : _unit.Spell(t));
            if ((t.Flags & TokenFlags.PasteLeft) != 0) sb.Append(" ##");
        }
        return sb.ToString();
    }
}
