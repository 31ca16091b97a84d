using System.Text;
using System.Text.RegularExpressions;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Testsuite;

/// <summary>
/// klp-ccp's test convention for live-patch outputs (SPEC §4): both texts are tokenized;
/// comments are whitespace, whitespace runs inside a line are one blank, one leading blank
/// of each line and trailing blanks are ignored, and lines left empty are dropped. So marker
/// comments, their paths and empty lines don't matter, but whether tokens are separated
/// does (<c>int*p</c> ≠ <c>int *p</c>).
/// </summary>
public static class CcpOutputComparison
{
    public static IReadOnlyList<string> Normalize(string text)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        bool blank = false;
        int i = 0;
        void EndLine()
        {
            if (current.Length > 0) lines.Add(current.ToString());
            current.Clear();
            blank = false;
        }
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n') { EndLine(); i++; continue; }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') { blank = true; i++; continue; }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                blank = true;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                int nl = text.IndexOf('\n', i);
                i = nl < 0 ? text.Length : nl;
                continue;
            }
            // one token: lex the rest of the line and take the first token's spelling
            int lineEnd = text.IndexOf('\n', i);
            if (lineEnd < 0) lineEnd = text.Length;
            var spellings = TextTokenizer.Spellings(text.Substring(i, lineEnd - i));
            var first = spellings.Count > 0 ? spellings[0] : text[i].ToString();
            if (blank && current.Length > 0) current.Append(' ');
            else if (current.Length > 0) current.Append('\u0001'); // token boundary without whitespace
            current.Append(first);
            blank = false;
            int advance = RawLength(text, i, lineEnd, first);
            i += Math.Max(1, advance);
        }
        EndLine();
        return lines;
    }

    /// <summary>How many characters of the raw text the token spells (the texts have no line splices inside tokens).</summary>
    private static int RawLength(string text, int start, int lineEnd, string spelling) =>
        start + spelling.Length <= lineEnd && string.CompareOrdinal(text, start, spelling, 0, spelling.Length) == 0 ? spelling.Length : 1;

    /// <summary>Null when equal, else a description of the first differing line.</summary>
    public static string? Difference(string expected, string actual)
    {
        var e = Normalize(expected);
        var a = Normalize(actual);
        int n = Math.Min(e.Count, a.Count);
        for (int k = 0; k < n; k++)
            if (e[k] != a[k]) return $"line {k + 1} differs:\n  expected: {Show(e[k])}\n  actual:   {Show(a[k])}";
        if (e.Count != a.Count)
            return e.Count > a.Count ? $"missing line {n + 1}: {Show(e[n])}" : $"extra line {n + 1}: {Show(a[n])}";
        return null;
    }

    private static string Show(string line) => line.Replace('\u0001', '·');

    /// <summary>The expected messages: each <c>/* cp-out: REGEX */</c> of a case's source, in order.</summary>
    public static IReadOnlyList<Regex> ExpectedMessages(string source) =>
        Regex.Matches(source, @"/\*\s*cp-out:\s*(.*?)\s*\*/")
            .Select(m => new Regex("^" + m.Groups[1].Value, RegexOptions.CultureInvariant))
            .ToList();
}
