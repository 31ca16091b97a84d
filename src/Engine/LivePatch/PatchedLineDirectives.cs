using System.Text;
using KlpCcp.Engine.LivePatch.Model;
using KlpCcp.Engine.LivePatch.Output;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.LivePatch;

/// <summary>
/// Puts a <c>#line LINE "FILE"</c> directive before each patched function's definition in the
/// written live patch, LINE and FILE being where the definition starts in the unit's source, so
/// that <c>__LINE__</c>, <c>__FILE__</c> and the debug information of the patched code are those
/// of the fixed kernel (WARN_ON and BUG_ON record them). The writer copies a definition's text
/// with its line structure, so one directive per function is enough. After the function a
/// second directive names the live-patch file again, at its real line, so that diagnostics
/// about the rest of the file point into it.
/// Works on the finished text and the writer's chunk offsets only: the writer needs no change.
/// </summary>
internal static class PatchedLineDirectives
{
    public static string Insert(string text, IReadOnlyList<(OutputChunk Chunk, int Offset)> chunkStarts, LivePatchModel model,
        IReadOnlySet<FunctionSymbol> patched, string outputName)
    {
        var unit = model.Unit;
        // offset in text -> (directive, the offset where the function's text ends)
        var starts = new SortedDictionary<int, (string File, int Line, int End)>();
        foreach (var f in patched)
        {
            if (!model.DefinitionOf.TryGetValue(f, out var item) || item.Node is not FunctionDefinition def) continue;
            int body = def.Body.FirstToken;
            for (int i = 0; i < chunkStarts.Count; i++)
            {
                var (chunk, offset) = chunkStarts[i];
                if (chunk.Item != item.Index || chunk.FirstToken < 0 || chunk.FirstToken > body || chunk.LastToken < body) continue;
                ref readonly var t = ref unit.Tokens[chunk.FirstToken];
                int loc = t.Expansion != 0 ? unit.Record.Invocation(unit.Record.Invocation(t.Expansion).TopLevel).NameLoc : t.Loc;
                if (unit.Sources.Resolve(loc) is not { } place) break;
                int end = i + 1 < chunkStarts.Count ? chunkStarts[i + 1].Offset : text.Length;
                starts[offset] = (place.Region.File.Path, place.Line, end);
                break;
            }
        }
        if (starts.Count == 0) return text;

        var sb = new StringBuilder(text.Length + starts.Count * 64);
        int copied = 0;
        int outputLine = 1; // line number of the next line written to sb, in the final text
        void Copy(int upTo)
        {
            for (int k = copied; k < upTo; k++) if (text[k] == '\n') outputLine++;
            sb.Append(text, copied, upTo - copied);
            copied = upTo;
        }
        void StartLine()
        {
            if (sb.Length > 0 && sb[^1] != '\n') { sb.Append('\n'); outputLine++; }
        }
        foreach (var (offset, (file, line, end)) in starts)
        {
            if (offset < copied) continue;
            Copy(offset);
            StartLine();
            sb.Append("#line ").Append(line).Append(' ').Append(Quote(file)).Append('\n');
            outputLine++;
            // the function's text up to where the next chunk starts, less the separator before it
            int functionEnd = end;
            while (functionEnd > offset && text[functionEnd - 1] is '\n' or ' ' or '\t') functionEnd--;
            int lineEnd = text.IndexOf('\n', functionEnd);
            Copy(lineEnd < 0 ? text.Length : lineEnd + 1);
            StartLine();
            sb.Append("#line ").Append(outputLine + 1).Append(' ').Append(Quote(outputName)).Append('\n');
            outputLine++;
        }
        Copy(text.Length);
        return sb.ToString();
    }

    private static string Quote(string path) => "\"" + path.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
