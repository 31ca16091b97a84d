namespace KlpCcp.Diff;

/// <summary>What a line inside a hunk says about the file: kept, removed or added.</summary>
public enum HunkLineKind : byte
{
    /// <summary><c>' '</c>: present in the old and the new file.</summary>
    Context,
    /// <summary><c>'-'</c>: present only in the old file.</summary>
    Removed,
    /// <summary><c>'+'</c>: present only in the new file.</summary>
    Added,
}
