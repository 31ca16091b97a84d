using DiffPlex;
using DiffPlex.Chunkers;

namespace KlpCcp.Diff;

/// <summary>
/// One change between a base sequence of lines and another version: base lines
/// <c>[BaseStart, BaseStart+BaseCount)</c> became the other's <c>[OtherStart, OtherStart+OtherCount)</c>
/// (0-based; an empty range is an insertion or deletion point).
/// </summary>
internal readonly record struct LineEdit(int BaseStart, int BaseCount, int OtherStart, int OtherCount)
{
    public int BaseEnd => BaseStart + BaseCount;
    public int OtherEnd => OtherStart + OtherCount;
}

/// <summary>
/// Line diffs for the three-way merge: DiffPlex's Myers diff, then each block of changed lines
/// refined by pairing similar lines (a rewritten identifier leaves a line mostly as it was).
/// Without the refinement, a block where the transformation rewrote five lines would swallow
/// a patch change to the sixth and turn it into a conflict.
/// </summary>
internal static class LineDiff
{
    /// <summary>Two lines count as "the same line, edited" from this share of common characters (Dice on the LCS).</summary>
    private const double SimilarityThreshold = 0.5;

    /// <summary>Above this many line pairs a block is not refined by similarity (the pairing is quadratic), only split 1:1 when sizes agree.</summary>
    private const int MaxPairsToCompare = 4096;

    public static List<LineEdit> Compute(IReadOnlyList<string> baseLines, IReadOnlyList<string> otherLines)
    {
        var edits = new List<LineEdit>();
        if (baseLines.Count == 0 || otherLines.Count == 0)
        {
            if (baseLines.Count + otherLines.Count > 0) Refine(baseLines, otherLines, new LineEdit(0, baseLines.Count, 0, otherLines.Count), edits);
            return edits;
        }
        // Lines hold no '\n', so joining and splitting on it round-trips exactly.
        var result = Differ.Instance.CreateDiffs(string.Join('\n', baseLines), string.Join('\n', otherLines), false, false, NewlineChunker.Instance);
        foreach (var block in result.DiffBlocks)
            Refine(baseLines, otherLines, new LineEdit(block.DeleteStartA, block.DeleteCountA, block.InsertStartB, block.InsertCountB), edits);
        return edits;
    }

    /// <summary>Splits a block into paired similar lines (1:1 edits) and the unpaired runs between them.</summary>
    private static void Refine(IReadOnlyList<string> a, IReadOnlyList<string> b, LineEdit block, List<LineEdit> edits)
    {
        int m = block.BaseCount, n = block.OtherCount;
        if (m == 0 || n == 0) { edits.Add(block); return; }

        List<(int A, int B)> pairs;
        if ((long)m * n <= MaxPairsToCompare) pairs = PairSimilarLines(a, b, block);
        else if (m == n) pairs = Enumerable.Range(0, m).Select(i => (block.BaseStart + i, block.OtherStart + i)).ToList();
        else { edits.Add(block); return; }

        int nextA = block.BaseStart, nextB = block.OtherStart;
        foreach (var (pa, pb) in pairs)
        {
            if (pa > nextA || pb > nextB) edits.Add(new LineEdit(nextA, pa - nextA, nextB, pb - nextB));
            edits.Add(new LineEdit(pa, 1, pb, 1));
            (nextA, nextB) = (pa + 1, pb + 1);
        }
        if (nextA < block.BaseEnd || nextB < block.OtherEnd)
            edits.Add(new LineEdit(nextA, block.BaseEnd - nextA, nextB, block.OtherEnd - nextB));
    }

    /// <summary>The order-preserving pairing of similar lines with the greatest total similarity (dynamic programming).</summary>
    private static List<(int A, int B)> PairSimilarLines(IReadOnlyList<string> a, IReadOnlyList<string> b, LineEdit block)
    {
        int m = block.BaseCount, n = block.OtherCount;
        var score = new double[m + 1, n + 1];
        var similarity = new double[m, n];
        for (int i = 1; i <= m; i++)
        for (int j = 1; j <= n; j++)
        {
            double s = Similarity(a[block.BaseStart + i - 1], b[block.OtherStart + j - 1]);
            similarity[i - 1, j - 1] = s;
            double best = Math.Max(score[i - 1, j], score[i, j - 1]);
            if (s >= SimilarityThreshold) best = Math.Max(best, score[i - 1, j - 1] + s);
            score[i, j] = best;
        }
        var pairs = new List<(int, int)>();
        for (int i = m, j = n; i > 0 && j > 0;)
        {
            double s = similarity[i - 1, j - 1];
            if (s >= SimilarityThreshold && score[i, j] == score[i - 1, j - 1] + s)
            {
                pairs.Add((block.BaseStart + i - 1, block.OtherStart + j - 1));
                i--;
                j--;
            }
            else if (score[i, j] == score[i - 1, j]) i--;
            else j--;
        }
        pairs.Reverse();
        return pairs;
    }

    /// <summary>2·LCS / (|x| + |y|) over characters, leading and trailing blanks aside; 1 for two blank lines.</summary>
    internal static double Similarity(string x, string y)
    {
        var s = x.AsSpan().Trim();
        var t = y.AsSpan().Trim();
        if (s.Length + t.Length == 0) return 1;
        if (s.Length == 0 || t.Length == 0) return 0;
        var row = new int[t.Length + 1];
        for (int i = 0; i < s.Length; i++)
        {
            int diagonal = 0;
            for (int j = 0; j < t.Length; j++)
            {
                int above = row[j + 1];
                row[j + 1] = s[i] == t[j] ? diagonal + 1 : Math.Max(above, row[j]);
                diagonal = above;
            }
        }
        return 2.0 * row[t.Length] / (s.Length + t.Length);
    }

    /// <summary>Chunks on '\n' only: the lines are already split, and DiffPlex's own chunker would also split at '\r'.</summary>
    private sealed class NewlineChunker : IChunker
    {
        public static readonly NewlineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Split('\n');
    }
}
