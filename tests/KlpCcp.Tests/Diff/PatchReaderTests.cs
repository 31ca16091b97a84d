using KlpCcp.Diff;

namespace KlpCcp.Tests.Diff;

public class PatchReaderTests
{
    internal static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    internal static Patch Read(string text, int? strip = null)
    {
        var result = PatchReader.Read(text, "t.patch", new PatchReadOptions { StripLevel = strip });
        result.Diagnostics.ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
        return result.Patch!;
    }

    [Fact]
    public void Git_style_file_with_index_line_and_section_heading()
    {
        var patch = Read(Lines(
            "diff --git a/kernel/sys.c b/kernel/sys.c",
            "index 1111111..2222222 100644",
            "--- a/kernel/sys.c",
            "+++ b/kernel/sys.c",
            "@@ -2142,7 +2142,8 @@ static int prctl_set_auxv(struct mm_stru",
            " \tBUILD_BUG_ON(x);",
            " ",
            " \ttask_lock(current);",
            "-\tmemcpy(a, b, len);",
            "+\tmemcpy(a, b, sizeof(b));",
            "+\t/* added */",
            " \ttask_unlock(current);",
            " ",
            " \treturn 0;"));

        var file = patch.Files.ShouldHaveSingleItem();
        file.Kind.ShouldBe(FileChangeKind.Modified);
        file.IsGitStyle.ShouldBeTrue();
        file.OldPath.ShouldBe("kernel/sys.c");
        file.NewPath.ShouldBe("kernel/sys.c");
        file.SourcePath.ShouldBe("kernel/sys.c");
        file.RawOldPath.ShouldBe("a/kernel/sys.c");
        file.StripLevel.ShouldBe(1);
        file.HeaderLine.ShouldBe(1);
        file.NewMode.ShouldBeNull();

        var hunk = file.Hunks.ShouldHaveSingleItem();
        (hunk.Number, hunk.OldStart, hunk.OldCount, hunk.NewStart, hunk.NewCount).ShouldBe((1, 2142, 7, 2142, 8));
        hunk.SectionHeading.ShouldBe("static int prctl_set_auxv(struct mm_stru");
        hunk.PatchLine.ShouldBe(5);
        (hunk.LeadingContext, hunk.TrailingContext).ShouldBe((3, 3));
        hunk.Lines.Select(l => l.Kind).ShouldBe([
            HunkLineKind.Context, HunkLineKind.Context, HunkLineKind.Context, HunkLineKind.Removed,
            HunkLineKind.Added, HunkLineKind.Added, HunkLineKind.Context, HunkLineKind.Context, HunkLineKind.Context]);
        hunk.Lines[1].Text.ShouldBe("");
        hunk.Lines[3].ShouldBe(new HunkLine(HunkLineKind.Removed, "\tmemcpy(a, b, len);", 9));
        hunk.OldLines.Count().ShouldBe(7);
        hunk.NewLines.Count().ShouldBe(8);
    }

    [Fact]
    public void Plain_diff_u_with_tab_timestamps_keeps_bare_names()
    {
        var patch = Read(Lines(
            "--- lib/string.c.orig\t2024-05-01 10:00:00.000000000 +0200",
            "+++ lib/string.c\t2024-05-01 10:01:00.000000000 +0200",
            "@@ -1,2 +1,2 @@",
            "-a",
            "+b",
            " c"));
        var file = patch.Files.ShouldHaveSingleItem();
        file.IsGitStyle.ShouldBeFalse();
        file.StripLevel.ShouldBe(0);
        file.OldPath.ShouldBe("lib/string.c.orig");
        file.NewPath.ShouldBe("lib/string.c");
        file.Kind.ShouldBe(FileChangeKind.Modified);
    }

    [Fact]
    public void Plain_diff_u_p_with_a_b_prefixes_strips_one_and_reads_space_separated_timestamps()
    {
        var patch = Read(Lines(
            "diff -u -p a/x.c b/x.c",
            "--- a/x.c 2024-05-01 10:00:00.123456789 +0000",
            "+++ b/x.c 2024-05-01 10:01:00.123456789 +0000",
            "@@ -3 +3 @@ int f(void)",
            "-a",
            "+b"));
        var file = patch.Files.ShouldHaveSingleItem();
        file.StripLevel.ShouldBe(1);
        file.OldPath.ShouldBe("x.c");
        file.HeaderLine.ShouldBe(2);
        var hunk = file.Hunks.ShouldHaveSingleItem();
        (hunk.OldStart, hunk.OldCount, hunk.NewStart, hunk.NewCount).ShouldBe((3, 1, 3, 1)); // omitted counts mean 1
        hunk.SectionHeading.ShouldBe("int f(void)");
    }

