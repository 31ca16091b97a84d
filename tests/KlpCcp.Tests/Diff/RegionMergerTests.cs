using KlpCcp.Diff;

namespace KlpCcp.Tests.Diff;

public class RegionMergerTests
{
    private static string Text(params string[] lines) => string.Join("\n", lines) + "\n";

    private static readonly string Original = Text(
        "static int f(int x)",
        "{",
        "\tint r = foo(x);",
        "\tif (r < 0)",
        "\t\treturn r;",
        "\tbar = r;",
        "\treturn 0;",
        "}");

    // The emitted copy: renamed, references rewritten, a directive added in front.
    private static readonly string Transformed = Text(
        "#line 120 \"kernel/x.c\"",
        "static int klpp_f(int x)",
        "{",
        "\tint r = klpp_foo(x);",
        "\tif (r < 0)",
        "\t\treturn r;",
        "\t(*klpe_bar) = r;",
        "\treturn 0;",
        "}");

    [Fact]
    public void Patch_changes_beside_rewritten_lines_merge_cleanly_with_provenance()
    {
        var patched = Text(
            "static int f(int x)",
            "{",
            "\tint r = foo(x);",
            "\tif (r <= 0)",
            "\t\treturn r;",
            "\tbar = r;",
            "\tpr_debug(\"%d\\n\", r);",
            "\treturn 0;",
            "}");

        var m = RegionMerger.Merge(Original, Transformed, patched);
        m.Succeeded.ShouldBeTrue();
        m.Conflicts.ShouldBeEmpty();
        m.Text.ShouldBe(Text(
            "#line 120 \"kernel/x.c\"",
            "static int klpp_f(int x)",
            "{",
            "\tint r = klpp_foo(x);",
            "\tif (r <= 0)",
            "\t\treturn r;",
            "\t(*klpe_bar) = r;",
            "\tpr_debug(\"%d\\n\", r);",
            "\treturn 0;",
            "}"));
        m.Lines.Select(l => (l.Source, l.OriginalLine, l.TransformedLine, l.PatchedLine)).ShouldBe([
            (LineSource.Transformed, null, 1, null),
            (LineSource.Transformed, 1, 2, 1),
            (LineSource.Both, 2, 3, 2),
            (LineSource.Transformed, 3, 4, 3),
            (LineSource.Patched, 4, 5, 4),
            (LineSource.Both, 5, 6, 5),
            (LineSource.Transformed, 6, 7, 6),
            (LineSource.Patched, null, null, 7),
            (LineSource.Both, 7, 8, 8),
            (LineSource.Both, 8, 9, 9)]);
        m.Lines.ShouldAllBe(l => !l.InConflict);
    }

    [Fact]
    public void A_patch_change_to_a_rewritten_line_is_a_conflict_not_a_guess()
    {
        var patched = Original.Replace("\tint r = foo(x);", "\tint r = foo(x, 1);");
        var m = RegionMerger.Merge(Original, Transformed, patched);
        m.Succeeded.ShouldBeFalse();
        var c = m.Conflicts.ShouldHaveSingleItem();
        c.ShouldBe(new MergeConflict(3, ["\tint r = foo(x);"], 4, ["\tint r = klpp_foo(x);"], 3, ["\tint r = foo(x, 1);"], 4, 1),
            new ConflictComparer());
        c.Describe().ShouldBe("the patch changes original line 3, which the transformation also changed");
        m.Lines[3].ShouldBe(new MergedLine("\tint r = klpp_foo(x);", LineSource.Transformed, null, 4, null, InConflict: true));
        m.Text.ShouldBe(Transformed); // the transformed lines stand in place, flagged
        m.TextWithConflictMarkers().ShouldBe(Text(
            "#line 120 \"kernel/x.c\"",
            "static int klpp_f(int x)",
            "{",
            "<<<<<<< transformed",
            "\tint r = klpp_foo(x);",
            "||||||| original",
            "\tint r = foo(x);",
            "=======",
            "\tint r = foo(x, 1);",
            ">>>>>>> patched",
            "\tif (r < 0)",
            "\t\treturn r;",
            "\t(*klpe_bar) = r;",
            "\treturn 0;",
            "}"));
    }

    [Fact]
    public void Insertions_at_the_same_place_conflict_and_the_same_change_on_both_sides_does_not()
    {
        var m = RegionMerger.Merge(Text("a", "b"), Text("a", "ours", "b"), Text("a", "theirs", "b"));
        m.Conflicts.ShouldHaveSingleItem().Describe().ShouldBe("the transformation and the patch both insert lines before original line 2");

        // Both delete the same line (the transformation also rewrote the one before), and both make the same edit.
        var same = RegionMerger.Merge(
            Text("x = foo(1);", "drop();", "y = 2;", "end"),
            Text("x = klpp_foo(1);", "y = 3;", "end"),
            Text("x = foo(1);", "y = 3;", "end"));
        same.Succeeded.ShouldBeTrue();
        same.Lines.Select(l => (l.Text, l.Source, l.OriginalLine)).ShouldBe([
            ("x = klpp_foo(1);", LineSource.Transformed, 1), ("y = 3;", LineSource.Both, 3), ("end", LineSource.Both, 4)]);
    }

