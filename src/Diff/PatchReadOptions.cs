namespace KlpCcp.Diff;

/// <summary>How to read a patch.</summary>
public sealed record PatchReadOptions
{
    /// <summary>
    /// Leading path components to remove, as <c>patch -pN</c>. Null (the default) decides per
    /// file: 1 when the names carry git-style prefixes (<c>a/</c> and <c>b/</c>, or git's
    /// one-letter mnemonic prefixes in a <c>diff --git</c> header), else 0.
    /// </summary>
    public int? StripLevel { get; init; }

    public static PatchReadOptions Default { get; } = new();
}
