namespace KlpCcp.Engine.LivePatch.Output;

/// <summary>A piece of an output chunk: a range of the unit's tokens (with edits), or literal text.</summary>
public abstract record ChunkPiece
{
    /// <summary>Tokens <see cref="First"/>..<see cref="Last"/> (inclusive) written from the original source.</summary>
    public sealed record Tokens(int First, int Last) : ChunkPiece;

    /// <summary>Synthesized text, e.g. "; " closing a split declaration or a whole new declaration.</summary>
    public sealed record Text(string Value) : ChunkPiece;
}
