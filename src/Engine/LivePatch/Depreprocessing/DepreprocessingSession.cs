using KlpCcp.Engine.Changes;
using System.Text;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// The depreprocessor's view of one output being written, in two passes over the same chunks.
/// The first pass records the timeline: every place where a token, a macro invocation, a
/// synthesized text or an #include is written and what it needs from the macro state. Between
/// the passes the conditional groups to reproduce and the #define/#undef lines are decided.
/// The second pass asks at the same places for the directive lines to write.
/// </summary>
internal sealed class DepreprocessingSession
{
    private readonly PreprocessedUnit _unit;
    private readonly DirectiveLines _lines;
    private readonly OriginalMacroState _original;

    // first pass
    private readonly List<ChunkSpan> _chunks = new();
    private readonly List<List<TimelineEntry>> _inner = new();
    private readonly List<long> _writtenKeys = new();
    private readonly List<(long, long)> _writtenRanges = new();
    private readonly HashSet<int> _claimed = new();
    private readonly Dictionary<TimelineEntry, List<int>> _claimedOf = new();
    private TimelineEntry? _current;

    // decided between the passes
    private List<TimelineEntry> _entries = new();
    private ConditionalReproduction? _conditionals;
    private Dictionary<int, List<DirectivePlacement>> _placementsAt = new();
    private readonly List<int> _finalLines = new();

    // second pass
    private bool _writing;
    private int _chunk = -1;
    private int _cursor;
    private readonly Dictionary<TimelineEntry, int> _indexOf = new();

    private readonly HeaderMacroChanges _headerMacroChanges;

    public DepreprocessingSession(PreprocessedUnit unit, HeaderMacroChanges headerMacroChanges)
    {
        _unit = unit;
        _headerMacroChanges = headerMacroChanges;
        _lines = new DirectiveLines(unit);
        _original = new OriginalMacroState(unit.Record);
    }

    public bool Writing => _writing;

    // ---- chunk level -------------------------------------------------------------------------

    /// <summary>Starts a chunk; in the second pass, the directive lines to write before it (text, region for the marker, -1: synthesized).</summary>
    public List<(string Text, int Region)> BeginChunk(int chunk, int anchorInclude = -1)
    {
        _chunk = chunk;
        _cursor = 0;
        if (!_writing)
        {
            long? anchor = null;
            if (anchorInclude >= 0)
            {
                var inc = _unit.Record.Includes[anchorInclude];
                anchor = InputOrder.OfDirective(inc.OutputStart, inc.Sequence);
            }
            _chunks.Add(new ChunkSpan { AnchorKey = anchor, FirstKey = anchor, LastKey = anchor });
            _inner.Add(new List<TimelineEntry>());
            return new();
        }
        var span = _chunks[chunk];
        var result = new List<(string, int)>();
        foreach (int g in span.GapEntries) GapLevel(g, result);
        if (span.ChunkStartEntry >= 0) GapLevel(span.ChunkStartEntry, result);
        return result;
    }

    /// <summary>An #include line written as its own chunk; in the second pass, the directive lines to write before it.</summary>
    public List<(string Text, int Region)> IncludeLine(int includeId)
    {
        var inc = _unit.Record.Includes[includeId];
        long key = InputOrder.OfDirective(inc.OutputStart, inc.Sequence);
        if (!_writing)
        {
            var e = new TimelineEntry { Kind = TimelineEntryKind.Include, Chunk = _chunk, Key = key };
            e.Requirements.Add(new MacroRequirement(MacroRequirementKind.Include, -1, includeId));
            AddInner(e);
            _writtenKeys.Add(key);
            var span = _chunks[_chunk];
            span.FirstKey ??= key;
            span.LastKey = key;
            return new();
        }
        var result = new List<(string, int)>();
        GapLevel(_indexOf[_inner[_chunk][_cursor++]], result);
        return result;
    }

