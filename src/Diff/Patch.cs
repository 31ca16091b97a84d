namespace KlpCcp.Diff;

/// <summary>A parsed patch: its files in the order they appear.</summary>
public sealed class Patch
{
    public Patch(string name, IReadOnlyList<FilePatch> files)
    {
        Name = name;
        Files = files;
    }

    /// <summary>The patch file's name as given to the reader (used in every message).</summary>
    public string Name { get; }

    public IReadOnlyList<FilePatch> Files { get; }

    /// <summary>The file patch whose old or new path is <paramref name="path"/>, or null.</summary>
    public FilePatch? FindFile(string path) =>
        Files.FirstOrDefault(f => f.OldPath == path || f.NewPath == path);
}
