namespace KlpCcp.Diff;

/// <summary>
/// Carries a patch's changes over to a transformed copy of the source: a line-based three-way
/// merge with the original region as base, the transformed (emitted) region as "ours" and the
/// patched original region as "theirs", on DiffPlex line diffs. Changes of one side are taken as
/// they are; where both sides changed the same lines differently the merge reports a conflict
/// instead of guessing. Every output line says where it came from, so that the caller can
/// re-apply its rewrites to the lines the patch brought in.
/// </summary>
public static class RegionMerger
{
    /// <summary>
    /// Merges three texts (each split into lines with <see cref="TextLines"/>). The output takes
    /// the transformed text's line ending and final-newline state. The first-line parameters
    /// number the lines of each input in the results (say, the region's line in its file).
    /// </summary>
    public static MergeResult Merge(string original, string transformed, string patched,
        int originalFirstLine = 1, int transformedFirstLine = 1, int patchedFirstLine = 1)
    {
        var ours = TextLines.Split(transformed);
        var theirs = TextLines.Split(patched);
        string ending = TextLines.DominantEnding(ours) ?? TextLines.DominantEnding(theirs) ?? "\n";
        bool endsWithNewline = transformed.Length > 0 ? transformed.EndsWith('\n') : patched.Length == 0 || patched.EndsWith('\n');
        return Merge(TextLines.Texts(TextLines.Split(original)), TextLines.Texts(ours), TextLines.Texts(theirs),
            originalFirstLine, transformedFirstLine, patchedFirstLine, ending, endsWithNewline);
    }

    /// <summary>
    /// Merges old lines <paramref name="oldFirst"/>..<paramref name="oldLast"/> of a file that
    /// <paramref name="applied"/> patched, transformed into <paramref name="transformed"/>, with
    /// the patch: "theirs" is <see cref="ApplyResult.PatchedRegion"/>. Original and patched line
    /// numbers in the result are the files' own.
    /// </summary>
    public static MergeResult Merge(ApplyResult applied, int oldFirst, int oldLast, string transformed, int transformedFirstLine = 1)
    {
        var original = applied.OldLines.Skip(oldFirst - 1).Take(oldLast - oldFirst + 1).ToArray();
        var (patchedFirst, _, patchedLines) = applied.PatchedRegion(oldFirst, oldLast);
        var ours = TextLines.Split(transformed);
        return Merge(TextLines.Texts(original), TextLines.Texts(ours), TextLines.Texts(patchedLines),
            oldFirst, transformedFirstLine, patchedFirst,
            TextLines.DominantEnding(ours) ?? TextLines.DominantEnding(original) ?? "\n", transformed.Length == 0 || transformed.EndsWith('\n'));
    }

    /// <summary>Merges three line lists (lines without terminators).</summary>
    public static MergeResult Merge(IReadOnlyList<string> original, IReadOnlyList<string> transformed, IReadOnlyList<string> patched,
        int originalFirstLine = 1, int transformedFirstLine = 1, int patchedFirstLine = 1, string ending = "\n", bool endsWithNewline = true)
    {
        var merge = new Merge3(original, transformed, patched, originalFirstLine, transformedFirstLine, patchedFirstLine);
        merge.Run();
        return new MergeResult(merge.Output, merge.Conflicts, ending, endsWithNewline);
    }

