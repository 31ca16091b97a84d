namespace KlpCcp.Engine.LivePatch.Output;

/// <summary>A piece of an output chunk: a range of the unit's tokens (with edits), or literal text.</summary>
public abstract record ChunkPiece
{
    /// <summary>Tokens <see cref="First"/>..<see cref="Last"/> (inclusive) written from the original source.</summary>
    public sealed record Tokens(int First, int Last) : ChunkPiece;

    /// <summary>An #include line of the input, written on a line of its own in place of the header's tokens (a declaration spanning headers).</summary>
    public sealed record Include(int IncludeId) : ChunkPiece;

    /// <summary>Synthesized text, e.g. "; " closing a split declaration or a whole new declaration.</summary>
    public sealed record Text(string Value) : ChunkPiece;
}
