using System.Text;
using KlpCcp.Engine.LivePatch.Depreprocessing;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.LivePatch.Output;

/// <summary>
/// Writes pieces of the unit as source text: tokens spelled in a file are copied as their
/// original bytes (with the comments and layout between them); a top-level macro invocation
/// whose whole expansion is copied unmodified is written as the invocation; one whose only
/// changes are identifier replacements of tokens passed through from its arguments is written
/// with those arguments rewritten; any other expanded tokens are written as preprocessed
/// tokens. Edits (replacements, insertions, purges) apply on the way. With a depreprocessing
/// session, the directive lines between written tokens are the session's (reproduced #if
/// groups, placed #define/#undef lines) and what the text needs from the macro state is
/// reported to it.
/// </summary>
public sealed class ChunkTextWriter
{
    private readonly PreprocessedUnit _unit;
    private readonly TokenEdits _edits;
    private readonly StringBuilder _sb;
    // raw position right after the last written file text: region id and offset (-1: none)
    private int _lastRegion = -1;
    private int _lastEnd = -1;
    // the unit token written last: the original text between two tokens is copied only when
    // they are consecutive in the unit (nothing in between was left out)
    private int _lastToken = -2;
    private bool _pendingBlank;
    private readonly DepreprocessingSession? _session;

    /// <summary>
    /// The file the text is in, for the origin markers: set to the chunk's file before writing;
    /// a written token from another file starts a marker line (a declaration spanning files).
    /// </summary>
    public int MarkedRegion { get; set; } = -1;

    public ChunkTextWriter(PreprocessedUnit unit, TokenEdits edits, StringBuilder output)
        : this(unit, edits, output, null)
    {
    }

    internal ChunkTextWriter(PreprocessedUnit unit, TokenEdits edits, StringBuilder output, DepreprocessingSession? session)
    {
        _unit = unit;
        _edits = edits;
        _sb = output;
        _session = session;
    }

    /// <summary>Macro invocations the text keeps unexpanded (their definitions must be active where they are written).</summary>
    public List<int> KeptInvocations { get; } = new();

    public void Write(ChunkPiece piece)
    {
        switch (piece)
        {
            case ChunkPiece.Text t:
                AppendDirectiveLines(_session?.BeforeText(t.Value));
                AppendSynthesized(t.Value);
                _lastRegion = -1;
                break;
            case ChunkPiece.Tokens r:
                _session?.WrittenRange(r.First, r.Last);
                WriteTokens(r.First, r.Last);
                break;
            case ChunkPiece.Include inc:
                WriteIncludeLine(inc.IncludeId);
                break;
        }
    }

    private void WriteIncludeLine(int includeId)
    {
        var inc = _unit.Record.Includes[includeId];
        var region = _unit.Sources.GetRegion(inc.DirectiveLoc);
        if (region is null) return;
        AppendDirectiveLines(_session?.BeforeIncludeLine(includeId));
        if (_sb.Length > 0 && _sb[^1] != '\n') _sb.Append('\n');
        _sb.Append(region.File.Text, inc.DirectiveLoc - region.Base, inc.DirectiveEndLoc - inc.DirectiveLoc).Append('\n');
        _lastRegion = -1;
        _lastToken = Math.Max(_lastToken, inc.OutputEnd - 1);
    }

    private void WriteTokens(int first, int last)
    {
        var tokens = _unit.Tokens;
        int i = first;
        while (i <= last)
        {
            ref readonly var t = ref tokens[i];
            if (t.Kind == TokenKind.Directive)
            {
                i++;
                continue;
            }
            if (_edits.IsPurged(i))
            {
                if (_edits.PurgeRequiresBlank(i)) _pendingBlank = true;
                _lastRegion = -1; // do not copy the purged text as a gap
                i++;
                continue;
            }
            if (t.Expansion == 0)
            {
                WriteFileToken(i);
                i++;
                continue;
            }
            // a run of tokens from one top-level invocation
            int top = _unit.Record.Invocation(t.Expansion).TopLevel;
            int j = i;
            while (j + 1 <= last && tokens[j + 1].Expansion != 0 && _unit.Record.Invocation(tokens[j + 1].Expansion).TopLevel == top) j++;
            WriteInvocationRun(top, i, j);
            i = j + 1;
        }
    }