    /// <summary>An #include line inside a chunk (a declaration spanning headers); second pass: directive lines to write before it.</summary>
    public string? BeforeIncludeLine(int includeId)
    {
        if (!_writing)
        {
            var inc = _unit.Record.Includes[includeId];
            var e = new TimelineEntry { Kind = TimelineEntryKind.Include, Chunk = _chunk, Key = InputOrder.OfDirective(inc.OutputStart, inc.Sequence) };
            e.Requirements.Add(new MacroRequirement(MacroRequirementKind.Include, -1, includeId));
            AddInner(e);
            _writtenKeys.Add(e.Key!.Value);
            return null;
        }
        int index = _indexOf[_inner[_chunk][_cursor++]];
        return LinesText(new List<int>(), _placementsAt.GetValueOrDefault(index) ?? new List<DirectivePlacement>());
    }

    /// <summary>After the last chunk: the lines that leave the groups still open.</summary>
    public List<(string Text, int Region)> FinalLines()
    {
        var result = new List<(string, int)>();
        foreach (int l in _finalLines) result.Add((_conditionals!.Render(l), RegionOf(_lines[l].Loc)));
        return result;
    }

    private void GapLevel(int entry, List<(string, int)> result)
    {
        if (_placementsAt.TryGetValue(entry, out var placements))
            foreach (var p in placements) result.Add((p.Text, p.Region));
        var e = _entries[entry];
        if (e.Kind == TimelineEntryKind.GapLine) result.Add((_conditionals!.Render(e.Line), RegionOf(_lines[e.Line].Loc)));
    }

    // ---- inside a chunk ------------------------------------------------------------------------

    /// <summary>
    /// The text to write between the previous token of the chunk and this one. With
    /// <paramref name="gap"/> the original text in between is copied, its directive lines
    /// reproduced or placed; otherwise only directive lines are written (each ending a line).
    /// <paramref name="claim"/>: the raw range of the macro invocation starting here, whose own
    /// directive lines it writes itself. First pass: null.
    /// </summary>
    public string? BeforeToken(int previousToken, int token, GapRange? gap, (int Loc, int EndLoc)? claim)
    {
        if (!_writing)
        {
            var e = new TimelineEntry
            {
                Kind = TimelineEntryKind.Token, Chunk = _chunk, Token = token, Key = InputOrder.OfToken(token),
                PreviousToken = previousToken, Gap = gap,
            };
            AddInner(e);
            var span = _chunks[_chunk];
            if (span.AnchorKey is not null) return null;
            _writtenKeys.Add(e.Key!.Value);
            if (span.FirstKey is null) { span.FirstKey = e.Key; span.FirstToken = token; }
            span.LastKey = e.Key;
            span.LastToken = token;
            if (claim is { } c) Claim(e, token, c.Loc, c.EndLoc);
            if (gap is { } copied) KeptEmptyInvocations(token, copied);
            return null;
        }
        int index = _indexOf[_inner[_chunk][_cursor++]];
        var entry = _entries[index];
        var placements = _placementsAt.GetValueOrDefault(index) ?? new List<DirectivePlacement>();
        return entry.Gap is { } g ? GapText(entry, g, placements) : LinesText(entry.Lines, placements);
    }

    /// <summary>Synthesized text in a chunk; second pass: directive lines to write before it.</summary>
    public string? BeforeText(string text)
    {
        if (!_writing)
        {
            var e = new TimelineEntry { Kind = TimelineEntryKind.Text, Chunk = _chunk };
            AddInner(e);
            IdentifiersIn(text);
            return null;
        }
        int index = _indexOf[_inner[_chunk][_cursor++]];
        return LinesText(new List<int>(), _placementsAt.GetValueOrDefault(index) ?? new List<DirectivePlacement>());
    }

    public void EndChunk() { }

    /// <summary>Tokens first..last of a chunk piece are written (their range counts as emitted for #if groups inside).</summary>
    public void WrittenRange(int first, int last)
    {
        if (!_writing && _chunks[_chunk].AnchorKey is null) _writtenRanges.Add((InputOrder.OfToken(first), InputOrder.OfToken(last)));
    }

    /// <summary>A plain identifier is written: no object-like macro of that name may be active (nor a function-like one before '(').</summary>
    public void Identifier(int name, bool followedByParen)
    {
        if (_writing || _current is null) return;
        _current.Requirements.Add(new MacroRequirement(MacroRequirementKind.Undefined, name, FunctionLikeAllowed: !followedByParen));
    }

