using System.Text;
using KlpCcp.Engine.Changes;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.LivePatch.Depreprocessing;
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
    private readonly HeaderMacroChanges _headerMacroChanges;

    public LivePatchWriter(PreprocessedUnit unit, HeaderMacroChanges? headerMacroChanges = null)
    {
        _unit = unit;
        _headerMacroChanges = headerMacroChanges ?? HeaderMacroChanges.None;
    }

    /// <summary>
    /// Writes the chunks twice over one depreprocessing session: the first pass records what
    /// the text needs, the second writes it with the directive lines decided in between.
    /// </summary>
    public string Write(IReadOnlyList<OutputChunk> chunks, DiagnosticBag diagnostics)
    {
        var session = new DepreprocessingSession(_unit, _headerMacroChanges);
        WritePass(chunks, session);
        session.Plan(diagnostics);
        return WritePass(chunks, session);
    }

    /// <summary>Where each chunk's own text starts in the written text (after separators and origin markers), in order.</summary>
    public List<(OutputChunk Chunk, int Offset)> ChunkStarts { get; } = new();

    private const int NotFromFile = -3;

    private string WritePass(IReadOnlyList<OutputChunk> chunks, DepreprocessingSession session)
    {
        ChunkStarts.Clear();
        var sb = new StringBuilder();
        int lastRegion = -2;
        OutputChunk? prev = null;
        for (int c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            var lines = session.BeginChunk(c, chunk.AnchorInclude);
            if (chunk.Include >= 0) lines.AddRange(session.IncludeLine(chunk.Include));
            if (lines.Count > 0)
            {
                WriteDirectiveLines(sb, lines, ref lastRegion);
                prev = null;
            }
            else if (sb.Length > 0)
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
                var w = new ChunkTextWriter(_unit, chunk.Edits, sb, session) { MarkedRegion = chunk.Region };
                foreach (var p in chunk.Pieces) w.Write(p);
                if (w.MarkedRegion >= 0) lastRegion = w.MarkedRegion;
            }
            session.EndChunk();
            prev = chunk;
        }
        if (session.Writing)
        {
            var final = session.FinalLines();
            if (final.Count > 0) WriteDirectiveLines(sb, final, ref lastRegion);
        }
        TrimTrailingBlanks(sb);
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>Directive lines between chunks, each on its own line, with origin markers.</summary>
    private void WriteDirectiveLines(StringBuilder sb, List<(string Text, int Region)> lines, ref int lastRegion)
    {
        // directive lines follow the text before them on the next line
        TrimTrailingBlanks(sb);
        while (sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n') sb.Length--;
        if (sb.Length > 0 && sb[^1] != '\n') sb.Append('\n');
        foreach (var (text, region) in lines)
        {
            if (region < 0)
            {
                if (lastRegion != NotFromFile && sb.Length > 0)
                    sb.Append("/* klp-ccp: not from file */\n");
                lastRegion = NotFromFile;
            }
            else if (region != lastRegion)
            {
                sb.Append("/* klp-ccp: from ").Append(_unit.Sources.Regions[region].File.Path).Append(" */\n");
                lastRegion = region;
            }
            sb.Append(text).Append('\n');
        }
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