    private void WriteFileToken(int index)
    {
        ref readonly var t = ref _unit.Tokens[index];
        var (region, start, end) = TokenExtent.Of(_unit, t);
        if (!Consecutive(index)) _lastRegion = -1;
        WriteGapTo(index, region, start, t, null);
        MarkFileChange(region);
        if (_edits.TryGetInsertion(index, out var ins))
        {
            _session?.IdentifiersIn(ins);
            AppendInserted(ins);
        }
        if (_edits.TryGetReplacement(index, out var rep))
        {
            _session?.IdentifiersIn(rep);
            AppendSynthesized(rep);
        }
        else
        {
            if (t.Kind == TokenKind.Identifier) _session?.Identifier(t.Text, FollowedByParen(index));
            _sb.Append(region.File.Text, start, end - start);
        }
        _lastRegion = region.Id;
        _lastEnd = end;
        _lastToken = index;
    }

    /// <summary>Whether only directive tokens lie between the last written token and this one.</summary>
    private bool Consecutive(int index)
    {
        if (_lastToken < 0) return false;
        for (int i = _lastToken + 1; i < index; i++)
            if (_unit.Tokens[i].Kind != TokenKind.Directive) return false;
        return true;
    }

    /// <summary>
    /// What goes between the last written token and the next: the original text when they are
    /// adjacent in one file (its directive lines as the session decides), else a blank where
    /// one is needed; directive lines the session places before the token.
    /// </summary>
    private void WriteGapTo(int token, Source.SourceRegion region, int start, in Token next, (int Loc, int EndLoc)? claim)
    {
        bool adjacent = _lastRegion == region.Id && _lastEnd <= start;
        string? lines = _session?.BeforeToken(_lastToken >= 0 ? _lastToken : -1, token,
            adjacent ? new GapRange(region.Id, _lastEnd, start) : null, claim);
        if (adjacent)
        {
            if (lines is not null) _sb.Append(lines);
            else _sb.Append(region.File.Text, _lastEnd, start - _lastEnd);
            _pendingBlank = false;
            return;
        }
        AppendDirectiveLines(lines);
        if (_sb.Length > 0 && !EndsWithWhitespace() && (_pendingBlank || (next.Flags & TokenFlags.PrevWhite) != 0 || NeedsBlank(next)))
            _sb.Append(' ');
        _pendingBlank = false;
    }

    private void MarkFileChange(Source.SourceRegion region)
    {
        if (_session is null || MarkedRegion < 0 || region.Id == MarkedRegion) return;
        if (_unit.Sources.Regions[MarkedRegion].File.Path != region.File.Path)
        {
            while (_sb.Length > 0 && _sb[^1] is ' ' or '\t') _sb.Length--;
            if (_sb.Length > 0 && _sb[^1] != '\n') _sb.Append('\n');
            _sb.Append("/* klp-ccp: from ").Append(region.File.Path).Append(" */\n");
        }
        MarkedRegion = region.Id;
    }

    /// <summary>Directive lines, each on a line of its own.</summary>
    private void AppendDirectiveLines(string? lines)
    {
        if (string.IsNullOrEmpty(lines)) return;
        if (_sb.Length > 0 && _sb[^1] != '\n') _sb.Append('\n');
        _sb.Append(lines);
    }

    private bool FollowedByParen(int index)
    {
        var tokens = _unit.Tokens;
        int j = index + 1;
        while (j < tokens.Length && tokens[j].Kind == TokenKind.Directive) j++;
        return j < tokens.Length && tokens[j].Kind == TokenKind.OpenParen;
    }

