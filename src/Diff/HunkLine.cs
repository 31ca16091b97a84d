namespace KlpCcp.Diff;

/// <summary>
/// One line of a hunk. <see cref="Text"/> is the line without its prefix character and without
/// its line terminator (a carriage return before the newline is not part of it either: line
/// endings are the target file's business, see <see cref="HunkApplier"/>).
/// <see cref="NoNewlineAtEnd"/> is set when a <c>\ No newline at end of file</c> marker follows:
/// the line is the last of its side(s) and has no terminator there.
/// </summary>
public readonly record struct HunkLine(HunkLineKind Kind, string Text, int PatchLine, bool NoNewlineAtEnd = false)
{
    /// <summary>Whether the line belongs to the old file (context or removed).</summary>
    public bool InOld => Kind != HunkLineKind.Added;

    /// <summary>Whether the line belongs to the new file (context or added).</summary>
    public bool InNew => Kind != HunkLineKind.Removed;

    public override string ToString() => (Kind switch { HunkLineKind.Context => ' ', HunkLineKind.Removed => '-', _ => '+' }) + Text;
}
