namespace KlpCcp.Diff;

/// <summary>
/// Reads unified diffs: git-style (<c>diff --git</c> with its extended headers) and plain
/// <c>diff -u</c>/<c>diff -u -p</c>, several files per patch, with mail or commit text before
/// the first file and after the last hunk ignored. A malformed patch gives an error value with
/// the patch line, never an exception.
/// </summary>
public static class PatchReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="patchName"/> names it in messages.</summary>
    public static PatchReadResult Read(string text, string patchName, PatchReadOptions? options = null) =>
        new PatchParser(text, patchName, options ?? PatchReadOptions.Default).Run();

    /// <summary>
    /// Reads the patch file at <paramref name="path"/> (an unreadable file is an error value too),
    /// as Latin-1 like the engine reads sources: one char per byte, so lines compare and
    /// round-trip byte for byte whatever the encoding.
    /// </summary>
    public static PatchReadResult ReadFile(string path, PatchReadOptions? options = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, System.Text.Encoding.Latin1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new PatchReadResult(null, [PatchDiagnostic.Error(path, 0, $"cannot read the patch: {e.Message}")]);
        }
        return Read(text, path, options);
    }
}
