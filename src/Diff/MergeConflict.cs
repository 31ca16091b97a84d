namespace KlpCcp.Diff;

/// <summary>
/// A place where the patch changes lines that the transformation also changed, differently:
/// the merge cannot know how to combine them. Ranges are 1-based starts and counts in each
/// input; <see cref="OutputStart"/>/<see cref="OutputCount"/> locate the transformed lines that
/// stand in the merged output meanwhile.
/// </summary>
public sealed record MergeConflict(
    int OriginalStart, IReadOnlyList<string> OriginalLines,
    int TransformedStart, IReadOnlyList<string> TransformedLines,
    int PatchedStart, IReadOnlyList<string> PatchedLines,
    int OutputStart, int OutputCount)
{
    public string Describe() =>
        OriginalLines.Count == 0
            ? $"the transformation and the patch both insert lines before original line {OriginalStart}"
            : $"the patch changes original line{(OriginalLines.Count == 1 ? $" {OriginalStart}" : $"s {OriginalStart}-{OriginalStart + OriginalLines.Count - 1}")}, which the transformation also changed";
}
