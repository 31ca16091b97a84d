namespace KlpCcp.Engine.LivePatch;

/// <summary>
/// Unwinds a live-patch stage when creation cannot go on. Thrown and caught only inside the
/// live-patch stages (<see cref="LivePatchCreation"/> turns it into a result value); the
/// diagnostics explaining it are already recorded.
/// </summary>
internal sealed class LivePatchAbort : Exception
{
    public LivePatchAbort(LivePatchFailureKind kind) : base(kind.ToString()) => Kind = kind;

    public LivePatchFailureKind Kind { get; }
}
