namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// A place in the output, in output order: where directives may be placed (before it) and what
/// the place requires from the macro state.
/// </summary>
internal sealed class TimelineEntry
{
    public TimelineEntryKind Kind { get; init; }
    public int Chunk { get; init; }
    /// <summary>The written token (Token entries), else -1.</summary>
    public int Token { get; init; } = -1;
    /// <summary>Input order of the place (the line, the token), when it has one.</summary>
    public long? Key { get; init; }
    /// <summary>The directive line (GapLine and Include entries), else -1.</summary>
    public int Line { get; init; } = -1;
    public List<MacroRequirement> Requirements { get; } = new();
    /// <summary>Sequence number of the entry's first requirement (even numbers; placements before the entry take the odd one before).</summary>
    public int FirstSeq { get; set; }

    // Token entries: how the writer reached the token
    /// <summary>The token written before in the same chunk, or -1 at the chunk's start.</summary>
    public int PreviousToken { get; init; } = -1;
    /// <summary>The original text since the previous token is copied: its directive lines are reproduced in place.</summary>
    public GapRange? Gap { get; init; }
    /// <summary>Group lines written before the token (when the text in between is not copied).</summary>
    public List<int> Lines { get; set; } = new();
}

/// <summary>Original text [Start, End) of one region copied between two written tokens.</summary>
internal readonly record struct GapRange(int Region, int Start, int End);
