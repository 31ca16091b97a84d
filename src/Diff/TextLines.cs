using System.Text;

namespace KlpCcp.Diff;

/// <summary>Splitting text into <see cref="TextLine"/>s and joining them back, byte for byte.</summary>
public static class TextLines
{
    /// <summary>Splits at each newline; a CR before it belongs to the terminator. "" gives no lines.</summary>
    public static TextLine[] Split(string text)
    {
        var lines = new List<TextLine>(text.Length / 32 + 1);
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            if (nl < 0)
            {
                lines.Add(new TextLine(text[start..], ""));
                break;
            }
            bool crlf = nl > start && text[nl - 1] == '\r';
            lines.Add(new TextLine(text[start..(crlf ? nl - 1 : nl)], crlf ? "\r\n" : "\n"));
            start = nl + 1;
        }
        return lines.ToArray();
    }

    /// <summary>The texts of <paramref name="lines"/>, without terminators.</summary>
    public static string[] Texts(IReadOnlyList<TextLine> lines)
    {
        var texts = new string[lines.Count];
        for (int i = 0; i < texts.Length; i++) texts[i] = lines[i].Text;
        return texts;
    }

    public static string Join(IEnumerable<TextLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines) sb.Append(line.Text).Append(line.Ending);
        return sb.ToString();
    }

    /// <summary>The more frequent terminator in <paramref name="lines"/> ("\n" on a tie), or null when no line has one.</summary>
    public static string? DominantEnding(IReadOnlyList<TextLine> lines)
    {
        int lf = 0, crlf = 0;
        foreach (var line in lines)
        {
            if (line.Ending == "\n") lf++;
            else if (line.Ending == "\r\n") crlf++;
        }
        return lf + crlf == 0 ? null : crlf > lf ? "\r\n" : "\n";
    }
}
