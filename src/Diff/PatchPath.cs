using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KlpCcp.Diff;

/// <summary>File names in patch headers: quoting, timestamps, <c>/dev/null</c> and <c>-pN</c> stripping.</summary>
public static partial class PatchPath
{
    public const string DevNull = "/dev/null";

    /// <summary>
    /// Removes <paramref name="level"/> leading components like <c>patch -pN</c> (a run of
    /// slashes counts as one separator). Null when the name has too few components.
    /// </summary>
    public static string? Strip(string path, int level)
    {
        int i = 0;
        for (int removed = 0; removed < level; removed++)
        {
            int slash = path.IndexOf('/', i);
            if (slash < 0) return null;
            i = slash + 1;
            while (i < path.Length && path[i] == '/') i++;
        }
        return i < path.Length ? path[i..] : null;
    }

    /// <summary>
    /// The name in a <c>---</c>/<c>+++</c> header's text (after the marker and space): a
    /// git-quoted name, or the text up to a tab, or the text less a trailing diff timestamp.
    /// Also tells whether the timestamp is the Unix epoch, diff -N's mark of a missing file.
    /// </summary>
    public static (string? Name, bool EpochTimestamp) ParseHeaderName(string text)
    {
        if (text.StartsWith('"'))
        {
            var (name, end) = Unquote(text, 0);
            if (name is null) return (null, false);
            return (name, IsEpoch(text[end..].Trim()));
        }
        int tab = text.IndexOf('\t');
        if (tab >= 0) return (NullIfEmpty(text[..tab]), IsEpoch(text[(tab + 1)..].Trim()));
        var m = TrailingTimestamp().Match(text);
        if (m.Success) return (NullIfEmpty(text[..m.Index]), IsEpoch(m.Value.Trim()));
        return (NullIfEmpty(text.TrimEnd()), false);
    }

    /// <summary>
    /// Reads a C-style quoted name (git quotes names with unusual characters) starting at
    /// <paramref name="start"/>, which must be a double quote. Returns the name (null when the
    /// quoting is broken) and the index after the closing quote.
    /// </summary>
    public static (string? Name, int End) Unquote(string text, int start)
    {
        var bytes = new List<byte>();
        int i = start + 1;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"') return (Encoding.UTF8.GetString(bytes.ToArray()), i + 1);
            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                i++;
                continue;
            }
            if (i + 1 >= text.Length) break;
            char e = text[i + 1];
            if (e is >= '0' and <= '7')
            {
                int value = 0, digits = 0;
                while (digits < 3 && i + 1 + digits < text.Length && text[i + 1 + digits] is >= '0' and <= '7')
                    value = value * 8 + (text[i + 1 + digits++] - '0');
                bytes.Add((byte)value);
                i += 1 + digits;
                continue;
            }
            byte? escaped = e switch
            {
                'a' => 7, 'b' => 8, 't' => 9, 'n' => 10, 'v' => 11, 'f' => 12, 'r' => 13,
                '"' => (byte)'"', '\\' => (byte)'\\', _ => null,
            };
            if (escaped is null) return (null, i);
            bytes.Add(escaped.Value);
            i += 2;
        }
        return (null, i);
    }

    /// <summary>
    /// Splits the names of a <c>diff --git A B</c> line. Quoted names are unambiguous; unquoted
    /// ones may hold spaces, so the split is the one where both names agree after their first
    /// component (what git itself does), or the only space, or the only <c>" b/"</c> after a
    /// leading <c>a/</c>. Null when it cannot be told.
    /// </summary>
    public static (string Old, string New)? SplitGitHeaderNames(string names)
    {
        if (names.StartsWith('"'))
        {
            var (old, end) = Unquote(names, 0);
            if (old is null || end >= names.Length || names[end] != ' ') return null;
            var rest = names[(end + 1)..];
            if (rest.StartsWith('"'))
            {
                var (nw, end2) = Unquote(rest, 0);
                return nw is null || end2 != rest.Length ? null : (old, nw);
            }
            return rest.Length > 0 ? (old, rest) : null;
        }
        if (names.EndsWith('"'))
        {
            int open = names.LastIndexOf(" \"", StringComparison.Ordinal);
            if (open < 0) return null;
            var (nw, end) = Unquote(names, open + 1);
            return nw is null || end != names.Length || open == 0 ? null : (names[..open], nw);
        }
        int only = -1, count = 0;
        for (int i = names.IndexOf(' '); i >= 0; i = names.IndexOf(' ', i + 1))
        {
            count++;
            only = i;
            string left = names[..i], right = names[(i + 1)..];
            var l = Strip(left, 1);
            if (l is not null && l == Strip(right, 1)) return (left, right);
        }
        if (count == 1) return (names[..only], names[(only + 1)..]);
        // A rename with spaces in its names: split at the only " b/" after a leading "a/".
        int b = names.IndexOf(" b/", StringComparison.Ordinal);
        return names.StartsWith("a/", StringComparison.Ordinal) && b > 0 && b == names.LastIndexOf(" b/", StringComparison.Ordinal)
            ? (names[..b], names[(b + 1)..])
            : null;
    }

    private static bool IsEpoch(string timestamp)
    {
        var m = Timestamp().Match(timestamp);
        if (!m.Success) return false;
        if (!DateTime.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var local))
            return false;
        var zone = m.Groups["zone"].Value;
        var offset = new TimeSpan(int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture), int.Parse(zone.AsSpan(3, 2), CultureInfo.InvariantCulture), 0);
        var utc = zone[0] == '-' ? local + offset : local - offset;
        return utc == DateTime.UnixEpoch && (!m.Groups["frac"].Success || m.Groups["frac"].Value.Trim('0', '.').Length == 0);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex(@"^(?<date>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?<frac>\.\d+)? (?<zone>[+-]\d{4})$")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4}$")]
    private static partial Regex TrailingTimestamp();
}
