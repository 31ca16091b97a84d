using KlpCcp.Diff;

namespace KlpCcp.Cli.FromDiff;

/// <summary>
/// One file the patch touches, before and after: its text in the tree (null when the patch
/// creates it) and with the hunks applied in memory (null when the patch deletes it), with each
/// hunk's placement.
/// </summary>
public sealed class PatchedFile
{
    public PatchedFile(FilePatch patch, string fullPath, string relativePath, string? oldText, string? newText, ApplyResult? applied)
    {
        Patch = patch;
        FullPath = fullPath;
        RelativePath = relativePath;
        OldText = oldText;
        NewText = newText;
        Applied = applied;
    }

    public FilePatch Patch { get; }
    /// <summary>The file's full path in the tree (the new name for a renamed file).</summary>
    public string FullPath { get; }
    /// <summary>The file's name relative to the tree, as the patch names it.</summary>
    public string RelativePath { get; }
    public string? OldText { get; }
    public string? NewText { get; }
    public ApplyResult? Applied { get; }

    public bool IsCSource => RelativePath.EndsWith(".c", StringComparison.Ordinal);
    public bool IsHeader => RelativePath.EndsWith(".h", StringComparison.Ordinal);

    /// <summary>Comment-free code of the old and new text, per line (computed once, on demand).</summary>
    public string[] OldCode => _oldCode ??= CodeText.CodeLines(OldText ?? "");
    public string[] NewCode => _newCode ??= CodeText.CodeLines(NewText ?? "");
    private string[]? _oldCode, _newCode;

    /// <summary>Each applied hunk with the old lines it removes and the new lines it adds (1-based, at their real positions).</summary>
    public IEnumerable<PlacedHunk> PlacedHunks()
    {
        if (Applied is null) yield break;
        foreach (var h in Applied.Hunks)
        {
            if (!h.Applied) continue;
            var removed = new List<int>();
            var added = new List<int>();
            int oldLine = h.OldLine, newLine = h.NewLine;
            foreach (var line in h.Hunk.Lines)
            {
                switch (line.Kind)
                {
                    case HunkLineKind.Context: oldLine++; newLine++; break;
                    case HunkLineKind.Removed: removed.Add(oldLine++); break;
                    case HunkLineKind.Added: added.Add(newLine++); break;
                }
            }
            yield return new PlacedHunk(this, h.Hunk, removed, added, h.OldLine, h.NewLine);
        }
    }
}

/// <summary>A hunk placed in its file: the old lines it removes and the new lines it adds.</summary>
public sealed record PlacedHunk(PatchedFile File, Hunk Hunk, IReadOnlyList<int> RemovedLines, IReadOnlyList<int> AddedLines, int OldLine, int NewLine)
{
    /// <summary>"hunk #2 (fix.patch:40)".</summary>
    public string Label => $"hunk #{Hunk.Number} of {File.RelativePath} ({File.Patch.PatchName}:{Hunk.PatchLine})";

    /// <summary>Whether the hunk changes the old lines <paramref name="first"/>..<paramref name="last"/> (an insertion counts between its neighbours).</summary>
    public bool TouchesOld(int first, int last) =>
        RemovedLines.Any(l => l >= first && l <= last)
        || (RemovedLines.Count == 0 && InsertionPointOld is int p && p > first && p <= last);

    public bool TouchesNew(int first, int last) =>
        AddedLines.Any(l => l >= first && l <= last)
        || (AddedLines.Count == 0 && InsertionPointNew is int p && p > first && p <= last);

    /// <summary>For a hunk that only adds: the old line before which the lines go.</summary>
    private int? InsertionPointOld => AddedLines.Count == 0 ? null : OldLine + Hunk.Lines.TakeWhile(l => l.Kind == HunkLineKind.Context).Count();

    /// <summary>For a hunk that only removes: the new line where the removed lines were.</summary>
    private int? InsertionPointNew => RemovedLines.Count == 0 ? null : NewLine + Hunk.Lines.TakeWhile(l => l.Kind == HunkLineKind.Context).Count();

    /// <summary>Only comments or white space differ between the removed and the added lines.</summary>
    public bool IsCommentOrWhitespaceOnly =>
        string.Concat(RemovedLines.Select(l => CodeText.Squeezed(File.OldCode, l, l))) == string.Concat(AddedLines.Select(l => CodeText.Squeezed(File.NewCode, l, l)));
}