    private void WriteInvocationRun(int top, int first, int last)
    {
        ref var inv = ref _unit.Record.Invocation(top);
        bool whole = first == inv.OutputStart && last == inv.OutputEnd - 1;
        var nameRegion = _unit.Sources.GetRegion(inv.NameLoc);
        if (whole && nameRegion is not null)
        {
            int start = inv.NameLoc - nameRegion.Base;
            int end = inv.EndLoc - nameRegion.Base;
            if (!Consecutive(first)) _lastRegion = -1;
            var claim = (inv.NameLoc, inv.EndLoc);
            if (!_edits.TouchesRangeAfterInsertion(first, last))
            {
                WriteGapTo(first, nameRegion, start, _unit.Tokens[first], claim);
                if (_edits.TryGetInsertion(first, out var ins))
                {
                    _session?.IdentifiersIn(ins);
                    AppendInserted(ins);
                }
                _session?.KeptInvocation(top, _ => null, _ => false);
                _sb.Append(_session is null ? nameRegion.File.Text.Substring(start, end - start) : _session.InvocationText(nameRegion, start, end));
                KeptInvocations.Add(top);
                _lastRegion = nameRegion.Id;
                _lastEnd = end;
                _lastToken = last;
                return;
            }
            if (TryRewrittenArguments(top, first, last, nameRegion, start, end, out var rewritten, out var rewrittenLocs))
            {
                WriteGapTo(first, nameRegion, start, _unit.Tokens[first], claim);
                _session?.KeptInvocation(top, i => _edits.TryGetReplacement(i, out var r) ? r : null, rewrittenLocs.Contains);
                _sb.Append(rewritten);
                KeptInvocations.Add(top);
                _lastRegion = nameRegion.Id;
                _lastEnd = end;
                _lastToken = last;
                return;
            }
        }
        (int, int)? expandedClaim = whole && nameRegion is not null ? (inv.NameLoc, inv.EndLoc) : null;
        if (whole && nameRegion is not null && Consecutive(first) && _lastRegion == nameRegion.Id && _lastEnd <= inv.NameLoc - nameRegion.Base)
        {
            // the layout before it stays; invocations expanding to nothing right before it go with it
            int cut = StartOfEmptyInvocationsBefore(first, nameRegion, _lastEnd, inv.NameLoc - nameRegion.Base);
            WriteGapTo(first, nameRegion, cut, _unit.Tokens[first], expandedClaim);
            WriteExpanded(first, last, expandedClaim, separated: true);
            return;
        }
        WriteExpanded(first, last, expandedClaim, separated: false);
    }

    /// <summary>
    /// Where the empty-expansion invocations directly before a token start (only whitespace
    /// between them and the token), within [from, end) of the region.
    /// </summary>
    private int StartOfEmptyInvocationsBefore(int token, Source.SourceRegion region, int from, int end)
    {
        var rec = _unit.Record;
        var empties = new List<(int Start, int End)>();
        for (int id = rec.FirstInvocationAtOrAfter(token); id < rec.InvocationCount; id++)
        {
            ref readonly var inv = ref rec.Invocation(id);
            if (inv.OutputStart > token) break;
            if (inv.OutputStart == token && inv.OutputEnd == token && inv.Parent == 0
                && inv.NameLoc >= region.Base + from && inv.EndLoc <= region.Base + end)
                empties.Add((inv.NameLoc - region.Base, inv.EndLoc - region.Base));
        }
        var text = region.File.Text;
        int cut = end;
        while (true)
        {
            int p = cut;
            while (p > from && char.IsWhiteSpace(text[p - 1])) p--;
            int found = empties.FindIndex(e => e.End == p);
            if (found < 0) return cut;
            cut = empties[found].Start;
        }
    }

    /// <summary>
    /// The invocation's text with its argument tokens rewritten, when every edit in the run
    /// is a replacement of a token passed through unchanged from an argument (not stringified
    /// or pasted), the same for every copy of that argument token.
    /// </summary>
    private bool TryRewrittenArguments(int top, int first, int last, Source.SourceRegion region, int start, int end, out string text, out HashSet<int> rewrittenLocs)
    {
        text = "";
        rewrittenLocs = new HashSet<int>();
        var byLoc = new Dictionary<int, string>();
        var tokens = _unit.Tokens;
        int rangeStart = region.Base + start, rangeEnd = region.Base + end;
        for (int i = first; i <= last; i++)
        {
            if (_edits.IsPurged(i) || _edits.TryGetInsertion(i, out _)) return false;
            if (!_edits.TryGetReplacement(i, out var rep)) continue;
            ref readonly var t = ref tokens[i];
            if ((t.Flags & TokenFlags.Synthesized) != 0 || t.Loc < rangeStart || t.Loc >= rangeEnd) return false;
            if (_unit.Record.StringifiedOrPastedLocs.Contains(t.Loc)) return false;
            if (byLoc.TryGetValue(t.Loc, out var prev) && prev != rep) return false;
            byLoc[t.Loc] = rep;
        }
        // every copy of a rewritten argument token must be rewritten alike
        for (int i = first; i <= last; i++)
            if (byLoc.ContainsKey(tokens[i].Loc) && !_edits.TryGetReplacement(i, out _)) return false;
        var sb = new StringBuilder();
        int pos = start;
        foreach (var loc in byLoc.Keys.Order())
        {
            int s = loc - region.Base;
            var (_, _, e) = TokenExtent.Of(_unit, tokens[IndexWithLoc(first, last, loc)]);
            sb.Append(Raw(region, pos, s)).Append(byLoc[loc]);
            pos = e;
        }
        sb.Append(Raw(region, pos, end));
        text = sb.ToString();
        rewrittenLocs = byLoc.Keys.ToHashSet();
        return true;
    }