    [Fact]
    public void Mail_preamble_several_files_and_signature_are_handled()
    {
        var patch = Read(Lines(
            "From 0123456789abcdef Mon Sep 17 00:00:00 2001",
            "From: A Developer <dev@example.org>",
            "Subject: [PATCH] fix things",
            "",
            "Some explanation with a line that starts like a hunk:",
            "+++ not a header, no --- before it",
            "---",
            " kernel/a.c | 2 +-",
            " kernel/b.c | 1 +",
            " 2 files changed",
            "",
            "diff --git a/kernel/a.c b/kernel/a.c",
            "index 1..2 100644",
            "--- a/kernel/a.c",
            "+++ b/kernel/a.c",
            "@@ -1,3 +1,3 @@",
            " one",
            "-two",
            "+TWO",
            " three",
            "@@ -10,2 +10,2 @@ f()",
            "-ten",
            "+TEN",
            " eleven",
            "diff --git a/kernel/b.c b/kernel/b.c",
            "--- a/kernel/b.c",
            "+++ b/kernel/b.c",
            "@@ -5,0 +6 @@",
            "+new",
            "-- ",
            "2.39.2",
            ""));
        patch.Files.Select(f => f.NewPath).ShouldBe(["kernel/a.c", "kernel/b.c"]);
        patch.Files[0].Hunks.Select(h => (h.OldStart, h.PatchLine)).ShouldBe([(1, 16), (10, 21)]);
        var insertion = patch.Files[1].Hunks.ShouldHaveSingleItem();
        (insertion.OldStart, insertion.OldCount, insertion.NewStart, insertion.NewCount).ShouldBe((5, 0, 6, 1));
        insertion.OldFirstLine.ShouldBe(6);
        patch.FindFile("kernel/b.c").ShouldBeSameAs(patch.Files[1]);
    }

    [Fact]
    public void Signature_separator_without_its_space_ends_the_patch()
    {
        var patch = Read("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n--\n2.39.2\n");
        patch.Files.ShouldHaveSingleItem().Hunks.ShouldHaveSingleItem().Lines.Count.ShouldBe(2);
    }

    [Fact]
    public void Plain_diff_r_output_with_lines_between_files()
    {
        var patch = Read(Lines(
            "Only in b: extra.c",
            "diff -u -r a/x.c b/x.c",
            "--- a/x.c\t2024-01-01 00:00:00",
            "+++ b/x.c\t2024-01-01 00:00:00",
            "@@ -1 +1 @@",
            "-x",
            "+X",
            "diff -u -r a/y.c b/y.c",
            "--- a/y.c\t2024-01-01 00:00:00",
            "+++ b/y.c\t2024-01-01 00:00:00",
            "@@ -1 +1 @@",
            "-y",
            "+Y"));
        patch.Files.Select(f => f.OldPath).ShouldBe(["x.c", "y.c"]);
    }

    [Fact]
    public void Git_new_and_deleted_files()
    {
        var patch = Read(Lines(
            "diff --git a/new.c b/new.c",
            "new file mode 100644",
            "index 0000000..1234567",
            "--- /dev/null",
            "+++ b/new.c",
            "@@ -0,0 +1,2 @@",
            "+int x;",
            "+int y;",
            "diff --git a/old.c b/old.c",
            "deleted file mode 100644",
            "index 1234567..0000000",
            "--- a/old.c",
            "+++ /dev/null",
            "@@ -1 +0,0 @@",
            "-int z;",
            "diff --git a/empty.h b/empty.h",
            "new file mode 100644",
            "index 0000000..e69de29"));
        patch.Files.Count.ShouldBe(3);
        var added = patch.Files[0];
        (added.Kind, added.OldPath, added.NewPath, added.RawOldPath, added.NewMode, added.SourcePath)
            .ShouldBe((FileChangeKind.Added, (string?)null, (string?)"new.c", (string?)"/dev/null", (string?)"100644", (string?)null));
        var deleted = patch.Files[1];
        (deleted.Kind, deleted.OldPath, deleted.NewPath, deleted.OldMode).ShouldBe((FileChangeKind.Deleted, (string?)"old.c", (string?)null, (string?)"100644"));
        deleted.DisplayPath.ShouldBe("old.c");
        var empty = patch.Files[2];
        (empty.Kind, empty.NewPath, empty.Hunks.Count).ShouldBe((FileChangeKind.Added, (string?)"empty.h", 0));
    }