    /// <summary>The diff3 walk: edits of both sides in base order, grouped into chunks of overlapping edits.</summary>
    private sealed class Merge3(IReadOnlyList<string> original, IReadOnlyList<string> ours, IReadOnlyList<string> theirs,
        int originalFirst, int oursFirst, int theirsFirst)
    {
        public List<MergedLine> Output { get; } = new(Math.Max(ours.Count, theirs.Count));
        public List<MergeConflict> Conflicts { get; } = new();

        public void Run()
        {
            var oursEdits = LineDiff.Compute(original, ours);
            var theirsEdits = LineDiff.Compute(original, theirs);
            int baseAt = 0, oursAt = 0, theirsAt = 0; // aligned positions after the last chunk
            int io = 0, it = 0;
            while (io < oursEdits.Count || it < theirsEdits.Count)
            {
                bool oursFirstEdit = it >= theirsEdits.Count || (io < oursEdits.Count && Precedes(oursEdits[io], theirsEdits[it]));
                var firstEdit = oursFirstEdit ? oursEdits[io++] : theirsEdits[it++];
                int start = firstEdit.BaseStart, end = firstEdit.BaseEnd;
                int oursFrom = oursFirstEdit ? io - 1 : io, theirsFrom = oursFirstEdit ? it : it - 1;
                for (bool grew = true; grew;)
                {
                    grew = false;
                    for (; io < oursEdits.Count && Overlaps(oursEdits[io], start, end); io++, grew = true) end = Math.Max(end, oursEdits[io].BaseEnd);
                    for (; it < theirsEdits.Count && Overlaps(theirsEdits[it], start, end); it++, grew = true) end = Math.Max(end, theirsEdits[it].BaseEnd);
                }

                int unchanged = start - baseAt;
                EmitUnchanged(baseAt, oursAt, theirsAt, unchanged);
                (baseAt, oursAt, theirsAt) = (start, oursAt + unchanged, theirsAt + unchanged);

                int oursEnd = SideEnd(oursEdits, oursFrom, io, oursAt, start, end);
                int theirsEnd = SideEnd(theirsEdits, theirsFrom, it, theirsAt, start, end);
                bool oursChanged = io > oursFrom, theirsChanged = it > theirsFrom;
                if (oursChanged && !theirsChanged)
                    EmitSide(ours, LineSource.Transformed, start, end, oursAt, oursEnd, theirsAt);
                else if (theirsChanged && !oursChanged)
                    EmitSide(theirs, LineSource.Patched, start, end, theirsAt, theirsEnd, oursAt);
                else if (SameLines(ours, oursAt, oursEnd, theirs, theirsAt, theirsEnd))
                    EmitSide(ours, LineSource.Both, start, end, oursAt, oursEnd, theirsAt);
                else
                    EmitConflict(start, end, oursAt, oursEnd, theirsAt, theirsEnd);
                (baseAt, oursAt, theirsAt) = (end, oursEnd, theirsEnd);
            }
            EmitUnchanged(baseAt, oursAt, theirsAt, original.Count - baseAt);
        }

        /// <summary>Base order; at the same start an insertion comes before a change of the lines there.</summary>
        private static bool Precedes(LineEdit a, LineEdit b) => a.BaseStart != b.BaseStart ? a.BaseStart < b.BaseStart : a.BaseEnd <= b.BaseEnd;

        /// <summary>
        /// Whether an edit collides with the chunk <c>[start, end)</c>. Ranges that only touch do
        /// not: a patch changing the line after a rewritten one merges cleanly. Two insertions
        /// at the same point do (their order is unknowable), as does an insertion strictly inside.
        /// </summary>
        private static bool Overlaps(LineEdit edit, int start, int end)
        {
            if (edit.BaseCount == 0 && start == end) return edit.BaseStart == start;
            if (edit.BaseCount == 0) return start < edit.BaseStart && edit.BaseStart < end;
            if (start == end) return edit.BaseStart < start && start < edit.BaseEnd;
            return edit.BaseStart < end && edit.BaseEnd > start;
        }

        /// <summary>Where a side's version of the chunk ends: after its last edit in the chunk, plus the unchanged base lines after that.</summary>
        private static int SideEnd(List<LineEdit> edits, int from, int to, int sideAt, int start, int end)
        {
            if (to == from) return sideAt + (end - start);
            var last = edits[to - 1];
            return last.OtherEnd + (end - last.BaseEnd);
        }

        private void EmitUnchanged(int baseAt, int oursAt, int theirsAt, int count)
        {
            for (int k = 0; k < count; k++)
                Output.Add(new MergedLine(ours[oursAt + k], LineSource.Both,
                    originalFirst + baseAt + k, oursFirst + oursAt + k, theirsFirst + theirsAt + k));
        }

        /// <summary>
        /// Emits one side's version of a chunk. A line keeps its original line number when the
        /// side replaced the base lines one for one; lines of a side that did not change the
        /// chunk's length map one for one to the other side too.
        /// </summary>
        private void EmitSide(IReadOnlyList<string> side, LineSource source, int start, int end, int from, int to, int otherAt)
        {
            int count = to - from;
            bool oneForOneWithBase = count == end - start;
            for (int k = 0; k < count; k++)
            {
                int? originalLine = oneForOneWithBase ? originalFirst + start + k : null;
                int? otherLine = oneForOneWithBase || source == LineSource.Both ? otherAt + k : null;
                int? sideLine = from + k;
                var (oursLine, theirsLine) = source == LineSource.Patched ? (otherLine, sideLine) : (sideLine, otherLine);
                Output.Add(new MergedLine(side[from + k], source, originalLine, oursFirst + oursLine, theirsFirst + theirsLine));
            }
        }

        private void EmitConflict(int start, int end, int oursAt, int oursEnd, int theirsAt, int theirsEnd)
        {
            int outputStart = Output.Count + 1;
            for (int k = oursAt; k < oursEnd; k++)
                Output.Add(new MergedLine(ours[k], LineSource.Transformed, null, oursFirst + k, null, InConflict: true));
            Conflicts.Add(new MergeConflict(
                originalFirst + start, Slice(original, start, end),
                oursFirst + oursAt, Slice(ours, oursAt, oursEnd),
                theirsFirst + theirsAt, Slice(theirs, theirsAt, theirsEnd),
                outputStart, oursEnd - oursAt));
        }

        private static bool SameLines(IReadOnlyList<string> a, int aFrom, int aTo, IReadOnlyList<string> b, int bFrom, int bTo)
        {
            if (aTo - aFrom != bTo - bFrom) return false;
            for (int k = 0; k < aTo - aFrom; k++)
                if (!string.Equals(a[aFrom + k], b[bFrom + k], StringComparison.Ordinal)) return false;
            return true;
        }

        private static string[] Slice(IReadOnlyList<string> lines, int from, int to)
        {
            var slice = new string[to - from];
            for (int k = 0; k < slice.Length; k++) slice[k] = lines[from + k];
            return slice;
        }
    }
}
