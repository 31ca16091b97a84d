namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// One predefined macro as gcc's <c>-dM</c> prints it: <c>#define Name[Parameters] Body</c>
/// (<see cref="Parameters"/> includes the parentheses, e.g. <c>(c)</c>; null for an
/// object-like macro; <see cref="Body"/> may be empty).
/// </summary>
public sealed record PredefinedMacro(string Name, string? Parameters, string Body)
{
    public string Line => $"#define {Name}{Parameters} {Body}";

    /// <summary>Parses a <c>#define</c> line of gcc's <c>-dM</c> output.</summary>
    public static PredefinedMacro ParseLine(string line)
    {
        const string prefix = "#define ";
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
            throw new FormatException($"not a #define line: '{line}'");
        var rest = line[prefix.Length..];
        var n = 0;
        while (n < rest.Length && (char.IsAsciiLetterOrDigit(rest[n]) || rest[n] is '_' or '$')) n++;
        var name = rest[..n];
        string? parameters = null;
        if (n < rest.Length && rest[n] == '(')
        {
            var close = rest.IndexOf(')', n);
            parameters = rest[n..(close + 1)];
            n = close + 1;
        }
        var body = n < rest.Length ? rest[(n + 1)..] : "";
        return new PredefinedMacro(name, parameters, body);
    }

    public override string ToString() => Line;
}
