namespace KlpCcp.Diff;

/// <summary>
/// One output line of a three-way merge with its provenance (1-based line numbers within each
/// input, null where it has no counterpart there). <see cref="OriginalLine"/> is the base line
/// the output line stands for: the same line, or the one it replaced one-for-one; null for a
/// line added by either side. <see cref="InConflict"/> marks the transformed lines kept in
/// place of a conflict.
/// </summary>
public readonly record struct MergedLine(
    string Text, LineSource Source, int? OriginalLine, int? TransformedLine, int? PatchedLine, bool InConflict = false);
