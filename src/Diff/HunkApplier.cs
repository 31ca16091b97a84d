namespace KlpCcp.Diff;

/// <summary>
/// Applies a file's hunks to its text the way GNU patch does: each hunk at its header position
/// shifted by the offset the previous hunk needed, else at the nearest offset where it matches
/// (searching both ways), else with fuzz, ignoring up to <see cref="ApplyOptions.MaxFuzz"/>
/// context lines at its ends. Hunks never overlap what an earlier hunk consumed.
/// Differences from GNU patch, on purpose: lines are compared without their CR, so a LF patch
/// applies to a CRLF file (added lines take the file's dominant line ending).
/// </summary>
public static class HunkApplier
{
    public static ApplyResult Apply(string original, FilePatch file, ApplyOptions? options = null)
    {
        if (file.IsBinary)
        {
            var lines = TextLines.Split(original);
            return new ApplyResult(lines, lines, [], new LineMap([], lines.Length, lines.Length),
                [PatchDiagnostic.Error(file.PatchName, file.HeaderLine, $"binary patch for '{file.DisplayPath}' is not supported")]);
        }
        if (file.Kind == FileChangeKind.Added && original.Length > 0)
        {
            var lines = TextLines.Split(original);
            return new ApplyResult(lines, lines, file.Hunks.Select(h => new HunkApplication(h, false, 1, 0, 0, 0)).ToArray(),
                new LineMap([], lines.Length, lines.Length),
                [PatchDiagnostic.Error(file.PatchName, file.HeaderLine, $"the patch creates '{file.DisplayPath}', which already exists and is not empty")]);
        }
        var result = Apply(original, file.Hunks, file.PatchName, file.DisplayPath, file.NewFileLineEnding, options);
        if (file.Kind == FileChangeKind.Deleted && result.NewLines.Count > 0 && result.Hunks.All(h => h.Applied))
            return new ApplyResult(result.OldLines, result.NewLines, result.Hunks, result.LineMap,
                [.. result.Diagnostics, PatchDiagnostic.Error(file.PatchName, file.HeaderLine,
                    $"the patch deletes '{file.DisplayPath}', but {result.NewLines.Count} lines of it are not in the patch")]);
        return result;
    }

    /// <summary>
    /// Applies <paramref name="hunks"/> (in file order) to <paramref name="original"/>;
    /// <paramref name="patchName"/> and <paramref name="fileName"/> go into the messages.
    /// <paramref name="newFileLineEnding"/> terminates added lines when the original has no line
    /// ending to copy (an empty file).
    /// </summary>
    public static ApplyResult Apply(string original, IReadOnlyList<Hunk> hunks, string patchName, string fileName,
        string newFileLineEnding = "\n", ApplyOptions? options = null)
    {
        options ??= ApplyOptions.Default;
        var source = TextLines.Split(original);
        var texts = TextLines.Texts(source);
        string ending = TextLines.DominantEnding(source) ?? newFileLineEnding;

        var output = new List<TextLine>(source.Length + hunks.Sum(h => h.NewCount - h.OldCount) + 1);
        var applications = new List<HunkApplication>(hunks.Count);
        var blocks = new List<ChangeBlock>();
        var diagnostics = new List<PatchDiagnostic>();
        int consumed = 0;   // source lines [0, consumed) are already copied or replaced
        int carriedOffset = 0; // GNU patch starts each hunk where the previous one's offset points

        foreach (var hunk in hunks)
        {
            var pattern = hunk.Lines.Where(l => l.InOld).Select(l => l.Text).ToArray();
            int expected = hunk.OldFirstLine - 1 + carriedOffset;
            int maxFuzz = Math.Min(options.MaxFuzz, Math.Max(hunk.LeadingContext, hunk.TrailingContext));
            int where = -1, fuzz;
            for (fuzz = 0; fuzz <= maxFuzz; fuzz++)
                if ((where = Locate(texts, pattern, hunk, fuzz, expected, consumed)) >= 0) break;

            if (where < 0)
            {
                applications.Add(new HunkApplication(hunk, false, expected + 1, 0, carriedOffset, 0));
                var newSide = hunk.Lines.Where(l => l.InNew).Select(l => l.Text).ToArray();
                bool alreadyThere = newSide.Length > 0 && Locate(texts, newSide, hunk, 0, expected, consumed) >= 0;
                diagnostics.Add(PatchDiagnostic.Error(patchName, hunk.PatchLine,
                    $"hunk #{hunk.Number} of '{fileName}' FAILED at {expected + 1}{(alreadyThere ? " (its new lines are already there: patch applied before?)" : "")}"));
                continue;
            }

            carriedOffset = where - (hunk.OldFirstLine - 1);
            for (int i = consumed; i < where; i++) output.Add(source[i]);
            int newLine = output.Count + 1;
            LineMap.AddBlocks(hunk, where + 1, newLine, blocks);
            consumed = WriteHunk(hunk, source, where, ending, output);
            applications.Add(new HunkApplication(hunk, true, where + 1, newLine, carriedOffset, fuzz));

            string at = $"hunk #{hunk.Number} of '{fileName}' applied at {where + 1}";
            string offset = carriedOffset == 0 ? "" : $"offset {carriedOffset} line{(Math.Abs(carriedOffset) == 1 ? "" : "s")}";
            if (fuzz > 0)
                diagnostics.Add(PatchDiagnostic.Warning(patchName, hunk.PatchLine, $"{at} with fuzz {fuzz}{(offset.Length > 0 ? $" ({offset})" : "")}"));
            else if (carriedOffset != 0)
                diagnostics.Add(PatchDiagnostic.Note(patchName, hunk.PatchLine, $"{at} ({offset})"));
        }
        for (int i = consumed; i < source.Length; i++) output.Add(source[i]);

        // A line that something now follows needs a terminator, even if it was the file's last.
        for (int i = 0; i < output.Count - 1; i++)
            if (output[i].Ending.Length == 0) output[i] = output[i] with { Ending = ending };

        return new ApplyResult(source, output, applications, new LineMap(blocks, source.Length, output.Count), diagnostics);
    }