    [Fact]
    public void Plain_dev_null_and_diff_N_epoch_dates_mark_new_and_deleted_files()
    {
        var patch = Read(Lines(
            "--- /dev/null",
            "+++ b/n1.c",
            "@@ -0,0 +1 @@",
            "+a",
            "--- a/n2.c\t1970-01-01 00:00:00.000000000 +0000",
            "+++ b/n2.c\t2024-01-01 12:00:00.000000000 +0000",
            "@@ -0,0 +1 @@",
            "+b",
            "--- a/d.c\t2024-01-01 12:00:00.000000000 +0100",
            "+++ b/d.c\t1969-12-31 16:00:00.000000000 -0800",
            "@@ -1 +0,0 @@",
            "-c"));
        patch.Files.Select(f => (f.Kind, f.OldPath, f.NewPath)).ShouldBe([
            (FileChangeKind.Added, null, "n1.c"),
            (FileChangeKind.Added, null, "n2.c"),
            (FileChangeKind.Deleted, "d.c", null)]);
    }

    [Fact]
    public void Git_renames_copies_and_mode_changes()
    {
        var patch = Read(Lines(
            "diff --git a/drivers/old name.c b/drivers/new name.c",
            "similarity index 100%",
            "rename from drivers/old name.c",
            "rename to drivers/new name.c",
            "diff --git a/x.c b/y.c",
            "similarity index 90%",
            "rename from x.c",
            "rename to y.c",
            "index 1..2 100644",
            "--- a/x.c",
            "+++ b/y.c",
            "@@ -1 +1 @@",
            "-x",
            "+y",
            "diff --git a/c1.c b/c2.c",
            "similarity index 80%",
            "copy from c1.c",
            "copy to c2.c",
            "diff --git a/run.sh b/run.sh",
            "old mode 100644",
            "new mode 100755"));
        patch.Files.Select(f => (f.Kind, f.OldPath, f.NewPath, f.SimilarityIndex, f.Hunks.Count)).ShouldBe([
            (FileChangeKind.Renamed, "drivers/old name.c", "drivers/new name.c", 100, 0),
            (FileChangeKind.Renamed, "x.c", "y.c", 90, 1),
            (FileChangeKind.Copied, "c1.c", "c2.c", 80, 0),
            (FileChangeKind.Modified, "run.sh", "run.sh", null, 0)]);
        patch.Files[0].StripLevel.ShouldBe(1);
        (patch.Files[3].OldMode, patch.Files[3].NewMode).ShouldBe(("100644", "100755"));
    }

    [Fact]
    public void Git_quoted_names_and_no_prefix_diffs()
    {
        var patch = Read(Lines(
            "diff --git \"a/tab\\there.c\" \"b/tab\\there.c\"",
            "--- \"a/tab\\there.c\"",
            "+++ \"b/tab\\there.c\"",
            "@@ -1 +1 @@",
            "-a",
            "+b",
            "diff --git \"a/caf\\303\\251.c\" \"b/caf\\303\\251.c\"",
            "deleted file mode 100644",
            "diff --git lib/x.c lib/x.c",
            "--- lib/x.c",
            "+++ lib/x.c",
            "@@ -1 +1 @@",
            "-a",
            "+b"));
        patch.Files[0].OldPath.ShouldBe("tab\there.c");
        (patch.Files[1].Kind, patch.Files[1].OldPath).ShouldBe((FileChangeKind.Deleted, (string?)"café.c"));
        (patch.Files[2].StripLevel, patch.Files[2].OldPath).ShouldBe((0, (string?)"lib/x.c"));
    }

    [Fact]
    public void Explicit_strip_levels_like_patch_p()
    {
        const string text = "--- a/b//c/d.c\n+++ a/b//c/d.c\n@@ -1 +1 @@\n-x\n+y\n";
        Read(text, strip: 0).Files[0].OldPath.ShouldBe("a/b//c/d.c");
        Read(text, strip: 2).Files[0].OldPath.ShouldBe("c/d.c"); // a run of slashes is one separator
        Read(text, strip: 3).Files[0].OldPath.ShouldBe("d.c");
        PatchPath.Strip("/abs/x.c", 1).ShouldBe("abs/x.c");

        var tooDeep = PatchReader.Read(text, "t.patch", new PatchReadOptions { StripLevel = 4 });
        tooDeep.Patch.ShouldBeNull();
        tooDeep.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("t.patch:1: error: cannot strip 4 leading components from 'a/b//c/d.c'");
    }

