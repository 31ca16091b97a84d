using System.Text;
using System.Text.RegularExpressions;
using KlpCcp.Engine.LivePatch.Model;
using KlpCcp.Engine.LivePatch.Output;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.LivePatch;

/// <summary>
/// Puts <c>#line LINE "FILE"</c> directives into each patched function's definition in the
/// written live patch so that every line of it has the line number and file it has in the
/// unit's source: <c>__LINE__</c>, <c>__FILE__</c> and the debug information of the patched
/// code are then those of the fixed kernel (WARN_ON and BUG_ON record them). One directive
/// before the definition is enough while the text keeps the source's line structure; where the
/// output departs from it (a non-taken #if branch reduced to an #error line, a #define placed
/// inside the body), the next code line gets a directive of its own: each code line is matched
/// with the next source line that reads the same once the live patch's renames are undone. No
/// directive goes before a directive line (it could fall into a skipped #if branch). After the
/// function a directive names the live-patch file again, at its real line, so that diagnostics
/// about the rest of the file point into it.
/// Works on the finished text and the writer's chunk offsets only: the writer needs no change.
/// </summary>
internal static partial class PatchedLineDirectives
{
    /// <summary>How far ahead in the source a dropped stretch of lines is looked for.</summary>
    private const int SearchWindow = 400;

    public static string Insert(string text, IReadOnlyList<(OutputChunk Chunk, int Offset)> chunkStarts, LivePatchModel model,
        IReadOnlySet<FunctionSymbol> patched, string outputName)
    {
        var unit = model.Unit;
        var starts = new SortedDictionary<int, (Source.SourceFile File, int Line, int End)>();
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
                starts[offset] = (place.Region.File, place.Line, end);
                break;
            }
        }
        if (starts.Count == 0) return text;

        var sb = new StringBuilder(text.Length + starts.Count * 64);
        int copied = 0;
        int outputLine = 1; // the physical line number of the next line written to sb
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
        void Directive(int line, string file)
        {
            sb.Append("#line ").Append(line).Append(' ').Append(Quote(file)).Append('\n');
            outputLine++;
        }
        foreach (var (offset, (file, line, end)) in starts)
        {
            if (offset < copied) continue;
            Copy(offset);
            StartLine();
            // the function's text up to where the next chunk starts, less the separator before it
            int functionEnd = end;
            while (functionEnd > offset && text[functionEnd - 1] is '\n' or ' ' or '\t') functionEnd--;
            int lineEnd = text.IndexOf('\n', functionEnd);
            int stop = lineEnd < 0 ? text.Length : lineEnd + 1;
            WriteFunction(sb, text[offset..stop], file, line, Directive);
            for (int k = offset; k < stop; k++) if (text[k] == '\n') outputLine++;
            copied = stop;
            StartLine();
            Directive(outputLine + 1, outputName);
        }
        Copy(text.Length);
        return sb.ToString();
    }

    /// <summary>Writes one function's text with the directives that keep its lines at their source lines.</summary>
    private static void WriteFunction(StringBuilder sb, string function, Source.SourceFile file, int firstLine, Action<int, string> directive)
    {
        var source = file.Text.Split('\n');
        var lines = function.Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0) lines = lines[..^1];
        int cursor = firstLine;      // the source line the next output line is expected to be
        int presumed = firstLine;    // the line number the compiler gives the next output line
        directive(firstLine, file.Path);
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            bool isDirective = line.TrimStart().StartsWith('#');
            var key = Key(line);
            int at = i == 0 ? firstLine : Find(source, key, cursor);
            if (!isDirective && at > 0 && at != presumed)
            {
                directive(at, file.Path);
                presumed = at;
            }
            sb.Append(line).Append('\n');
            if (at > 0) cursor = at + 1;
            else if (!isDirective) cursor++;
            presumed++;
        }
    }

    /// <summary>The source line (1-based) at or after <paramref name="cursor"/> that reads <paramref name="key"/>, or 0 (a blank or unknown line).</summary>
    private static int Find(string[] source, string key, int cursor)
    {
        if (key.Length == 0) return 0;
        for (int l = cursor; l < cursor + SearchWindow && l <= source.Length; l++)
            if (Key(source[l - 1]) == key) return l;
        return 0;
    }

    /// <summary>A line as the source has it: the live patch's renames and pointers undone, storage classes and white space dropped.</summary>
    private static string Key(string line)
    {
        var s = Pointerized().Replace(line, "$1");
        s = Renamed().Replace(s, "");
        s = StorageClass().Replace(s, "");
        return WhiteSpace().Replace(s, "");
    }

    private static string Quote(string path) => "\"" + path.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [GeneratedRegex(@"\(\*klpe_(\w+)\)")]
    private static partial Regex Pointerized();

    [GeneratedRegex(@"\bklp[epr]_")]
    private static partial Regex Renamed();

    [GeneratedRegex(@"\b(static|extern)\b")]
    private static partial Regex StorageClass();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
