namespace KlpCcp.Engine.Preprocessing;

/// <summary>One branch directive of a conditional group.</summary>
public sealed class ConditionalBranch
{
    public ConditionalDirectiveKind Kind { get; init; }
    public int DirectiveLoc { get; init; }
    public int DirectiveEndLoc { get; init; }
    /// <summary>The condition's value, or null when it was not evaluated (an earlier branch was taken, or the whole group is skipped).</summary>
    public bool? Value { get; init; }
    /// <summary>Names of the macros the condition consulted (tested with defined, or expanded).</summary>
    public int[] MacrosUsed { get; init; } = Array.Empty<int>();
    public int OutputIndex { get; init; }
    /// <summary>Position among the unit's recorded directives (<see cref="PreprocessingRecord.NextSequence"/>).</summary>
    public int Sequence { get; init; }
    /// <summary>Number of macro events recorded before the directive (the macro state its condition saw).</summary>
    public int EventIndex { get; init; }
}
