using KlpCcp.Diff;

namespace KlpCcp.Tests.Diff;

/// <summary>Each kind of malformed patch: an error value with the patch line, never an exception.</summary>
public class PatchReaderErrorTests
{
    private static string Error(string text)
    {
        var result = PatchReader.Read(text, "fix.patch");
        result.Patch.ShouldBeNull();
        result.Succeeded.ShouldBeFalse();
        return result.Diagnostics.ShouldHaveSingleItem().ToString();
    }

    private const string Header = "--- a/f\n+++ b/f\n";

    [Fact]
    public void Malformed_hunk_header() =>
        Error(Header + "@@ -1,x +1 @@\n-a\n").ShouldBe(
            "fix.patch:3: error: malformed hunk header (expected '@@ -LINE[,COUNT] +LINE[,COUNT] @@')");

    [Fact]
    public void Hunk_header_with_a_number_too_large() =>
        Error(Header + "@@ -99999999999 +1 @@\n-a\n+b\n").ShouldStartWith("fix.patch:3: error: malformed hunk header");

    [Fact]
    public void Non_empty_range_at_line_zero() =>
        Error(Header + "@@ -0,1 +1 @@\n-a\n+b\n").ShouldBe(
            "fix.patch:3: error: malformed hunk header: a non-empty range cannot start at line 0");

    [Fact]
    public void Hunk_before_any_file_header() =>
        Error("Subject: x\n\n@@ -1 +1 @@\n-a\n+b\n").ShouldBe(
            "fix.patch:3: error: hunk without a file header (no 'diff --git' or '---'/'+++' lines before it)");

    [Fact]
    public void Hunk_after_trailing_text_has_no_file() =>
        Error(Header + "@@ -1 +1 @@\n-a\n+b\nsome text\n@@ -5 +5 @@\n-c\n+d\n").ShouldStartWith("fix.patch:7: error: hunk without a file header");

    [Fact]
    public void More_lines_than_the_counts_say() =>
        Error(Header + "@@ -1,2 +1,2 @@\n a\n-b\n+B\n+extra\n").ShouldBe(
            "fix.patch:7: error: line counts do not match the hunk header at line 3 (@@ -1,2 +1,2 @@): the hunk goes on past the lines it announces");

    [Fact]
    public void More_removed_lines_than_the_count_inside_the_hunk() =>
        Error(Header + "@@ -1,1 +1,2 @@\n-a\n-b\n+B\n").ShouldBe(
            "fix.patch:5: error: line counts do not match the hunk header at line 3 (@@ -1,1 +1,2 @@): one more removed line than it announces");

    [Fact]
    public void Fewer_lines_than_the_counts_say_before_the_next_file() =>
        Error(Header + "@@ -1,3 +1,3 @@\n a\n-b\n+B\ndiff --git a/g b/g\n").ShouldBe(
            "fix.patch:7: error: line counts do not match the hunk header at line 3 (@@ -1,3 +1,3 @@): 1 old and 1 new lines missing");

    [Fact]
    public void Patch_ends_inside_a_hunk() =>
        Error(Header + "@@ -1,3 +1,3 @@\n a\n-b\n+B\n").ShouldBe(
            "fix.patch:6: error: the patch ends inside the hunk at line 3 (@@ -1,3 +1,3 @@): 1 old and 1 new lines missing");

    [Fact]
    public void Garbage_inside_a_hunk() =>
        Error(Header + "@@ -1,3 +1,3 @@\n a\n*b\n").ShouldBe(
            "fix.patch:5: error: malformed hunk: unexpected line inside the hunk at line 3 (@@ -1,3 +1,3 @@; 2 old and 2 new lines still to come)");

    [Fact]
    public void File_header_without_a_hunk() =>
        Error("--- a/f\n+++ b/f\nnot a hunk\n").ShouldBe("fix.patch:3: error: file header for 'b/f' is not followed by a hunk");

    [Fact]
    public void Misordered_hunks() =>
        Error(Header + "@@ -10 +10 @@\n-a\n+b\n@@ -5 +5 @@\n-c\n+d\n").ShouldBe(
            "fix.patch:6: error: hunk @@ -5,1 +5,1 @@ starts before the end of the previous hunk (misordered or overlapping hunks)");

    [Fact]
    public void No_newline_marker_first_in_a_hunk() =>
        Error(Header + "@@ -1 +1 @@\n\\ No newline at end of file\n-a\n+b\n").ShouldBe(
            "fix.patch:4: error: '\\ No newline at end of file' before any line of the hunk");

    [Fact]
    public void Line_after_a_no_newline_marker_on_the_same_side() =>
        Error(Header + "@@ -1,2 +1,2 @@\n a\n\\ No newline at end of file\n-b\n+c\n").ShouldBe(
            "fix.patch:6: error: line after '\\ No newline at end of file' in the hunk at line 3");

    [Fact]
    public void Combined_diff_is_refused() =>
        Error("diff --cc f\n--- a/f\n+++ b/f\n@@@ -1,1 -1,1 +1,1 @@@\n").ShouldBe(
            "fix.patch:4: error: combined diffs (@@@ hunks of a merge) are not supported");

    [Fact]
    public void File_header_without_a_name() =>
        Error("--- \t2024-01-01\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n").ShouldBe("fix.patch:1: error: malformed file header: no file name after '---'");

    [Fact]
    public void New_file_whose_hunk_has_old_lines() =>
        Error("--- /dev/null\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n").ShouldBe("fix.patch:3: error: hunk @@ -1,1 +1,1 @@ of the new file 'f' has old lines");

    [Fact]
    public void Git_header_whose_names_cannot_be_told() =>
        Error("diff --git x y z w\nold mode 100644\nnew mode 100755\n").ShouldBe(
            "fix.patch:1: error: cannot tell the file names in 'diff --git x y z w'");

    [Fact]
    public void Text_without_any_diff() =>
        Error("just a mail\nwith no diff\n").ShouldBe("fix.patch: error: no file changes found (not a unified diff?)");

    [Fact]
    public void Unreadable_patch_file()
    {
        var result = PatchReader.ReadFile("/nonexistent/fix.patch");
        result.Patch.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().ToString().ShouldStartWith("/nonexistent/fix.patch: error: cannot read the patch: ");
    }

    [Fact]
    public void Crlf_malformed_patch_reports_the_same_line() =>
        Error("--- a/f\r\n+++ b/f\r\n@@ -1,2 +1,2 @@\r\n a\r\n+b\r\n+c\r\n").ShouldStartWith(
            "fix.patch:6: error: line counts do not match the hunk header at line 3");
}
