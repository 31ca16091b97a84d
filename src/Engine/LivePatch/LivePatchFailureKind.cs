namespace KlpCcp.Engine.LivePatch;

/// <summary>Why a live-patch creation stopped (each maps to an exit status of SPEC §1.1).</summary>
public enum LivePatchFailureKind
{
    /// <summary>A fatal policy answer, a name clash, exhausted rename retries: exit status 3.</summary>
    Creation,
    /// <summary>A policy command failed or answered junk: exit status 4.</summary>
    PolicyCommand,
    /// <summary>The operating system failed (a policy command cannot be executed): exit status 5.</summary>
    System,
}
