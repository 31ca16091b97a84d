namespace KlpCcp.Engine.LivePatch.Depreprocessing;

internal enum TimelineEntryKind : byte
{
    /// <summary>A conditional directive line between two chunks.</summary>
    GapLine,
    /// <summary>The start of a chunk, after the directive lines before it.</summary>
    ChunkStart,
    /// <summary>A written token (or the first token of a written macro invocation) inside a chunk.</summary>
    Token,
    /// <summary>Synthesized text inside a chunk.</summary>
    Text,
    /// <summary>An #include line written as a chunk of its own.</summary>
    Include,
}
