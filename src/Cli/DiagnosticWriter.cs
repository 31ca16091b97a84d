using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Cli;

/// <summary>Prints diagnostics one per line on standard error.</summary>
public static class DiagnosticWriter
{
    public static void Write(TextWriter err, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) err.WriteLine(d.ToString());
    }

    /// <summary>"klp-ccp: error: MESSAGE" for problems that have no source location.</summary>
    public static void Error(TextWriter err, string message) => err.WriteLine($"klp-ccp: error: {message}");
}
