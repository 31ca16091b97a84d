namespace KlpCcp.Diff;

/// <summary>What a file patch does to its file as a whole.</summary>
public enum FileChangeKind : byte
{
    /// <summary>Changes an existing file in place (possibly only its mode).</summary>
    Modified,
    /// <summary>Creates the file (<c>/dev/null</c> as old name, git's <c>new file mode</c>, or diff -N's epoch date).</summary>
    Added,
    /// <summary>Removes the file.</summary>
    Deleted,
    /// <summary>git's <c>rename from</c>/<c>rename to</c>: the old file goes away, possibly changed, under the new name.</summary>
    Renamed,
    /// <summary>git's <c>copy from</c>/<c>copy to</c>: a new file starting as a copy of the old one.</summary>
    Copied,
}
