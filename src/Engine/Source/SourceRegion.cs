namespace KlpCcp.Engine.Source;

/// <summary>
/// A contiguous part of the location space: one inclusion of a file, or a scratch buffer.
/// A location is <see cref="Base"/> + byte offset; the region knows the location of the
/// directive that included it, so the include chain of any location can be recovered.
/// </summary>
public sealed class SourceRegion
{
    public SourceRegion(int id, SourceRegionKind kind, SourceFile file, int @base, int size, int includedFrom)
    {
        Id = id;
        Kind = kind;
        File = file;
        Base = @base;
        Size = size;
        IncludedFrom = includedFrom;
    }

    public int Id { get; }
    public SourceRegionKind Kind { get; }
    public SourceFile File { get; }
    public int Base { get; }
    /// <summary>Number of locations reserved (file length + 1, so the end-of-file position has one).</summary>
    public int Size { get; }
    /// <summary>Location of the '#' of the including directive, or -1 for roots.</summary>
    public int IncludedFrom { get; }

    public bool Contains(int loc) => loc >= Base && loc < Base + Size;
}