    [Fact]
    public void No_newline_markers_after_removed_added_and_context_lines()
    {
        var patch = Read(Lines(
            "--- a/f",
            "+++ b/f",
            "@@ -1,2 +1,2 @@",
            " a",
            "-b",
            "\\ No newline at end of file",
            "+B",
            "\\ No newline at end of file",
            "--- a/g",
            "+++ b/g",
            "@@ -1,2 +1,2 @@",
            "-a",
            "+A",
            " b",
            "\\ Kein Zeilenumbruch am Dateiende."));
        var f = patch.Files[0].Hunks[0].Lines;
        f.Select(l => (l.Kind, l.Text, l.NoNewlineAtEnd)).ShouldBe([
            (HunkLineKind.Context, "a", false), (HunkLineKind.Removed, "b", true), (HunkLineKind.Added, "B", true)]);
        patch.Files[1].Hunks[0].Lines[^1].ShouldBe(new HunkLine(HunkLineKind.Context, "b", 14, NoNewlineAtEnd: true));
    }

    [Fact]
    public void Crlf_patch_reads_like_lf_and_crlf_content_in_lf_patch_is_noticed()
    {
        var crlf = Read("--- a/f\r\n+++ b/f\r\n@@ -1,2 +1,2 @@\r\n a\r\n-b\r\n+B\r\n--- /dev/null\r\n+++ b/g\r\n@@ -0,0 +1 @@\r\n+x\r\n");
        crlf.Files[0].Hunks[0].Lines.Select(l => l.Text).ShouldBe(["a", "b", "B"]);
        crlf.Files[1].NewFileLineEnding.ShouldBe("\n"); // the CRs belong to the patch's transport, as for GNU patch

        var mixed = Read("diff --git a/g b/g\nnew file mode 100644\n--- /dev/null\n+++ b/g\n@@ -0,0 +1,2 @@\n+x\r\n+y\r\n");
        mixed.Files[0].NewFileLineEnding.ShouldBe("\r\n"); // a CRLF file diffed by git
        mixed.Files[0].Hunks[0].Lines.Select(l => l.Text).ShouldBe(["x", "y"]);
    }

    [Fact]
    public void Blank_line_inside_a_hunk_is_an_empty_context_line()
    {
        var patch = Read("--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n\n-b\n+B\n");
        patch.Files[0].Hunks[0].Lines.Select(l => (l.Kind, l.Text)).ShouldBe([
            (HunkLineKind.Context, "a"), (HunkLineKind.Context, ""), (HunkLineKind.Removed, "b"), (HunkLineKind.Added, "B")]);
    }

    [Fact]
    public void Binary_changes_are_reported_as_unsupported_and_the_rest_is_read()
    {
        var result = PatchReader.Read(Lines(
            "diff --git a/fw.bin b/fw.bin",
            "index 1..2 100644",
            "Binary files a/fw.bin and b/fw.bin differ",
            "diff --git a/logo.png b/logo.png",
            "index 3..4 100644",
            "GIT binary patch",
            "literal 5",
            "McmZ?wbhEHb",
            "",
            "literal 0",
            "HcmV?d00001",
            "",
            "diff --git a/x.c b/x.c",
            "--- a/x.c",
            "+++ b/x.c",
            "@@ -1 +1 @@",
            "-x",
            "+y"), "bin.patch");
        result.Succeeded.ShouldBeFalse();
        result.Patch.ShouldNotBeNull();
        result.Patch.Files.Select(f => (f.DisplayPath, f.IsBinary)).ShouldBe([("fw.bin", true), ("logo.png", true), ("x.c", false)]);
        result.Diagnostics.Select(d => d.ToString()).ShouldBe([
            "bin.patch:1: error: binary patch for 'fw.bin' is not supported",
            "bin.patch:4: error: binary patch for 'logo.png' is not supported"]);
    }

    [Fact]
    public void Binary_files_line_of_plain_diff_r_is_reported_too()
    {
        var result = PatchReader.Read("Binary files a/fw.bin and b/fw.bin differ\n--- a/x.c\n+++ b/x.c\n@@ -1 +1 @@\n-x\n+y\n", "r.patch");
        result.Patch!.Files.ShouldHaveSingleItem().OldPath.ShouldBe("x.c");
        result.Diagnostics.ShouldHaveSingleItem().ToString().ShouldBe("r.patch:1: error: binary change is not supported (Binary files a/fw.bin and b/fw.bin differ)");
    }

    [Fact]
    public void Diagnostic_formats_like_a_compiler_message()
    {
        PatchDiagnostic.Error("fix.patch", 12, "malformed hunk header").ToString().ShouldBe("fix.patch:12: error: malformed hunk header");
        PatchDiagnostic.Warning("fix.patch", 0, "w").ToString().ShouldBe("fix.patch: warning: w");
        PatchDiagnostic.Note("fix.patch", 3, "n").ToString().ShouldBe("fix.patch:3: note: n");
    }
}