    [Fact]
    public void A_line_added_between_two_rewritten_lines_merges()
    {
        // Myers sees one block of two changed lines on the transformed side; pairing similar
        // lines splits it, so the patch's insertion between them is not inside a change.
        var original = Text("\tx = foo(1);", "\ty = foo(2);", "\treturn;");
        var transformed = Text("\tx = klpp_foo(1);", "\ty = klpp_foo(2);", "\treturn;");
        var patched = Text("\tx = foo(1);", "\tcheck(x);", "\ty = foo(2);", "\treturn;");
        var m = RegionMerger.Merge(original, transformed, patched);
        m.Succeeded.ShouldBeTrue();
        m.Lines.Select(l => (l.Text, l.Source, l.OriginalLine)).ShouldBe([
            ("\tx = klpp_foo(1);", LineSource.Transformed, 1),
            ("\tcheck(x);", LineSource.Patched, null),
            ("\ty = klpp_foo(2);", LineSource.Transformed, 2),
            ("\treturn;", LineSource.Both, 3)]);
    }

    [Fact]
    public void A_line_the_transformation_dropped_between_rewritten_ones()
    {
        var original = Text("a = foo(1);", "EXPORT_SYMBOL(a);", "b = foo(2);", "end");
        var transformed = Text("a = klpp_foo(1);", "b = klpp_foo(2);", "end");
        var patched = Text("a = foo(1);", "new();", "EXPORT_SYMBOL(a);", "b = foo(2);", "end");
        var m = RegionMerger.Merge(original, transformed, patched);
        m.Succeeded.ShouldBeTrue();
        m.Text.ShouldBe(Text("a = klpp_foo(1);", "new();", "b = klpp_foo(2);", "end"));

        // The patch changing the dropped line itself conflicts.
        var changesDropped = Text("a = foo(1);", "EXPORT_SYMBOL_GPL(a);", "b = foo(2);", "end");
        RegionMerger.Merge(original, transformed, changesDropped).Conflicts.ShouldHaveSingleItem().OriginalStart.ShouldBe(2);
    }

    [Fact]
    public void Output_keeps_the_transformed_line_endings_and_final_newline()
    {
        var m = RegionMerger.Merge("a\nb\nc", "A\r\nb\r\nc", "a\nb\nB2\nc");
        m.Text.ShouldBe("A\r\nb\r\nB2\r\nc");
    }

    [Fact]
    public void Merges_a_region_of_an_applied_patch_with_the_files_line_numbers()
    {
        var original = string.Concat(Enumerable.Range(1, 9).Select(i => $"pad{i}\n")) + Original + "tail\n";
        var patch = PatchReader.Read(
            "--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,2 @@\n-pad1\n pad2\n pad3\n" +
            "@@ -12,4 +11,5 @@\n \tint r = foo(x);\n \tif (r < 0)\n \t\treturn r;\n+\tlog(r);\n \tbar = r;\n", "fix.patch").Patch!;
        var applied = HunkApplier.Apply(original, patch.Files[0]);
        applied.Succeeded.ShouldBeTrue();

        // The function is old lines 10-17; the emitted copy of it starts at line 40 of the live patch.
        var m = RegionMerger.Merge(applied, 10, 17, Transformed, transformedFirstLine: 40);
        m.Succeeded.ShouldBeTrue();
        var added = m.Lines.Single(l => l.Source == LineSource.Patched);
        added.ShouldBe(new MergedLine("\tlog(r);", LineSource.Patched, null, null, 14)); // pad1 went, so the function moved up one
        m.Lines.First(l => l.Text == "}").ShouldBe(new MergedLine("}", LineSource.Both, 17, 48, 17));
        m.Lines[0].TransformedLine.ShouldBe(40);
    }

    [Fact]
    public void Merges_large_regions_quickly()
    {
        var original = Enumerable.Range(0, 5000).Select(i => $"\tv{i} = foo(v{i - 1}) + bar;").ToArray();
        var transformed = original.Select((l, i) => i % 3 == 0 ? l.Replace("foo(", "klpp_foo(") : l).ToArray();
        var patched = original.Select((l, i) => i % 3 == 1 ? l + " /* fixed */" : l).ToList();
        patched.Insert(2500, "\tnew_line();");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var m = RegionMerger.Merge(original, transformed, patched);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        m.Succeeded.ShouldBeTrue();
        m.Lines.Count.ShouldBe(5001);
        m.Lines.Count(l => l.Source == LineSource.Patched).ShouldBe(1667 + 1);
        m.Lines.Count(l => l.Source == LineSource.Transformed).ShouldBe(1667);
    }

    private sealed class ConflictComparer : IEqualityComparer<MergeConflict>
    {
        public bool Equals(MergeConflict? x, MergeConflict? y) =>
            x is not null && y is not null
            && (x.OriginalStart, x.TransformedStart, x.PatchedStart, x.OutputStart, x.OutputCount)
               == (y.OriginalStart, y.TransformedStart, y.PatchedStart, y.OutputStart, y.OutputCount)
            && x.OriginalLines.SequenceEqual(y.OriginalLines)
            && x.TransformedLines.SequenceEqual(y.TransformedLines)
            && x.PatchedLines.SequenceEqual(y.PatchedLines);

        public int GetHashCode(MergeConflict obj) => obj.OriginalStart;
    }
}
