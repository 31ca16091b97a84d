namespace KlpCcp.Engine.Preprocessing;

/// <summary>An #if/#ifdef/#ifndef ... #endif group with all its branches.</summary>
public sealed class ConditionalGroup
{
    public int Id { get; init; }
    /// <summary>Enclosing group (-1 at file level).</summary>
    public int Parent { get; init; }
    public int Region { get; init; }
    /// <summary>The group lies inside a branch that was not taken.</summary>
    public bool InSkippedCode { get; init; }
    public List<ConditionalBranch> Branches { get; } = new();
    public int EndifLoc { get; set; }
    public int EndifEndLoc { get; set; }
    public int EndOutputIndex { get; set; }
    public int EndifSequence { get; set; }
    /// <summary>The #ifndef G ... #endif around a whole header (gcc's multiple-include optimization applies).</summary>
    public bool IsIncludeGuard { get; set; }
    /// <summary>Index into <see cref="Branches"/> of the branch taken, or -1.</summary>
    public int TakenBranch { get; set; } = -1;
}