    /// <summary>
    /// Writes the hunk's new side placed at source line <paramref name="where"/> (0-based):
    /// context lines are copied from the file (so fuzz-ignored ones keep the file's text and
    /// every kept line its own ending), added lines come from the patch. Returns the first
    /// source line after the hunk.
    /// </summary>
    private static int WriteHunk(Hunk hunk, TextLine[] source, int where, string ending, List<TextLine> output)
    {
        int old = where;
        foreach (var line in hunk.Lines)
        {
            switch (line.Kind)
            {
                case HunkLineKind.Context:
                    // Fuzz may let ignored trailing context run past the end of the file.
                    if (old < source.Length)
                        output.Add(line.NoNewlineAtEnd ? source[old] with { Ending = "" } : source[old]);
                    old++;
                    break;
                case HunkLineKind.Removed:
                    old++;
                    break;
                case HunkLineKind.Added:
                    output.Add(new TextLine(line.Text, line.NoNewlineAtEnd ? "" : ending));
                    break;
            }
        }
        return Math.Min(old, source.Length);
    }

    /// <summary>
    /// GNU patch's locate_hunk: the 0-based line where <paramref name="pattern"/> (the hunk's old
    /// side) matches with <paramref name="fuzz"/>, nearest to <paramref name="expected"/>, not
    /// before <paramref name="minWhere"/>; -1 when nowhere. A hunk with less leading than
    /// trailing context was cut by the start of the file and may only match there (and the
    /// reverse at the end), until fuzz makes up the difference.
    /// </summary>
    private static int Locate(string[] file, string[] pattern, Hunk hunk, int fuzz, int expected, int minWhere)
    {
        int n = file.Length, length = pattern.Length;
        if (length == 0) return Math.Clamp(expected, minWhere, n); // an empty old side fits anywhere
        int prefix = Math.Min(hunk.LeadingContext, length), suffix = Math.Min(hunk.TrailingContext, length - prefix);
        int context = Math.Max(prefix, suffix);
        int prefixFuzz = fuzz + prefix - context;
        int suffixFuzz = fuzz + suffix - context;

        if (prefixFuzz < 0 && hunk.OldFirstLine <= 1)
        {
            if (suffixFuzz < 0 && length != n) return -1; // must be the whole file
            return minWhere == 0 && Matches(file, pattern, 0, 0, Math.Max(suffixFuzz, 0)) ? 0 : -1;
        }
        prefixFuzz = Math.Max(prefixFuzz, 0);
        int maxWhere = n - (length - Math.Max(suffixFuzz, 0));
        if (suffixFuzz < 0)
        {
            int atEnd = n - length;
            return atEnd >= minWhere && Matches(file, pattern, atEnd, prefixFuzz, 0) ? atEnd : -1;
        }

        int maxUp = maxWhere - expected, maxDown = expected - minWhere;
        int maxOffset = Math.Max(maxUp, maxDown);
        for (int offset = 0; offset <= maxOffset; offset++)
        {
            if (offset <= maxUp && Matches(file, pattern, expected + offset, prefixFuzz, suffixFuzz)) return expected + offset;
            if (offset > 0 && offset <= maxDown && Matches(file, pattern, expected - offset, prefixFuzz, suffixFuzz)) return expected - offset;
        }
        return -1;
    }

    /// <summary>Whether the pattern, less its first <paramref name="skipFirst"/> and last <paramref name="skipLast"/> lines, matches at <paramref name="where"/>.</summary>
    private static bool Matches(string[] file, string[] pattern, int where, int skipFirst, int skipLast)
    {
        if (where < 0) return false;
        int end = pattern.Length - skipLast;
        if (where + end > file.Length) return false;
        for (int i = skipFirst; i < end; i++)
            if (!string.Equals(file[where + i], pattern[i], StringComparison.Ordinal)) return false;
        return true;
    }
}
