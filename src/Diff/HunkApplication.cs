namespace KlpCcp.Diff;

/// <summary>
/// Where one hunk went. When <see cref="Applied"/>: its old side starts at old line
/// <see cref="OldLine"/>, its new side at new line <see cref="NewLine"/> (1-based),
/// <see cref="Offset"/> lines away from the header's position, with <see cref="Fuzz"/> context
/// lines ignored at the ends. When it failed, <see cref="OldLine"/> is where it was expected
/// and <see cref="Hunk"/>'s <c>PatchLine</c> says which hunk in the patch.
/// </summary>
public readonly record struct HunkApplication(Hunk Hunk, bool Applied, int OldLine, int NewLine, int Offset, int Fuzz)
{
    public bool IsExact => Applied && Offset == 0 && Fuzz == 0;
}
