using KlpCcp.Diff;

namespace KlpCcp.Tests.Diff;

public class LineMapTests
{
    // L3 → A,B (replaced); L5 deleted; X inserted before L10; L11,L12 → Z.
    private const string PatchText =
        "--- a/f\n+++ b/f\n" +
        "@@ -1,6 +1,6 @@\n L1\n L2\n-L3\n+A\n+B\n L4\n-L5\n L6\n" +
        "@@ -8,5 +8,5 @@\n L8\n L9\n+X\n L10\n-L11\n-L12\n+Z\n";

    private static FilePatch File => PatchReader.Read(PatchText, "t.patch").Patch!.Files[0];

    private static readonly ChangeBlock[] ExpectedBlocks =
    [
        new(3, 1, 3, 2, 1),
        new(5, 1, 6, 0, 1),
        new(10, 0, 10, 1, 2),
        new(11, 2, 12, 1, 2),
    ];

    [Fact]
    public void Applying_gives_the_change_blocks_and_maps_every_old_line()
    {
        var r = HunkApplier.Apply(ApplyScenarios.Numbered(12), File);
        r.Text.ShouldBe("L1\nL2\nA\nB\nL4\nL6\nL7\nL8\nL9\nX\nL10\nZ\n");
        r.LineMap.Blocks.ShouldBe(ExpectedBlocks);
        (r.LineMap.OldLineCount, r.LineMap.NewLineCount).ShouldBe((12, 12));

        Enumerable.Range(1, 12).Select(l => r.LineMap.MapOldLine(l)).Select(m => (m.Fate, m.Line)).ShouldBe([
            (LineFate.Unchanged, 1), (LineFate.Unchanged, 2), (LineFate.Replaced, 3), (LineFate.Unchanged, 5),
            (LineFate.Deleted, 6), (LineFate.Unchanged, 6), (LineFate.Unchanged, 7), (LineFate.Unchanged, 8),
            (LineFate.Unchanged, 9), (LineFate.Unchanged, 11), (LineFate.Replaced, 12), (LineFate.Replaced, 12)]);
        r.LineMap.MapOldLine(5).Block.ShouldBe(ExpectedBlocks[1]);
        r.LineMap.MapOldLine(12).Block!.Value.HunkNumber.ShouldBe(2);
    }

    [Fact]
    public void Maps_new_lines_back()
    {
        var map = HunkApplier.Apply(ApplyScenarios.Numbered(12), File).LineMap;
        Enumerable.Range(1, 12).Select(l => map.MapNewLine(l)).Select(m => (m.Fate, m.Line)).ShouldBe([
            (LineFate.Unchanged, 1), (LineFate.Unchanged, 2), (LineFate.Replaced, 3), (LineFate.Replaced, 3),
            (LineFate.Unchanged, 4), (LineFate.Unchanged, 6), (LineFate.Unchanged, 7), (LineFate.Unchanged, 8),
            (LineFate.Unchanged, 9), (LineFate.Inserted, 10), (LineFate.Unchanged, 10), (LineFate.Replaced, 11)]);
    }

    [Fact]
    public void Maps_old_ranges_to_new_ranges()
    {
        var map = HunkApplier.Apply(ApplyScenarios.Numbered(12), File).LineMap;
        map.MapOldRange(3, 4).ShouldBe((3, 5));
        map.MapOldRange(5, 5).ShouldBe((6, 5));    // all deleted: empty
        map.MapOldRange(9, 10).ShouldBe((9, 11));  // the insertion between them is inside
        map.MapOldRange(10, 10).ShouldBe((11, 11)); // the insertion just before is not
        map.MapOldRange(12, 12).ShouldBe((12, 12)); // a straddling replacement is taken whole
    }

    [Fact]
    public void From_hunks_without_a_file_and_at_an_offset()
    {
        LineMap.FromHunks(File.Hunks).Blocks.ShouldBe(ExpectedBlocks);
        LineMap.FromHunks(File.Hunks, 20).NewLineCount.ShouldBe(20);

        var shifted = HunkApplier.Apply("X\nY\n" + ApplyScenarios.Numbered(12), File);
        shifted.LineMap.Blocks.ShouldBe(ExpectedBlocks.Select(b => b with { OldStart = b.OldStart + 2, NewStart = b.NewStart + 2 }));
        shifted.LineMap.MapOldLine(1).ShouldBe(new LineMapping(LineFate.Unchanged, 1));
    }

    [Fact]
    public void Patched_region_of_old_lines()
    {
        var r = HunkApplier.Apply(ApplyScenarios.Numbered(12), File);
        var (first, last, lines) = r.PatchedRegion(3, 6);
        (first, last).ShouldBe((3, 6));
        lines.Select(l => l.Text).ShouldBe(["A", "B", "L4", "L6"]);
    }

    [Fact]
    public void Maps_a_large_file_quickly()
    {
        // 20 000 lines, a change every 10 lines: every line maps, and back.
        var original = ApplyScenarios.Numbered(20000);
        var patch = new System.Text.StringBuilder("--- a/f\n+++ b/f\n");
        for (int start = 5; start + 3 <= 20000; start += 10)
            patch.Append($"@@ -{start},3 +{start + (start / 10)},4 @@\n L{start}\n-L{start + 1}\n+N{start + 1}\n+M{start + 1}\n L{start + 2}\n");
        var read = PatchReader.Read(patch.ToString(), "big.patch");
        read.Succeeded.ShouldBeTrue();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var r = HunkApplier.Apply(original, read.Patch!.Files[0]);
        r.Succeeded.ShouldBeTrue();
        r.NewLines.Count.ShouldBe(22000);
        for (int line = 1; line <= 20000; line++)
        {
            var m = r.LineMap.MapOldLine(line);
            if (m.Fate == LineFate.Unchanged) r.LineMap.MapNewLine(m.Line).ShouldBe(new LineMapping(LineFate.Unchanged, line));
        }
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }
}
