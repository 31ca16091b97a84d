using KlpCcp.Engine.Changes;

namespace KlpCcp.Cli.FromDiff;

/// <summary>What one hunk does in one unit: the changes it makes, or why it makes none (<see cref="Category"/>: compiled out, comment or white space only, or null for "no effect").</summary>
public sealed record HunkOutcome(PlacedHunk Hunk, IReadOnlyList<ClassifiedChange> Changes, ChangeCategory? Category, string Description);
