using KlpCcp.Diff;

namespace KlpCcp.Tests.FromDiff;

/// <summary>Comments blanked out of C lines (for comment-only hunks).</summary>
public class CodeTextTests
{
    [Fact]
    public void Comments_are_blanked_strings_kept() =>
        CodeText.CodeLines("int a; /* x\n * y */ int b; // z\nchar *s = \"/* no */\";\n").ShouldBe(
            ["int a; ", "  int b; ", "char *s = \"/* no */\";"]);

    [Fact]
    public void Squeezed_drops_white_space() =>
        CodeText.Squeezed(["\tint  a ;", "", " b"], 1, 3).ShouldBe("inta;b");
}
