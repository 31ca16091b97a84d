namespace KlpCcp.Diff;

/// <summary>What a patch did to one line, seen from the old or from the new file.</summary>
public enum LineFate : byte
{
    /// <summary>The line is in both files.</summary>
    Unchanged,
    /// <summary>An old line the patch removed with nothing in its place.</summary>
    Deleted,
    /// <summary>A new line the patch added with nothing removed in its place.</summary>
    Inserted,
    /// <summary>A line inside a block of old lines replaced by new ones (either side).</summary>
    Replaced,
}
