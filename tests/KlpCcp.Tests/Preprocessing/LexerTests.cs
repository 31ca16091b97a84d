namespace KlpCcp.Tests.Preprocessing;

/// <summary>Lexical rules: splices, comments, literals, digraphs, and their diagnostics.</summary>
public class LexerTests
{
    private static string Pp(string src) => PreprocessorHarness.Run(src).Output;

    [Fact]
    public void LineSplicesJoinTokens() => Pp("in\\\nt a = 1\\\n2;").ShouldBe("int a = 12;");

    [Fact]
    public void SpliceWithTrailingBlanks() => Pp("#define A 1 \\  \n + 2\nA").ShouldBe("1 + 2");

    [Fact]
    public void CommentsAreWhitespace() => Pp("a/* x */b // c\nd/**/e").ShouldBe("a b\nd e");

    [Fact]
    public void LineCommentAtEndOfFileWithoutNewline() => Pp("a // last").ShouldBe("a");

    [Fact]
    public void LineCommentContinuedBySplice() => Pp("a // one \\\n two\nb").ShouldBe("a\nb");

    [Fact]
    public void UnterminatedCommentIsAnError()
    {
        var r = PreprocessorHarness.Run("a /* never closed");
        r.Diagnostics.Single().ToString().ShouldBe("main.c:1:3: error: unterminated comment");
    }

    [Fact]
    public void UnterminatedStringIsAnError()
    {
        var r = PreprocessorHarness.Run("char *s = \"abc;\nint b;");
        r.Diagnostics.Single().ToString().ShouldBe("main.c:1:11: error: missing terminating \" character");
    }

    [Fact]
    public void LiteralPrefixes()
    {
        var r = PreprocessorHarness.Run("L'a' u\"b\" U\"c\" u8\"d\" L\"e\"");
        r.Unit.Tokens.Take(r.Unit.Count).Select(t => t.Kind.ToString()).ShouldBe(new[]
            { "WCharConst", "String16", "String32", "Utf8String", "WString" });
    }

    [Fact]
    public void Digraphs() => Pp("%:define X <: :> <% %>\nX").ShouldBe("<: :> <% %>");

    [Fact]
    public void PpNumbers() => PreprocessorHarness.Tokens(PreprocessorHarness.Run("1e+5 0x1p-3 .5f 1.2.3 08").Unit)
        .ShouldBe("1e+5 0x1p-3 .5f 1.2.3 08");

    [Fact]
    public void CarriageReturnLineEnds() => Pp("#define A 1\r\nA\rA").ShouldBe("1\n1");
}
