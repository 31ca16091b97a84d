namespace KlpCcp.Diff;

/// <summary>
/// The part of a patch about one file: its names, what happens to it, and its hunks in order.
/// Paths have had the strip level removed (<see cref="StripLevel"/>) and are null for
/// <c>/dev/null</c>; the raw forms are kept for messages.
/// </summary>
public sealed class FilePatch
{
    public FilePatch(
        string patchName, int headerLine, FileChangeKind kind,
        string? oldPath, string? newPath, string? rawOldPath, string? rawNewPath, int stripLevel,
        bool isGitStyle, bool isBinary, string? oldMode, string? newMode, int? similarityIndex,
        string newFileLineEnding, IReadOnlyList<Hunk> hunks)
    {
        PatchName = patchName;
        HeaderLine = headerLine;
        Kind = kind;
        OldPath = oldPath;
        NewPath = newPath;
        RawOldPath = rawOldPath;
        RawNewPath = rawNewPath;
        StripLevel = stripLevel;
        IsGitStyle = isGitStyle;
        IsBinary = isBinary;
        OldMode = oldMode;
        NewMode = newMode;
        SimilarityIndex = similarityIndex;
        NewFileLineEnding = newFileLineEnding;
        Hunks = hunks;
    }

    /// <summary>The patch file's name, for messages about this file's hunks.</summary>
    public string PatchName { get; }

    /// <summary>The patch-file line where this file's header starts (<c>diff --git</c> or <c>---</c>).</summary>
    public int HeaderLine { get; }

    public FileChangeKind Kind { get; }

    /// <summary>The file before the change, relative to the tree the patch applies to; null when added.</summary>
    public string? OldPath { get; }

    /// <summary>The file after the change; null when deleted.</summary>
    public string? NewPath { get; }

    /// <summary>The names as written (before stripping; "/dev/null" stays as is).</summary>
    public string? RawOldPath { get; }
    public string? RawNewPath { get; }

    /// <summary>How many leading path components were removed, as with <c>patch -pN</c>.</summary>
    public int StripLevel { get; }

    /// <summary>Whether the file came with a <c>diff --git</c> header.</summary>
    public bool IsGitStyle { get; }

    /// <summary>A binary change (<c>Binary files ... differ</c> or <c>GIT binary patch</c>): not supported, and reported so by the reader.</summary>
    public bool IsBinary { get; }

    /// <summary>git's file modes (<c>100644</c>), when the patch states them.</summary>
    public string? OldMode { get; }
    public string? NewMode { get; }

    /// <summary>git's <c>similarity index</c> in percent, for renames and copies.</summary>
    public int? SimilarityIndex { get; }

    /// <summary>
    /// The terminator for lines of a file this patch creates from nothing ("\n" or "\r\n"): a
    /// patch whose content lines end in CRLF while its headers do not carries CRLF files.
    /// </summary>
    public string NewFileLineEnding { get; }

    public IReadOnlyList<Hunk> Hunks { get; }

    /// <summary>The file to read in the unpatched tree (null for an added file).</summary>
    public string? SourcePath => Kind == FileChangeKind.Added ? null : OldPath;

    /// <summary>The name to show: the new name, or the old one for a deleted file.</summary>
    public string DisplayPath => NewPath ?? OldPath ?? RawNewPath ?? RawOldPath ?? "?";

    public override string ToString() => $"{Kind} {DisplayPath} ({Hunks.Count} hunks)";
}
