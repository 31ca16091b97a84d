using System.Text;

namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>
/// A classic policy command (<c>--pol-cmd-…=CMD</c>), split into words at startup (SPEC 1.2):
/// blanks, tabs and newlines separate words; <c>'…'</c> is literal; <c>"…"</c> is literal except
/// <c>\"</c> and <c>\\</c>; outside quotes a backslash takes the next character literally. No
/// expansion of any kind. The first word is the program: a path (no PATH lookup), relative
/// paths resolved against the working directory.
/// </summary>
public sealed class ShellCommand
{
    private ShellCommand(string text, IReadOnlyList<string> words, string program)
    {
        Text = text;
        Words = words;
        Program = program;
    }

    /// <summary>The command as given on the command line.</summary>
    public string Text { get; }

    /// <summary>Its words: <c>argv</c> before the question's arguments.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The file executed: the first word, resolved against the working directory.</summary>
    public string Program { get; }

    /// <summary>
    /// Splits <paramref name="text"/>; on error returns null with <paramref name="error"/>
    /// <c>failed to parse policy command '&lt;CMD&gt;': unterminated quotation in command</c>
    /// (or <c>escape character at end of command</c>, <c>no command given</c>).
    /// </summary>
    public static ShellCommand? TryParse(string text, string workingDirectory, out string? error)
    {
        var words = Split(text, out var problem);
        if (problem is null && words.Count == 0) problem = "no command given";
        if (problem is not null)
        {
            error = $"failed to parse policy command '{text}': {problem}";
            return null;
        }
        error = null;
        // an empty first word ('') stays empty: executing it fails like execve("") does
        var program = words[0].Length == 0 ? "" : Path.GetFullPath(words[0], workingDirectory);
        return new ShellCommand(text, words, program);
    }

    private static List<string> Split(string text, out string? problem)
    {
        problem = null;
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false; // a word has started, possibly empty ('' or "")
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n')
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                i++;
                continue;
            }
            inWord = true;
            switch (c)
            {
                case '\\':
                    if (i + 1 >= text.Length) { problem = "escape character at end of command"; return words; }
                    word.Append(text[i + 1]);
                    i += 2;
                    break;
                case '\'':
                    {
                        var end = text.IndexOf('\'', i + 1);
                        if (end < 0) { problem = "unterminated quotation in command"; return words; }
                        word.Append(text, i + 1, end - i - 1);
                        i = end + 1;
                        break;
                    }
                case '"':
                    i++;
                    while (true)
                    {
                        if (i >= text.Length) { problem = "unterminated quotation in command"; return words; }
                        var d = text[i];
                        if (d == '"') { i++; break; }
                        if (d == '\\')
                        {
                            if (i + 1 >= text.Length) { problem = "escape character at end of command"; return words; }
                            var e = text[i + 1];
                            if (e is '"' or '\\') { word.Append(e); i += 2; continue; }
                            // any other backslash inside "…" is literal, as in sh
                            word.Append('\\');
                            i++;
                            continue;
                        }
                        word.Append(d);
                        i++;
                    }
                    break;
                default:
                    word.Append(c);
                    i++;
                    break;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }

    /// <summary>
    /// <c>&lt;cmd&gt;</c> of the failure messages (SPEC 1.2): <paramref name="argv"/> joined by
    /// blanks, a word containing a backslash, double quote, blank or newline written in double
    /// quotes with <c>\</c> and <c>"</c> escaped.
    /// </summary>
    public static string Quote(IEnumerable<string> argv)
    {
        var sb = new StringBuilder();
        foreach (var w in argv)
        {
            if (sb.Length > 0) sb.Append(' ');
            if (w.AsSpan().IndexOfAny("\\\" \n") < 0)
            {
                sb.Append(w);
                continue;
            }
            sb.Append('"');
            foreach (var c in w)
            {
                if (c is '\\' or '"') sb.Append('\\');
                sb.Append(c);
            }
            sb.Append('"');
        }
        return sb.ToString();
    }

    public override string ToString() => Text;
}
