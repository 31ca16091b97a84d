using System.Text;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.LivePatch.Output;

/// <summary>
/// Writes pieces of the unit as source text: tokens spelled in a file are copied as their
/// original bytes (with the comments and layout between them); a top-level macro invocation
/// whose whole expansion is copied unmodified is written as the invocation; one whose only
/// changes are identifier replacements of tokens passed through from its arguments is written
/// with those arguments rewritten; any other expanded tokens are written as preprocessed
/// tokens. Edits (replacements, insertions, purges) apply on the way.
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

    public ChunkTextWriter(PreprocessedUnit unit, TokenEdits edits, StringBuilder output)
    {
        _unit = unit;
        _edits = edits;
        _sb = output;
    }

    /// <summary>Macro invocations the text keeps unexpanded (their definitions must be active where they are written).</summary>
    public List<int> KeptInvocations { get; } = new();

    public void Write(ChunkPiece piece)
    {
        switch (piece)
        {
            case ChunkPiece.Text t:
                AppendSynthesized(t.Value);
                _lastRegion = -1;
                break;
            case ChunkPiece.Tokens r:
                WriteTokens(r.First, r.Last);
                break;
        }
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
        WriteGapTo(region.Id, start, t);
        if (_edits.TryGetInsertion(index, out var ins)) AppendInserted(ins);
        if (_edits.TryGetReplacement(index, out var rep)) AppendSynthesized(rep);
        else _sb.Append(region.File.Text, start, end - start);
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

    /// <summary>The original text between the last written token and the next, when they are adjacent in one file.</summary>
    private void WriteGapTo(int region, int start, in Token next)
    {
        if (_lastRegion == region && _lastEnd <= start)
        {
            var text = _unit.Sources.Regions[region].File.Text;
            _sb.Append(text, _lastEnd, start - _lastEnd);
            _pendingBlank = false;
            return;
        }
        if (_sb.Length > 0 && !EndsWithWhitespace() && (_pendingBlank || (next.Flags & TokenFlags.PrevWhite) != 0 || NeedsBlank(next)))
            _sb.Append(' ');
        _pendingBlank = false;
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
            if (!_edits.TouchesRange(first, last))
            {
                WriteGapTo(nameRegion.Id, start, _unit.Tokens[first]);
                _sb.Append(nameRegion.File.Text, start, end - start);
                KeptInvocations.Add(top);
                _lastRegion = nameRegion.Id;
                _lastEnd = end;
                _lastToken = last;
                return;
            }
            if (TryRewrittenArguments(top, first, last, nameRegion, start, end, out var rewritten))
            {
                WriteGapTo(nameRegion.Id, start, _unit.Tokens[first]);
                _sb.Append(rewritten);
                KeptInvocations.Add(top);
                _lastRegion = nameRegion.Id;
                _lastEnd = end;
                _lastToken = last;
                return;
            }
        }
        WriteExpanded(first, last);
    }

    /// <summary>
    /// The invocation's text with its argument tokens rewritten, when every edit in the run
    /// is a replacement of a token passed through unchanged from an argument (not stringified
    /// or pasted), the same for every copy of that argument token.
    /// </summary>
    private bool TryRewrittenArguments(int top, int first, int last, Source.SourceRegion region, int start, int end, out string text)
    {
        text = "";
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
            sb.Append(region.File.Text, pos, s - pos).Append(byLoc[loc]);
            pos = e;
        }
        sb.Append(region.File.Text, pos, end - pos);
        text = sb.ToString();
        return true;
    }

    private int IndexWithLoc(int first, int last, int loc)
    {
        for (int i = first; i <= last; i++)
            if (_unit.Tokens[i].Loc == loc) return i;
        return first;
    }

    /// <summary>Preprocessed tokens spelled out, one blank where there was whitespace.</summary>
    private void WriteExpanded(int first, int last)
    {
        var tokens = _unit.Tokens;
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
            if (_edits.TryGetInsertion(i, out var ins)) AppendInserted(ins);
            if (_edits.TryGetReplacement(i, out var rep)) AppendSynthesized(rep);
            else _sb.Append(_unit.Spell(t));
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
