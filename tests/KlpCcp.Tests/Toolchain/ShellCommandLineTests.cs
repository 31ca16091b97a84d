using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Toolchain;

public class ShellCommandLineTests
{
    private static List<string> Split(string text, out DiagnosticBag diags)
    {
        diags = new DiagnosticBag();
        return ShellCommandLine.SplitWords(text, diags);
    }

    [Theory]
    [InlineData("gcc -c  x.c", new[] { "gcc", "-c", "x.c" })]
    [InlineData("  a\tb\nc  ", new[] { "a", "b", "c" })]
    [InlineData("-DKBUILD_MODNAME='\"sys\"'", new[] { "-DKBUILD_MODNAME=\"sys\"" })]
    [InlineData("-D'n(x)=x'", new[] { "-Dn(x)=x" })]
    [InlineData("\"a b\" 'c d'", new[] { "a b", "c d" })]
    [InlineData("a\\ b", new[] { "a b" })]
    [InlineData("\"x\\\"y\\\\z\\n\"", new[] { "x\"y\\z\\n" })]
    [InlineData("'a\\b'", new[] { "a\\b" })]
    [InlineData("'' \"\"", new[] { "", "" })]
    [InlineData("a''b", new[] { "ab" })]
    [InlineData("a\\\nb", new[] { "ab" })]
    [InlineData("a # comment\nb", new[] { "a", "b" })]
    [InlineData("a#b", new[] { "a#b" })]
    [InlineData("-DX=\"a'b\"", new[] { "-DX=a'b" })]
    public void SplitsLikeSh(string text, string[] expected)
    {
        Split(text, out var diags).ShouldBe(expected);
        diags.Count.ShouldBe(0);
    }

    [Fact]
    public void UnterminatedQuoteIsAnError()
    {
        Split("gcc 'abc", out var diags);
        diags.HasErrors.ShouldBeTrue();
        diags.Items[0].Message.ShouldBe("unterminated single quote in command line");
        Split("gcc \"abc", out diags);
        diags.Items[0].Message.ShouldBe("unterminated double quote in command line");
    }

    [Fact]
    public void ExpansionIsNotPerformedButWarned()
    {
        Split("gcc $CFLAGS x.c", out var diags).ShouldBe(["gcc", "$CFLAGS", "x.c"]);
        diags.HasErrors.ShouldBeFalse();
        diags.Items.Single().Message.ShouldBe("shell syntax '$' in command line is not interpreted");
    }

    [Fact]
    public void CompilerCommandDropsTheProgramName()
    {
        var diags = new DiagnosticBag();
        ShellCommandLine.SplitCompilerCommand("gcc -O2 -c x.c", diags).ShouldBe(["-O2", "-c", "x.c"]);
        ShellCommandLine.SplitCompilerCommand("   ", diags).ShouldBeEmpty();
        diags.Items.Single().Message.ShouldBe("missing compiler invocation");
    }
}
