namespace KlpCcp.Diff;

/// <summary>How hard <see cref="HunkApplier"/> tries to place a hunk.</summary>
public sealed record ApplyOptions
{
    /// <summary>Context lines that may be ignored at each end of a hunk, as GNU patch's <c>--fuzz</c> (default 2).</summary>
    public int MaxFuzz { get; init; } = 2;

    public static ApplyOptions Default { get; } = new();
}
