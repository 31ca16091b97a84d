namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>One output chunk on the timeline: its input-order extent and its entries.</summary>
internal sealed class ChunkSpan
{
    /// <summary>Input order of the first and last written token (or of the #include line); null for synthesized chunks.</summary>
    public long? FirstKey { get; set; }
    public long? LastKey { get; set; }
    public int FirstToken { get; set; } = -1;
    public int LastToken { get; set; } = -1;
    /// <summary>Group lines written before the chunk, in order.</summary>
    public List<int> GapEntries { get; } = new();
    public int ChunkStartEntry { get; set; } = -1;
    /// <summary>Token, text and include entries, in output order.</summary>
    public List<int> InnerEntries { get; } = new();
}
