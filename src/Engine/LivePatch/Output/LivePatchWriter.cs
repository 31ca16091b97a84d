using System.Text;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.LivePatch.Output;

/// <summary>
/// Writes the chunks as the live patch's text (SPEC §2.11 "Text" and "Layout"): each chunk's
/// original text, an origin marker <c>/* klp-ccp: from FILE */</c> whenever the source file
/// changes, chunks of one declaration on consecutive lines, chunks adjacent in the input with
/// their original separator (at most one empty line), others one empty line apart.
/// </summary>
internal sealed class LivePatchWriter
{
    private readonly PreprocessedUnit _unit;

    public LivePatchWriter(PreprocessedUnit unit) => _unit = unit;

    /// <summary>Top-level macro invocations kept unexpanded in the text.</summary>
    public List<int> KeptInvocations { get; } = new();

    /// <summary>Where each chunk's own text starts in the written text (after separators and origin markers), in order.</summary>
    public List<(OutputChunk Chunk, int Offset)> ChunkStarts { get; } = new();

    public string Write(IReadOnlyList<OutputChunk> chunks)
    {
        var sb = new StringBuilder();
        int lastRegion = -2;
        OutputChunk? prev = null;
        foreach (var chunk in chunks)
        {
            if (sb.Length > 0)
            {
                TrimTrailingBlanks(sb);
                if (prev is not null && prev.Item >= 0 && prev.Item == chunk.Item && chunk.Directive is null && prev.Directive is null)
                    sb.Append('\n');
                else if (prev is not null && InputAdjacent(prev, chunk, out var separator))
                    sb.Append(separator);
                else
                    sb.Append("\n\n");
            }
            if (chunk.Region >= 0 && chunk.Region != lastRegion)
            {
                if (sb.Length > 0 && !EndsWithEmptyLine(sb)) sb.Append('\n');
                sb.Append("/* klp-ccp: from ").Append(_unit.Sources.Regions[chunk.Region].File.Path).Append(" */\n");
                lastRegion = chunk.Region;
            }
            ChunkStarts.Add((chunk, sb.Length));
            if (chunk.Directive is not null)
            {
                sb.Append(chunk.Directive);
            }
            else
            {
                var w = new ChunkTextWriter(_unit, chunk.Edits, sb);
                foreach (var p in chunk.Pieces) w.Write(p);
                KeptInvocations.AddRange(w.KeptInvocations);
            }
            prev = chunk;
        }
        TrimTrailingBlanks(sb);
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// Two chunks are adjacent in the input when only whitespace and comments lie between them in
    /// one file; their separator is kept (newlines limited to one empty line).
    /// </summary>
    private bool InputAdjacent(OutputChunk a, OutputChunk b, out string separator)
    {
        separator = "";
        if (a.Region < 0 || a.Region != b.Region) return false;
        int endLoc = EndLoc(a), startLoc = StartLoc(b);
        if (endLoc <= 0 || startLoc <= 0 || startLoc < endLoc) return false;
        var region = _unit.Sources.Regions[a.Region];
        int s = endLoc - region.Base, e = startLoc - region.Base;
        if (s < 0 || e > region.File.Text.Length) return false;
        var gap = region.File.Text.AsSpan(s, e - s);
        int newlines = 0;
        int i = 0;
        while (i < gap.Length)
        {
            char c = gap[i];
            if (c == '\n') { newlines++; i++; continue; }
            if (c is ' ' or '\t' or '\r' or '\f' or '\v') { i++; continue; }
            if (c == '/' && i + 1 < gap.Length && gap[i + 1] == '*')
            {
                int close = gap[(i + 2)..].IndexOf("*/");
                if (close < 0) return false;
                var comment = gap.Slice(i, close + 4);
                foreach (var ch in comment) if (ch == '\n') newlines++;
                i += close + 4;
                continue;
            }
            if (c == '/' && i + 1 < gap.Length && gap[i + 1] == '/')
            {
                while (i < gap.Length && gap[i] != '\n') i++;
                continue;
            }
            return false;
        }
        separator = newlines switch { 0 => " ", 1 => "\n", _ => "\n\n" };
        return true;
    }

    private int StartLoc(OutputChunk c)
    {
        int t = c.FirstToken;
        if (t < 0) return -1;
        ref readonly var tok = ref _unit.Tokens[t];
        return tok.Expansion == 0 ? tok.Loc : _unit.Record.Invocation(_unit.Record.Invocation(tok.Expansion).TopLevel).NameLoc;
    }

    private int EndLoc(OutputChunk c)
    {
        if (c.Pieces.Count > 0 && c.Pieces[^1] is ChunkPiece.Text) return -1;
        int t = c.LastToken;
        if (t < 0) return -1;
        ref readonly var tok = ref _unit.Tokens[t];
        if (tok.Expansion != 0) return _unit.Record.Invocation(_unit.Record.Invocation(tok.Expansion).TopLevel).EndLoc;
        var (region, _, end) = TokenExtent.Of(_unit, tok);
        return region.Base + end;
    }

    private static void TrimTrailingBlanks(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] is ' ' or '\t') sb.Length--;
    }

    private static bool EndsWithEmptyLine(StringBuilder sb) => sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n';
}
