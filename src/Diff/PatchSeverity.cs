namespace KlpCcp.Diff;

/// <summary>How serious a <see cref="PatchDiagnostic"/> is.</summary>
public enum PatchSeverity : byte
{
    Note,
    Warning,
    Error,
}
