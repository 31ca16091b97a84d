using System.Text;

namespace KlpCcp.Diff;

/// <summary>
/// C source lines with comments blanked out, for telling a hunk that changes only comments or
/// white space from one that changes code. String and character literals are kept as they are
/// (a <c>/*</c> inside a string is not a comment); a comment spanning lines blanks its part of
/// each line. Line splices and preprocessor subtleties are not interpreted: a line that is only
/// doubtfully a comment counts as code, which errs on the side of reporting a change.
/// </summary>
public static class CodeText
{
    /// <summary>The code of each line of <paramref name="text"/> (index 0 is line 1), comments replaced by a blank.</summary>
    public static string[] CodeLines(string text)
    {
        var lines = new List<string>();
        var sb = new StringBuilder();
        bool inBlock = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                lines.Add(sb.ToString().TrimEnd('\r'));
                sb.Clear();
                i++;
                continue;
            }
            if (inBlock)
            {
                if (c == '*' && i + 1 < text.Length && text[i + 1] == '/') { inBlock = false; sb.Append(' '); i += 2; }
                else i++;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*') { inBlock = true; i += 2; continue; }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c is '"' or '\'')
            {
                int j = i + 1;
                while (j < text.Length && text[j] != c && text[j] != '\n') j += text[j] == '\\' && j + 1 < text.Length ? 2 : 1;
                int end = Math.Min(j + 1, text.Length);
                if (j < text.Length && text[j] == '\n') end = j;
                sb.Append(text, i, end - i);
                i = end;
                continue;
            }
            sb.Append(c);
            i++;
        }
        if (sb.Length > 0 || text.Length == 0 || text[^1] != '\n') lines.Add(sb.ToString().TrimEnd('\r'));
        return lines.ToArray();
    }

    /// <summary>The code of lines <paramref name="first"/>..<paramref name="last"/> (1-based, inclusive) with all white space removed.</summary>
    public static string Squeezed(string[] codeLines, int first, int last)
    {
        var sb = new StringBuilder();
        for (int l = Math.Max(1, first); l <= Math.Min(last, codeLines.Length); l++)
            foreach (char ch in codeLines[l - 1])
                if (!char.IsWhiteSpace(ch)) sb.Append(ch);
        return sb.ToString();
    }
}
