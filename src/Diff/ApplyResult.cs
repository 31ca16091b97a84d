namespace KlpCcp.Diff;

/// <summary>
/// The outcome of applying a file's hunks: the new text (with every hunk that could be placed;
/// failed ones left out, as GNU patch does before writing a .rej), each hunk's placement, the
/// line map between the old and new text at the real positions, and messages.
/// </summary>
public sealed class ApplyResult
{
    public ApplyResult(IReadOnlyList<TextLine> oldLines, IReadOnlyList<TextLine> newLines, IReadOnlyList<HunkApplication> hunks,
        LineMap lineMap, IReadOnlyList<PatchDiagnostic> diagnostics)
    {
        OldLines = oldLines;
        NewLines = newLines;
        Hunks = hunks;
        LineMap = lineMap;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<TextLine> OldLines { get; }
    public IReadOnlyList<TextLine> NewLines { get; }

    /// <summary>The patched text, byte for byte what GNU patch writes for the applied hunks.</summary>
    public string Text => _text ??= TextLines.Join(NewLines);
    private string? _text;

    public IReadOnlyList<HunkApplication> Hunks { get; }
    public LineMap LineMap { get; }
    public IReadOnlyList<PatchDiagnostic> Diagnostics { get; }

    /// <summary>Every hunk applied (possibly with offset or fuzz: see the warnings).</summary>
    public bool Succeeded => Hunks.All(h => h.Applied) && !Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// The patched version of old lines <paramref name="oldFirst"/>..<paramref name="oldLast"/>
    /// (1-based, inclusive), as <see cref="LineMap.MapOldRange"/> bounds it: the "theirs" of a
    /// <see cref="RegionMerger"/> merge whose base is those old lines.
    /// </summary>
    public (int FirstLine, int LastLine, IReadOnlyList<TextLine> Lines) PatchedRegion(int oldFirst, int oldLast)
    {
        var (first, last) = LineMap.MapOldRange(oldFirst, oldLast);
        var lines = last < first ? [] : NewLines.Skip(first - 1).Take(last - first + 1).ToArray();
        return (first, last, lines);
    }
}
