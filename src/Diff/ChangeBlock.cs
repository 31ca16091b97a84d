namespace KlpCcp.Diff;

/// <summary>
/// A run of changed lines: old lines <c>[OldStart, OldStart+OldCount)</c> became new lines
/// <c>[NewStart, NewStart+NewCount)</c> (1-based). With a count of 0 the start is the line of
/// that side just after the empty range: an insertion before old line <c>OldStart</c>, a
/// deletion before new line <c>NewStart</c>. <see cref="HunkNumber"/> is the hunk it comes from.
/// </summary>
public readonly record struct ChangeBlock(int OldStart, int OldCount, int NewStart, int NewCount, int HunkNumber)
{
    public int OldEnd => OldStart + OldCount;
    public int NewEnd => NewStart + NewCount;

    public bool IsInsertion => OldCount == 0;
    public bool IsDeletion => NewCount == 0;
}
