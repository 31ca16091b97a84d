namespace KlpCcp.Engine.Diagnostics;

/// <summary>
/// A diagnostic as a value: collected and carried to the edge (the command line), never thrown.
/// <see cref="Context"/> holds extra one-line notes such as the include chain or the macro
/// expansion the location lies in ("in expansion of macro 'M'").
/// </summary>
public sealed record Diagnostic(Severity Severity, string Message, DiagnosticLocation? Location = null, string? Context = null)
{
    public static Diagnostic Error(string message, DiagnosticLocation? location = null) => new(Severity.Error, message, location);
    public static Diagnostic Warning(string message, DiagnosticLocation? location = null) => new(Severity.Warning, message, location);

    /// <summary>gcc style: <c>FILE:LINE:COL: error: MESSAGE [context]</c>, one line.</summary>
    public override string ToString()
    {
        var sev = Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };
        var text = Location is { } l ? $"{l}: {sev}: {Message}" : $"{sev}: {Message}";
        return Context is null ? text : $"{text} ({Context})";
    }
}