    /// <summary>Identifiers of synthesized text (a new name, an inserted storage class).</summary>
    public void IdentifiersIn(string text)
    {
        if (_writing || _current is null) return;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetter(c) || c == '_' || c == '$')
            {
                int s = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '$')) i++;
                var word = text.AsSpan(s, i - s);
                if (SyntheticKeywords.Contains(word.ToString())) continue;
                int j = i;
                while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
                Identifier(_unit.Names.Intern(word.ToString()), j < text.Length && text[j] == '(');
                continue;
            }
            if (char.IsDigit(c)) { while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++; continue; }
            i++;
        }
    }

    // keywords the tool itself writes (storage classes): they stand for whatever the kernel makes of them
    private static readonly HashSet<string> SyntheticKeywords = new(StringComparer.Ordinal) { "static", "extern", "inline", "__inline", "__inline__" };

    /// <summary>
    /// A macro invocation is kept unexpanded: every macro its expansion used must be active with
    /// the same definition, and the identifiers it produced or looked up must stay plain.
    /// </summary>
    public void KeptInvocation(int top, Func<int, string?> replacementOf, Func<int, bool> rewrittenLoc)
    {
        if (_writing || _current is null) return;
        var rec = _unit.Record;
        ref readonly var inv = ref rec.Invocation(top);
        var region = _unit.Sources.GetRegion(inv.NameLoc);
        var nameLocs = new HashSet<int>();
        var used = new HashSet<int>();
        var lookedUp = new List<(int First, int Last)>();
        for (int id = top; id < rec.InvocationCount; id++)
        {
            ref readonly var x = ref rec.Invocation(id);
            bool inTree = x.TopLevel == top;
            bool directiveInside = !inTree && x.Parent == 0 && region is not null && x.NameLoc >= inv.NameLoc && x.NameLoc < inv.EndLoc;
            if (!inTree && !directiveInside) break;
            if (!inTree) continue;
            nameLocs.Add(x.NameLoc);
            var def = rec.Macros[x.Macro];
            var args = rec.ArgumentsOf(x);
            for (int a = 0; a < args.Length; a++)
                if (args[a].FirstLoc != 0 && IsPreExpanded(def, a)) lookedUp.Add((args[a].FirstLoc, args[a].LastLoc));
            if (def.Origin == MacroOrigin.Special || !used.Add(def.NameId)) continue;
            _current.Requirements.Add(new MacroRequirement(MacroRequirementKind.Defined, def.NameId, def.Id));
        }
        var tokens = _unit.Tokens;
        for (int i = inv.OutputStart; i < inv.OutputEnd; i++)
        {
            ref readonly var t = ref tokens[i];
            if (t.Kind != TokenKind.Identifier || (t.Flags & TokenFlags.NoExpand) != 0) continue;
            if (replacementOf(i) is { } rep) { IdentifiersIn(rep); continue; }
            Identifier(t.Text, i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.OpenParen);
        }
        // identifiers of the arguments that were looked up while pre-expanding them
        if (region is null) return;
        var text = region.File.Text;
        int p = inv.NameLoc - region.Base, end = Math.Min(inv.EndLoc - region.Base, text.Length);
        while (p < end)
        {
            char c = text[p];
            if (c == '"' || c == '\'')
            {
                p++;
                while (p < end && text[p] != c) p += text[p] == '\\' ? 2 : 1;
                p++;
                continue;
            }
            if (c == '/' && p + 1 < end && text[p + 1] == '*') { int close = text.IndexOf("*/", p + 2, StringComparison.Ordinal); p = close < 0 ? end : close + 2; continue; }
            if (c == '/' && p + 1 < end && text[p + 1] == '/') { while (p < end && text[p] != '\n') p++; continue; }
            if (c == '#' && AtLineStart(text, p)) { while (p < end && text[p] != '\n') p++; continue; }
            if (char.IsLetter(c) || c == '_' || c == '$')
            {
                int s = p;
                while (p < end && (char.IsLetterOrDigit(text[p]) || text[p] == '_' || text[p] == '$')) p++;
                int loc = region.Base + s;
                if (nameLocs.Contains(loc) || rewrittenLoc(loc) || !lookedUp.Any(r => r.First <= loc && loc <= r.Last)) continue;
                int j = p;
                while (j < end && char.IsWhiteSpace(text[j])) j++;
                Identifier(_unit.Names.Intern(text.Substring(s, p - s)), j < end && text[j] == '(');
                continue;
            }
            if (char.IsDigit(c)) { while (p < end && (char.IsLetterOrDigit(text[p]) || text[p] == '_' || text[p] == '.')) p++; continue; }
            p++;
        }
    }

    /// <summary>Whether a parameter is used other than with # or ## (its argument is macro-expanded before substitution).</summary>
    private static bool IsPreExpanded(MacroDefinition def, int argument)
    {
        int param = Math.Min(argument, def.ParameterCount - 1);
        var body = def.Body;
        for (int i = 0; i < body.Length; i++)
        {
            if (body[i].Kind != TokenKind.MacroArg || body[i].Text != param) continue;
            bool pasted = (body[i].Flags & (TokenFlags.Stringify | TokenFlags.PasteLeft)) != 0
                          || (i > 0 && (body[i - 1].Flags & TokenFlags.PasteLeft) != 0);
            if (!pasted) return true;
        }
        return false;
    }

    /// <summary>Invocations expanding to nothing inside copied text are kept with it.</summary>
    private void KeptEmptyInvocations(int token, GapRange gap)
    {
        var rec = _unit.Record;
        var region = _unit.Sources.Regions[gap.Region];
        int from = region.Base + gap.Start, to = region.Base + gap.End;
        for (int id = rec.FirstInvocationAtOrAfter(token); id < rec.InvocationCount; id++)
        {
            ref readonly var inv = ref rec.Invocation(id);
            if (inv.OutputStart != token) break;
            if (inv.Parent != 0 || inv.OutputEnd != token || inv.NameLoc < from || inv.NameLoc >= to) continue;
            if (OnDirectiveLine(region.File.Text, inv.NameLoc - region.Base)) continue;
            KeptInvocation(id, _ => null, _ => false);
        }
    }

    private static bool OnDirectiveLine(string text, int p)
    {
        int s = p;
        while (s > 0 && text[s - 1] != '\n') s--;
        while (s < p && text[s] is ' ' or '\t') s++;
        return s < text.Length && text[s] == '#';
    }

    private static bool AtLineStart(string text, int p)
    {
        for (int i = p - 1; i >= 0; i--)
        {
            if (text[i] == '\n') return true;
            if (text[i] is not (' ' or '\t')) return false;
        }
        return true;
    }

    /// <summary>The raw text of a written invocation with the directive lines inside it reproduced.</summary>
    public string InvocationText(Source.SourceRegion region, int start, int end)
    {
        if (!_writing || _conditionals is null) return region.File.Text.Substring(start, end - start);
        var lines = ClaimedLinesIn(region, start, end);
        if (lines.Count == 0) return region.File.Text.Substring(start, end - start);
        var sb = new StringBuilder();
        CopyWithLines(sb, region, start, end, lines, new List<DirectivePlacement>());
        return sb.ToString();
    }

    /// <summary>The reproduced directive lines inside an invocation that is written expanded (they go before its expansion).</summary>
    public string ClaimedLinesText(Source.SourceRegion region, int start, int end)
    {
        if (!_writing || _conditionals is null) return "";
        var sb = new StringBuilder();
        foreach (int l in ClaimedLinesIn(region, start, end))
            if (_conditionals.IsReproducedLine(l)) sb.Append(_conditionals.Render(l)).Append('\n');
        return sb.ToString();
    }

    private List<int> ClaimedLinesIn(Source.SourceRegion region, int start, int end)
    {
        var result = new List<int>();
        foreach (int l in _claimed)
        {
            int loc = _lines[l].Loc;
            if (loc >= region.Base + start && loc < region.Base + end) result.Add(l);
        }
        result.Sort((a, b) => _lines[a].Loc.CompareTo(_lines[b].Loc));
        return result;
    }

    private void Claim(TimelineEntry e, int token, int loc, int endLoc)
    {
        var list = new List<int>();
        foreach (int l in _lines.Between(InputOrder.OfToken(token - 1), InputOrder.OfToken(token)))
        {
            ref readonly var line = ref _lines[l];
            if (line.Loc >= loc && line.Loc < endLoc && line.Kind is DirectiveLineKind.Branch or DirectiveLineKind.Endif)
            {
                list.Add(l);
                _claimed.Add(l);
            }
        }
        if (list.Count > 0) _claimedOf[e] = list;
    }

    private void AddInner(TimelineEntry e)
    {
        _inner[_chunk].Add(e);
        _current = e;
    }

    // ---- between the passes -------------------------------------------------------------------

    /// <summary>Decides the conditional groups and the macro directives; then the second pass can write.</summary>
    public void Plan(DiagnosticBag diagnostics)
    {
        var keys = _writtenKeys.ToArray();
        Array.Sort(keys);
        _conditionals = new ConditionalReproduction(_unit, _lines, keys, _writtenRanges, _claimed);
        _entries = new List<TimelineEntry>();
        long? last = null;
        for (int c = 0; c < _chunks.Count; c++)
        {
            var span = _chunks[c];
            if (span.FirstKey is { } first)
            {
                foreach (int l in _conditionals.Transition(last, first))
                {
                    var g = new TimelineEntry { Kind = TimelineEntryKind.GapLine, Chunk = c, Key = _lines[l].Key, Line = l };
                    AddLineRequirements(g, l);
                    span.GapEntries.Add(Add(g));
                }
                last = span.LastKey;
            }
            span.ChunkStartEntry = Add(new TimelineEntry { Kind = TimelineEntryKind.ChunkStart, Chunk = c, Key = span.FirstKey });
            foreach (var e in _inner[c])
            {
                var own = e.Requirements.ToList();
                e.Requirements.Clear();
                if (e.Kind == TimelineEntryKind.Token && span.AnchorKey is null)
                {
                    e.Lines = e.Gap is { } gap ? LinesInGap(e, gap) : e.PreviousToken >= 0
                        ? _conditionals.Transition(InputOrder.OfToken(e.PreviousToken), e.Key!.Value) : new List<int>();
                    foreach (int l in e.Lines) AddLineRequirements(e, l);
                    if (_claimedOf.TryGetValue(e, out var claimed))
                        foreach (int l in claimed) AddLineRequirements(e, l);
                }
                e.Requirements.AddRange(own);
                span.InnerEntries.Add(Add(e));
            }
        }
        if (last is not null) _finalLines.AddRange(_conditionals.Transition(last, null));

        var placements = new MacroDirectivePlanner(_unit, _original, _lines, _entries, _chunks, _headerMacroChanges, diagnostics).Plan();
        _placementsAt = placements.GroupBy(p => p.Entry)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Key).ThenBy(p => p.Order).ToList());
        _writing = true;
    }

    private int Add(TimelineEntry e)
    {
        _entries.Add(e);
        _indexOf[e] = _entries.Count - 1;
        return _entries.Count - 1;
    }

    /// <summary>All recorded directive lines inside a copied gap, in order.</summary>
    private List<int> LinesInGap(TimelineEntry e, GapRange gap)
    {
        var region = _unit.Sources.Regions[gap.Region];
        int from = region.Base + gap.Start, to = region.Base + gap.End;
        var result = new List<int>();
        foreach (int l in _lines.Between(InputOrder.OfToken(e.PreviousToken), e.Key!.Value))
        {
            int loc = _lines[l].Loc;
            if (loc >= from && loc < to) result.Add(l);
        }
        return result;
    }

    /// <summary>A reproduced #if/#elif line needs the macro state its condition saw; an #include line its header's.</summary>
    private void AddLineRequirements(TimelineEntry e, int line)
    {
        ref readonly var l = ref _lines[line];
        if (l.Kind == DirectiveLineKind.Include)
        {
            e.Requirements.Add(new MacroRequirement(MacroRequirementKind.Include, -1, l.Include, Key: l.Key));
            return;
        }
        if (l.Kind != DirectiveLineKind.Branch || !_conditionals!.IsReproduced(l.Group)) return;
        var branch = _unit.Record.Conditionals[l.Group].Branches[l.Branch];
        if (branch.Value is null) return;
        foreach (int name in branch.MacrosUsed)
        {
            int def = _original.DefinitionAt(name, branch.EventIndex);
            e.Requirements.Add(def >= 0
                ? new MacroRequirement(MacroRequirementKind.Defined, name, def, Key: l.Key)
                : new MacroRequirement(MacroRequirementKind.Undefined, name, Key: l.Key));
        }
    }

    // ---- second pass: text -------------------------------------------------------------------

    private string GapText(TimelineEntry entry, GapRange gap, List<DirectivePlacement> placements)
    {
        var region = _unit.Sources.Regions[gap.Region];
        var sb = new StringBuilder();
        CopyWithLines(sb, region, gap.Start, gap.End, entry.Lines, placements);
        return sb.ToString();
    }

    /// <summary>
    /// Copies original text, writing each directive line in it as the depreprocessor decided:
    /// group lines reproduced (and the code of non-taken branches left out), #define/#undef
    /// lines only where placed, #include lines as they are; placed lines go in input order.
    /// </summary>
    private void CopyWithLines(StringBuilder sb, Source.SourceRegion region, int start, int end, List<int> lines, List<DirectivePlacement> placements)
    {
        var text = region.File.Text;
        int pos = start;
        bool skipping = false;
        int pi = 0;
        foreach (int l in lines)
        {
            ref readonly var line = ref _lines[l];
            int lineStart = line.Loc - region.Base;
            if (lineStart < pos) continue;
            if (!skipping) sb.Append(text, pos, lineStart - pos);
            while (pi < placements.Count && placements[pi].Key < line.Key) AppendLine(sb, placements[pi++].Text);
            switch (line.Kind)
            {
                case DirectiveLineKind.Branch or DirectiveLineKind.Endif:
                    skipping = _conditionals!.StartsSkippedCode(l);
                    if (_conditionals.IsReproducedLine(l))
                    {
                        sb.Append(_conditionals.Render(l));
                        if (skipping) sb.Append('\n'); // the newline ending it belongs to the skipped text
                    }
                    break;
                case DirectiveLineKind.MacroEvent:
                    while (pi < placements.Count && placements[pi].Key == line.Key)
                    {
                        var p = placements[pi++];
                        if (p.Event == line.Event) sb.Append(p.Text);
                        else AppendLine(sb, p.Text);
                    }
                    break;
                case DirectiveLineKind.Include:
                    if (!skipping) sb.Append(text, lineStart, Math.Max(0, line.EndLoc - region.Base - lineStart));
                    break;
            }
            pos = Math.Max(pos, line.EndLoc - region.Base);
        }
        if (!skipping && pos < end) sb.Append(text, pos, end - pos);
        bool any = pi < placements.Count;
        while (pi < placements.Count) AppendLine(sb, placements[pi++].Text);
        if (any && sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
    }

    private static void AppendLine(StringBuilder sb, string line)
    {
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        sb.Append(line).Append('\n');
    }

    /// <summary>Directive lines only: group lines and placements merged in input order, each on a line of its own.</summary>
    private string? LinesText(List<int> lines, List<DirectivePlacement> placements)
    {
        if (lines.Count == 0 && placements.Count == 0) return null;
        var sb = new StringBuilder();
        int pi = 0;
        foreach (int l in lines)
        {
            while (pi < placements.Count && placements[pi].Key < _lines[l].Key) sb.Append(placements[pi++].Text).Append('\n');
            sb.Append(_conditionals!.Render(l)).Append('\n');
        }
        while (pi < placements.Count) sb.Append(placements[pi++].Text).Append('\n');
        return sb.ToString();
    }

    private int RegionOf(int loc) => _unit.Sources.GetRegion(loc)?.Id ?? -1;
}
