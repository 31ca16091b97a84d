namespace KlpCcp.Engine.LivePatch.Closure;

/// <summary>The outcome of <see cref="ClosureComputation"/>, by entity id.</summary>
internal sealed class ClosureResult
{
    public readonly HashSet<int> Patched = new();
    /// <summary>Patched functions whose address escapes: the original is externalized too (SPEC §2.6).</summary>
    public readonly HashSet<int> PatchedAndExternalized = new();
    /// <summary>Non-patched functions copied into the live patch (the closure).</summary>
    public readonly HashSet<int> Copied = new();
    public readonly HashSet<int> ExternalizedFunctions = new();
    /// <summary>Functions without definition that cannot be externalized: their declaration is kept.</summary>
    public readonly HashSet<int> DeclaredOnlyFunctions = new();
    public readonly HashSet<int> CopiedObjects = new();
    public readonly HashSet<int> ExternalizedObjects = new();
    /// <summary>The entity whose reference first reached each entity (for `why`).</summary>
    public readonly Dictionary<int, int> ReachedFrom = new();
    public readonly Dictionary<int, string> Reasons = new();
    public readonly Dictionary<int, bool> CanExternalize = new();

    public bool InClosure(int function) => Patched.Contains(function) || Copied.Contains(function);
}
