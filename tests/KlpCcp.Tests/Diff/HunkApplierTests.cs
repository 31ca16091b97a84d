using System.Text.RegularExpressions;
using KlpCcp.Diff;

namespace KlpCcp.Tests.Diff;

public class HunkApplierTests
{
    private static ApplyResult Apply(string scenario, int maxFuzz = 2)
    {
        var (original, patchText) = ApplyScenarios.All[scenario];
        var read = PatchReader.Read(patchText, "t.patch");
        read.Succeeded.ShouldBeTrue(string.Join("\n", read.Diagnostics));
        return HunkApplier.Apply(original, read.Patch!.Files.ShouldHaveSingleItem(), new ApplyOptions { MaxFuzz = maxFuzz });
    }

    private static string Expected(string original, params (string From, string To)[] replacements)
    {
        foreach (var (from, to) in replacements) original = original.Replace(from, to);
        return original;
    }

    private static (bool, int, int, int) Placement(HunkApplication h) => (h.Applied, h.OldLine, h.Offset, h.Fuzz);

    [Fact]
    public void Exact_position()
    {
        var r = Apply("exact");
        r.Text.ShouldBe(Expected(ApplyScenarios.Numbered(), ("L13\n", "NEW13\n"), ("L23\n", "NEW23\nNEW23b\n")));
        r.Hunks.Select(Placement).ShouldBe([(true, 10, 0, 0), (true, 20, 0, 0)]);
        r.Hunks.Select(h => h.NewLine).ShouldBe([10, 20]);
        r.Hunks.ShouldAllBe(h => h.IsExact);
        r.Diagnostics.ShouldBeEmpty();
        r.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Offsets_down_and_up_carry_over_to_the_next_hunk()
    {
        var down = Apply("offset down");
        down.Hunks.Select(Placement).ShouldBe([(true, 15, 5, 0), (true, 25, 5, 0)]);
        down.Diagnostics.Select(d => d.ToString()).ShouldBe([
            "t.patch:3: note: hunk #1 of 'f' applied at 15 (offset 5 lines)",
            "t.patch:12: note: hunk #2 of 'f' applied at 25 (offset 5 lines)"]);
        down.Succeeded.ShouldBeTrue();

        Apply("offset up").Hunks.Select(Placement).ShouldBe([(true, 7, -3, 0), (true, 17, -3, 0)]);
        Apply("second hunk moved further").Hunks.Select(Placement).ShouldBe([(true, 10, 0, 0), (true, 22, 2, 0)]);
    }

    [Fact]
    public void Fuzz_ignores_context_at_the_ends_and_keeps_the_files_lines()
    {
        var one = Apply("fuzz 1");
        one.Hunks.Select(Placement).ShouldBe([(true, 10, 0, 1), (true, 20, 0, 0)]);
        one.Text.ShouldContain("changed10\nL11\nL12\nNEW13\n");
        one.Diagnostics[0].ToString().ShouldBe("t.patch:3: warning: hunk #1 of 'f' applied at 10 with fuzz 1");

        Apply("fuzz 2").Hunks.Select(Placement).ShouldBe([(true, 10, 0, 0), (true, 20, 0, 2)]);
        var twoLinesEachEnd = Apply("fuzz 2 at both ends");
        twoLinesEachEnd.Hunks.Select(Placement).ShouldBe([(true, 10, 0, 2), (true, 20, 0, 0)]);
        twoLinesEachEnd.Text.ShouldContain("L10\nQ11\nL12\nNEW13\nL14\nQ15\nL16\n");
        var both = Apply("fuzz with offset");
        both.Hunks.Select(Placement).ShouldBe([(true, 12, 2, 0), (true, 22, 2, 1)]);
        both.Diagnostics[1].ToString().ShouldBe("t.patch:12: warning: hunk #2 of 'f' applied at 22 with fuzz 1 (offset 2 lines)");

        // Without fuzz the same hunk fails.
        Apply("fuzz 1", maxFuzz: 0).Hunks[0].Applied.ShouldBeFalse();
    }

    [Fact]
    public void A_failed_hunk_is_reported_with_its_patch_line_and_the_others_apply()
    {
        var r = Apply("failed hunk");
        r.Succeeded.ShouldBeFalse();
        r.Hunks.Select(Placement).ShouldBe([(true, 10, 0, 0), (false, 20, 0, 0)]);
        r.Hunks[1].Hunk.PatchLine.ShouldBe(12);
        r.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("t.patch:12: error: hunk #2 of 'f' FAILED at 20");
        r.Text.ShouldBe(Expected(ApplyScenarios.Numbered(), ("L13\n", "NEW13\n"), ("L23\n", "other23\n")));

        Apply("context too far off").Hunks[0].Applied.ShouldBeFalse();
    }

    [Fact]
    public void A_hunk_whose_new_side_is_there_already_is_said_to_be_applied_before()
    {
        var r = Apply("already applied");
        r.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe(
            "t.patch:3: error: hunk #1 of 'f' FAILED at 10 (its new lines are already there: patch applied before?)");
    }

    [Fact]
    public void Hunks_cut_by_the_start_or_end_of_the_file_only_match_there()
    {
        Apply("start of file exact").Text.ShouldBe("N1\nL2\nL3\nL4\nL5\nL6\n");
        Apply("start of file only").Hunks.Select(Placement).ShouldBe([(false, 1, 0, 0)]);
        Apply("end of file only").Hunks.Select(Placement).ShouldBe([(false, 3, 0, 0)]);
    }

    [Fact]
    public void Insertions_and_deletions_without_context()
    {
        var r = Apply("insertion without context");
        r.Text.ShouldBe("L1\nL2\nI1\nI2\nL3\nL4\nL6\n");
        r.Hunks.Select(h => (h.OldLine, h.NewLine)).ShouldBe([(3, 3), (5, 7)]);
    }

    [Fact]
    public void Missing_final_newline_is_added_removed_or_kept_as_the_patch_says()
    {
        Apply("no newline: add it").Text.ShouldBe("a\nb\nc\n");
        Apply("no newline: remove it").Text.ShouldBe("a\nb\nc");
        Apply("no newline: kept while changing before").Text.ShouldBe("A\nb\nc");
        Apply("no newline: append lines").Text.ShouldBe("a\nb\nc");
    }

    [Fact]
    public void Line_endings_follow_the_file()
    {
        Apply("crlf patch on lf file").Text.ShouldBe("L1\nL2\nN3\nN3b\nL4\nL5\n");
        Apply("crlf file with crlf content").Text.ShouldBe("L1\r\nL2\r\nN3\r\nN3b\r\nL4\r\n");

        // More lenient than GNU patch, on purpose: a LF patch applies to a CRLF file, added lines take CRLF.
        var read = PatchReader.Read("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n", "t.patch").Patch!;
        HunkApplier.Apply("a\r\nb\r\nc\r\n", read.Files[0]).Text.ShouldBe("a\r\nB\r\nc\r\n");
        // A new file from a git diff of a CRLF file gets CRLF lines.
        var crlfNew = PatchReader.Read("diff --git a/g b/g\nnew file mode 100644\n--- /dev/null\n+++ b/g\n@@ -0,0 +1 @@\n+x\r\n", "t.patch").Patch!;
        HunkApplier.Apply("", crlfNew.Files[0]).Text.ShouldBe("x\r\n");
    }

    [Fact]
    public void New_and_deleted_files()
    {
        Apply("new file").Text.ShouldBe("x\ny\n");
        var deleted = Apply("deleted file");
        deleted.Text.ShouldBe("");
        deleted.NewLines.ShouldBeEmpty();
        deleted.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Creating_a_file_that_exists_or_deleting_one_that_has_more_lines_is_an_error()
    {
        var added = PatchReader.Read(ApplyScenarios.All["new file"].Patch, "t.patch").Patch!.Files[0];
        var r = HunkApplier.Apply("existing\n", added);
        r.Succeeded.ShouldBeFalse();
        r.Text.ShouldBe("existing\n");
        r.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("t.patch:1: error: the patch creates 'f', which already exists and is not empty");

        var deleted = PatchReader.Read(ApplyScenarios.All["deleted file"].Patch, "t.patch").Patch!.Files[0];
        var d = HunkApplier.Apply("x\ny\nz\n", deleted);
        d.Succeeded.ShouldBeFalse();
        d.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("t.patch:1: error: the patch deletes 'f', but 1 lines of it are not in the patch");
    }

    [Fact]
    public void Binary_file_patch_is_an_error_value()
    {
        var read = PatchReader.Read("diff --git a/x b/x\nBinary files a/x and b/x differ\n", "t.patch");
        var r = HunkApplier.Apply("data", read.Patch!.Files[0]);
        r.Succeeded.ShouldBeFalse();
        r.Text.ShouldBe("data");
        r.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("t.patch:1: error: binary patch for 'x' is not supported");
    }

    public static TheoryData<string> Scenarios() => new(ApplyScenarios.All.Keys);

    /// <summary>Same text as GNU patch, and the same placement as it reports ("Hunk #2 succeeded at 25 with fuzz 2 (offset 5 lines).").</summary>
    [SkippableTheory]
    [MemberData(nameof(Scenarios))]
    public void Agrees_with_gnu_patch(string scenario)
    {
        var (original, patchText) = ApplyScenarios.All[scenario];
        var r = Apply(scenario);
        var (exit, output, files) = GnuPatch.Apply(new Dictionary<string, string> { ["f"] = original }, patchText);
        if (scenario == "deleted file") files["f"].ShouldBeNull();
        else files["f"].ShouldBe(r.Text, output);
        (exit == 0).ShouldBe(r.Succeeded, output);

        foreach (var h in r.Hunks)
        {
            var m = Regex.Match(output, $@"Hunk #{h.Hunk.Number} (succeeded at (?<at>\d+)(?: with fuzz (?<fuzz>\d))?(?: \(offset (?<offset>-?\d+) lines?\))?|(?<failed>FAILED))");
            if (!m.Success)
            {
                h.IsExact.ShouldBeTrue($"GNU patch said nothing about hunk #{h.Hunk.Number}, so it applied exactly: {output}");
                continue;
            }
            h.Applied.ShouldBe(!m.Groups["failed"].Success, output);
            if (!h.Applied) continue;
            int fuzz = m.Groups["fuzz"].Success ? int.Parse(m.Groups["fuzz"].Value) : 0;
            int offset = m.Groups["offset"].Success ? int.Parse(m.Groups["offset"].Value) : 0;
            (h.Fuzz, h.Offset, h.NewLine).ShouldBe((fuzz, offset, int.Parse(m.Groups["at"].Value)), output);
        }
    }
}