    private string Raw(Source.SourceRegion region, int start, int end) =>
        _session is null ? region.File.Text.Substring(start, end - start) : _session.InvocationText(region, start, end);

    private int IndexWithLoc(int first, int last, int loc)
    {
        for (int i = first; i <= last; i++)
            if (_unit.Tokens[i].Loc == loc) return i;
        return first;
    }

    /// <summary>Preprocessed tokens spelled out, one blank where there was whitespace.</summary>
    private void WriteExpanded(int first, int last, (int Loc, int EndLoc)? claim, bool separated)
    {
        var tokens = _unit.Tokens;
        if (_session is not null)
        {
            if (!separated) AppendDirectiveLines(_session.BeforeToken(_lastToken >= 0 ? _lastToken : -1, first, null, claim));
            if (claim is { } c && _unit.Sources.GetRegion(c.Loc) is { } region)
                AppendDirectiveLines(_session.ClaimedLinesText(region, c.Loc - region.Base, c.EndLoc - region.Base));
        }
        for (int i = first; i <= last; i++)
        {
            ref readonly var t = ref tokens[i];
            if (t.Kind == TokenKind.Directive) continue;
            if (_edits.IsPurged(i))
            {
                if (_edits.PurgeRequiresBlank(i)) _pendingBlank = true;
                continue;
            }
            bool blank = i == first ? (_unit.Tokens[first].Expansion != 0 && InvocationPrecededByBlank(first)) || (t.Flags & TokenFlags.SpaceBefore) != 0
                                    : (t.Flags & TokenFlags.SpaceBefore) != 0;
            if (_sb.Length > 0 && !EndsWithWhitespace() && (_pendingBlank || blank || NeedsBlank(t)))
                _sb.Append(' ');
            _pendingBlank = false;
            if (_edits.TryGetInsertion(i, out var ins))
            {
                _session?.IdentifiersIn(ins);
                AppendInserted(ins);
            }
            if (_edits.TryGetReplacement(i, out var rep))
            {
                _session?.IdentifiersIn(rep);
                AppendSynthesized(rep);
            }
            else
            {
                if (t.Kind == TokenKind.Identifier && (t.Flags & TokenFlags.NoExpand) == 0) _session?.Identifier(t.Text, FollowedByParen(i));
                _sb.Append(_unit.Spell(t));
            }
        }
        _lastRegion = -1;
        _lastToken = last;
    }

    /// <summary>Whether whitespace precedes the top-level invocation a token comes from, in its file.</summary>
    private bool InvocationPrecededByBlank(int token)
    {
        ref var inv = ref _unit.Record.Invocation(_unit.Record.Invocation(_unit.Tokens[token].Expansion).TopLevel);
        var region = _unit.Sources.GetRegion(inv.NameLoc);
        if (region is null) return false;
        int p = inv.NameLoc - region.Base;
        return p > 0 && char.IsWhiteSpace(region.File.Text[p - 1]);
    }

    /// <summary>Text inserted before a token: it carries its own trailing blank where one is needed.</summary>
    private void AppendInserted(string text)
    {
        if (_sb.Length > 0 && !EndsWithWhitespace() && !EndsWithOpening() && text.Length > 0 && !IsClosing(text[0]))
            _sb.Append(' ');
        _sb.Append(text);
    }

    private void AppendSynthesized(string text) => _sb.Append(text);

    private bool EndsWithWhitespace() => _sb.Length > 0 && char.IsWhiteSpace(_sb[^1]);
    private bool EndsWithOpening() => _sb.Length > 0 && _sb[^1] is '(' or '[' or '{';
    private static bool IsClosing(char c) => c is ')' or ']' or '}' or ';' or ',';

    /// <summary>Two tokens that would lex as one if written together need a blank.</summary>
    private bool NeedsBlank(in Token next)
    {
        if (_sb.Length == 0) return false;
        char a = _sb[^1];
        var s = _unit.Spell(next);
        if (s.Length == 0) return false;
        char b = s[0];
        bool IsId(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';
        if (IsId(a) && IsId(b)) return true;
        return (a == b && a is '+' or '-' or '&' or '|' or '<' or '>' or '=' or '/') || (a == '/' && b == '*');
    }
}
