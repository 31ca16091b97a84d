namespace KlpCcp.Diff;

/// <summary>
/// Maps line numbers between an old file and its patched version through the change blocks
/// (sorted, disjoint). Lookups are binary searches, so mapping every line of a large file is cheap.
/// </summary>
public sealed class LineMap
{
    private readonly ChangeBlock[] _blocks;

    public LineMap(IEnumerable<ChangeBlock> blocks, int oldLineCount, int newLineCount)
    {
        _blocks = blocks.ToArray();
        OldLineCount = oldLineCount;
        NewLineCount = newLineCount;
    }

    /// <summary>The changes in file order.</summary>
    public IReadOnlyList<ChangeBlock> Blocks => _blocks;

    public int OldLineCount { get; }
    public int NewLineCount { get; }

    /// <summary>
    /// The map the hunks describe at their header positions, without looking at a file (the
    /// file's real positions come from <see cref="HunkApplier"/>). Old and new line counts are
    /// those up to the last hunk, unless given.
    /// </summary>
    public static LineMap FromHunks(IEnumerable<Hunk> hunks, int? oldLineCount = null)
    {
        var blocks = new List<ChangeBlock>();
        int delta = 0, lastOld = 0;
        foreach (var hunk in hunks)
        {
            AddBlocks(hunk, hunk.OldFirstLine, hunk.OldFirstLine + delta, blocks);
            delta += hunk.NewCount - hunk.OldCount;
            lastOld = hunk.OldFirstLine + hunk.OldCount - 1;
        }
        int old = oldLineCount ?? lastOld;
        return new LineMap(blocks, old, old + delta);
    }

    /// <summary>The change blocks of one hunk whose first old line sits at <paramref name="oldLine"/> and first new line at <paramref name="newLine"/>.</summary>
    internal static void AddBlocks(Hunk hunk, int oldLine, int newLine, List<ChangeBlock> blocks)
    {
        int blockOld = 0, blockNew = 0, oldCount = 0, newCount = 0;
        bool inBlock = false;
        foreach (var line in hunk.Lines)
        {
            if (line.Kind == HunkLineKind.Context)
            {
                if (inBlock) blocks.Add(new ChangeBlock(blockOld, oldCount, blockNew, newCount, hunk.Number));
                inBlock = false;
                oldLine++;
                newLine++;
                continue;
            }
            if (!inBlock)
            {
                (blockOld, blockNew, oldCount, newCount, inBlock) = (oldLine, newLine, 0, 0, true);
            }
            if (line.Kind == HunkLineKind.Removed) { oldCount++; oldLine++; }
            else { newCount++; newLine++; }
        }
        if (inBlock) blocks.Add(new ChangeBlock(blockOld, oldCount, blockNew, newCount, hunk.Number));
    }

    /// <summary>Where old line <paramref name="oldLine"/> (1-based) is in the new file.</summary>
    public LineMapping MapOldLine(int oldLine)
    {
        // Blocks are disjoint and sorted, so their ends are sorted too: the first block ending
        // after the line is the only one that can contain it (an insertion contains no old line).
        int i = FirstEndingAfter(oldLine, static b => b.OldEnd);
        if (i < _blocks.Length && _blocks[i].OldStart <= oldLine)
        {
            var b = _blocks[i];
            return new LineMapping(b.IsDeletion ? LineFate.Deleted : LineFate.Replaced, b.NewStart, b);
        }
        // Unchanged: shifted by the blocks before it (an insertion just before it included).
        if (i == 0) return new LineMapping(LineFate.Unchanged, oldLine);
        var before = _blocks[i - 1];
        return new LineMapping(LineFate.Unchanged, oldLine - before.OldEnd + before.NewEnd);
    }

    /// <summary>Where new line <paramref name="newLine"/> (1-based) came from in the old file.</summary>
    public LineMapping MapNewLine(int newLine)
    {
        int i = FirstEndingAfter(newLine, static b => b.NewEnd);
        if (i < _blocks.Length && _blocks[i].NewStart <= newLine)
        {
            var b = _blocks[i];
            return new LineMapping(b.IsInsertion ? LineFate.Inserted : LineFate.Replaced, b.OldStart, b);
        }
        if (i == 0) return new LineMapping(LineFate.Unchanged, newLine);
        var before = _blocks[i - 1];
        return new LineMapping(LineFate.Unchanged, newLine - before.NewEnd + before.OldEnd);
    }

    /// <summary>
    /// The new lines that old lines <paramref name="oldFirst"/>..<paramref name="oldLast"/>
    /// (inclusive) became: a change block that straddles an end is taken whole, insertions
    /// just before the first or just after the last line are left out. Empty (Last &lt; First)
    /// when everything was deleted.
    /// </summary>
    public (int First, int Last) MapOldRange(int oldFirst, int oldLast)
    {
        var first = MapOldLine(oldFirst);
        var last = MapOldLine(oldLast);
        int newFirst = first.Fate == LineFate.Unchanged ? first.Line : first.Block!.Value.NewStart;
        int newLast = last.Fate == LineFate.Unchanged ? last.Line : last.Block!.Value.NewEnd - 1;
        return (newFirst, newLast);
    }

    /// <summary>The index of the first block whose end (by <paramref name="end"/>) is after <paramref name="line"/>, or the block count.</summary>
    private int FirstEndingAfter(int line, Func<ChangeBlock, int> end)
    {
        int lo = 0, hi = _blocks.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (end(_blocks[mid]) > line) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}
