namespace KlpCcp.Diff;

/// <summary>
/// One <c>@@ -OldStart,OldCount +NewStart,NewCount @@ SectionHeading</c> hunk of a file patch.
/// Line numbers are 1-based as written in the header; with a count of 0 the start names the
/// line <em>after which</em> the (empty) range lies, as diff writes it. The reader has checked
/// that the lines agree with the counts.
/// </summary>
public sealed class Hunk
{
    public Hunk(int number, int oldStart, int oldCount, int newStart, int newCount, string sectionHeading, int patchLine, IReadOnlyList<HunkLine> lines)
    {
        Number = number;
        OldStart = oldStart;
        OldCount = oldCount;
        NewStart = newStart;
        NewCount = newCount;
        SectionHeading = sectionHeading;
        PatchLine = patchLine;
        Lines = lines;

        int leading = 0;
        while (leading < lines.Count && lines[leading].Kind == HunkLineKind.Context) leading++;
        int trailing = 0;
        while (trailing < lines.Count - leading && lines[lines.Count - 1 - trailing].Kind == HunkLineKind.Context) trailing++;
        LeadingContext = leading;
        TrailingContext = trailing;
    }

    /// <summary>1-based position of the hunk within its file patch (GNU patch's "Hunk #N").</summary>
    public int Number { get; }
    public int OldStart { get; }
    public int OldCount { get; }
    public int NewStart { get; }
    public int NewCount { get; }

    /// <summary>The text after the closing <c>@@</c> (diff -p's enclosing function line), or "".</summary>
    public string SectionHeading { get; }

    /// <summary>The patch-file line of the <c>@@</c> header.</summary>
    public int PatchLine { get; }

    public IReadOnlyList<HunkLine> Lines { get; }

    /// <summary>Context lines before the first change.</summary>
    public int LeadingContext { get; }

    /// <summary>Context lines after the last change (0 for a hunk made only of context).</summary>
    public int TrailingContext { get; }

    /// <summary>The first old line the hunk covers, as a 1-based line (for an empty old side: the line before which it inserts).</summary>
    public int OldFirstLine => OldCount == 0 ? OldStart + 1 : OldStart;

    /// <summary>The first new line the hunk covers (for an empty new side: the line before which the removed lines were).</summary>
    public int NewFirstLine => NewCount == 0 ? NewStart + 1 : NewStart;

    /// <summary>The old file's lines as the hunk expects them (context and removed).</summary>
    public IEnumerable<string> OldLines => Lines.Where(l => l.InOld).Select(l => l.Text);

    /// <summary>The new file's lines as the hunk writes them (context and added).</summary>
    public IEnumerable<string> NewLines => Lines.Where(l => l.InNew).Select(l => l.Text);

    public override string ToString() =>
        $"@@ -{OldStart},{OldCount} +{NewStart},{NewCount} @@{(SectionHeading.Length > 0 ? " " + SectionHeading : "")}";
}
