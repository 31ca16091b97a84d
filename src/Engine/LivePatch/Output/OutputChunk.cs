namespace KlpCcp.Engine.LivePatch.Output;

/// <summary>
/// One chunk of the live patch: pieces of the unit's tokens (with their edits) or synthesized
/// text, from one source file (<see cref="Region"/>, -1 for synthesized text) — the unit of
/// the origin markers and of the layout between chunks.
/// </summary>
public sealed class OutputChunk
{
    public OutputChunk(int region, TokenEdits edits)
    {
        Region = region;
        Edits = edits;
    }

    public int Region { get; }
    public TokenEdits Edits { get; }
    public List<ChunkPiece> Pieces { get; } = new();
    /// <summary>The external declaration the chunk comes from (-1: none), for the layout rules.</summary>
    public int Item { get; init; } = -1;
    /// <summary>A verbatim directive line (#include), written on its own line.</summary>
    public string? Directive { get; init; }
    /// <summary>The include record of a verbatim #include line, else -1.</summary>
    public int Include { get; init; } = -1;

    public int FirstToken => Pieces.OfType<ChunkPiece.Tokens>().Select(p => p.First).DefaultIfEmpty(-1).First();
    public int LastToken => Pieces.OfType<ChunkPiece.Tokens>().Select(p => p.Last).DefaultIfEmpty(-1).Last();
}
