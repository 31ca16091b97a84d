namespace KlpCcp.Diff;

/// <summary>
/// A message about a patch, as a value: collected and handed to the caller, never thrown.
/// src/Diff cannot use the Engine's diagnostic type (the dependency points the other way), so
/// it has this small one; the command line turns it into its own. <see cref="Line"/> is the
/// 1-based line in the patch file, or 0 when the message is about the file as a whole.
/// </summary>
public readonly record struct PatchDiagnostic(string File, int Line, string Message, PatchSeverity Severity)
{
    public static PatchDiagnostic Error(string file, int line, string message) => new(file, line, message, PatchSeverity.Error);
    public static PatchDiagnostic Warning(string file, int line, string message) => new(file, line, message, PatchSeverity.Warning);
    public static PatchDiagnostic Note(string file, int line, string message) => new(file, line, message, PatchSeverity.Note);

    public bool IsError => Severity == PatchSeverity.Error;

    /// <summary>One line in the compilers' style: <c>fix.patch:12: error: malformed hunk header</c>.</summary>
    public override string ToString()
    {
        var severity = Severity switch { PatchSeverity.Error => "error", PatchSeverity.Warning => "warning", _ => "note" };
        return Line > 0 ? $"{File}:{Line}: {severity}: {Message}" : $"{File}: {severity}: {Message}";
    }
}
