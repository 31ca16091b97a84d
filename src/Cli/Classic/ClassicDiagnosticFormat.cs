using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Cli.Classic;

/// <summary>
/// klp-ccp's message format (SPEC §4), used by the option-compatible classic invocation so that
/// tools reading klp-ccp's output keep working: <c>warning: FILE: line L, column C: MSG</c>
/// with a 0-based byte column; <c>error: MSG</c> without a location.
/// </summary>
public static class ClassicDiagnosticFormat
{
    public static string Format(Diagnostic d)
    {
        var sev = d.Severity == Severity.Error ? "error" : d.Severity == Severity.Warning ? "warning" : "note";
        var message = ClassicWording(d.Message);
        if (d.Location is not { } l) return $"{sev}: {message}";
        int col = l.ByteColumn >= 0 ? l.ByteColumn : l.Column - 1;
        return l.Line > 0 ? $"{sev}: {l.File}: line {l.Line}, column {col}: {message}" : $"{sev}: {l.File}: {message}";
    }

    /// <summary>klp-ccp's wording of messages whose gcc wording the engine uses.</summary>
    private static string ClassicWording(string message)
    {
        const string implicitDecl = "implicit declaration of function '";
        if (message.StartsWith(implicitDecl, StringComparison.Ordinal) && message.EndsWith('\''))
            return $"identifier \"{message[implicitDecl.Length..^1]}\" not declared";
        return message;
    }

    public static void Write(TextWriter err, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) err.WriteLine(Format(d));
    }
}
