using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Syntax;

/// <summary>Messages and locations as gcc 12 reports them (checked against gcc -fsyntax-only), and recovery.</summary>
public class SyntaxDiagnosticTests
{
    [Theory]
    [InlineData("int f(void) { int x = 1 return x; }", "main.c:1:25: error: expected ',' or ';' before 'return'")]
    [InlineData("int f(void) { return (1 + ); }", "main.c:1:27: error: expected expression before ')' token")]
    [InlineData("int f(void) { return f(1 ; }", "main.c:1:25: error: expected ')' before ';' token")]
    [InlineData("int { x; };", "main.c:1:5: error: expected identifier or '(' before '{' token")]
    [InlineData("int x y;", "main.c:1:7: error: expected '=', ',', ';', 'asm' or '__attribute__' before 'y'")]
    [InlineData("foo bar;", "main.c:1:1: error: unknown type name 'foo'")]
    [InlineData("void f(void) { foo *p; }", "main.c:1:16: error: unknown type name 'foo'")]
    [InlineData("void f(foo x);", "main.c:1:8: error: unknown type name 'foo'")]
    [InlineData("int f(void) { if (1 { } return 0; }", "main.c:1:20: error: expected ')' before '{' token")]
    [InlineData("int f(void) { int a[3 = {0}; return 0; }", "main.c:1:25: error: expected expression before '{' token")]
    [InlineData("struct s { int a b; };", "main.c:1:18: error: expected ':', ',', ';', '}' or '__attribute__' before 'b'")]
    [InlineData("int a = ;", "main.c:1:9: error: expected expression before ';' token")]
    [InlineData("int f(void) { return 1 }", "main.c:1:23: error: expected ';' before '}' token")]
    [InlineData("int f(void) { return 1\n}", "main.c:1:23: error: expected ';' before '}' token")]
    [InlineData("int f(void) {\n  f(1\n  ;\n}", "main.c:2:6: error: expected ')' before ';' token")]
    [InlineData("#define X 1\nint f(void) { return X }", "main.c:2:24: error: expected ';' before '}' token")]
    [InlineData("#define X 1 }\nint f(void) { return X", "main.c:1:13: error: expected ';' before '}' token (in expansion of macro 'X' at main.c:2:22)")]
    [InlineData("int x = 1 int y = 2;", "main.c:1:11: error: expected ',' or ';' before 'int'")]
    [InlineData("void f(void) { for (int i = 0; i < 3 i++) ; }", "main.c:1:37: error: expected ';' before 'i'")]
    [InlineData("void f(void) { do ; while (1) }", "main.c:1:30: error: expected ';' before '}' token")]
    [InlineData("int f(int a, ) { return 0; }", "main.c:1:14: error: expected declaration specifiers or '...' before ')' token")]
    [InlineData("enum { A, B C };", "main.c:1:13: error: expected ',' or '}' before 'C'")]
    [InlineData("int f(void) { return sizeof(); }", "main.c:1:29: error: expected expression before ')' token")]
    [InlineData("typedef int T; int f(void) { return T; }", "main.c:1:37: error: expected expression before 'T'")]
    [InlineData("int f(void) { goto ; }", "main.c:1:20: error: expected identifier or '*' before ';' token")]
    [InlineData("void f(void) { int x = { 1, 2 ; }", "main.c:1:31: error: expected '}' before ';' token")]
    [InlineData("struct { int a; } s = { .b 1 };", "main.c:1:28: error: expected '=' before numeric constant")]
    [InlineData("int f(void) { (int) ; }", "main.c:1:21: error: expected expression before ';' token")]
    [InlineData("int f(void) { return (1 ; }", "main.c:1:24: error: expected ')' before ';' token")]
    [InlineData("int f(void) { int a[3 ; }", "main.c:1:22: error: expected ']' before ';' token")]
    [InlineData("struct s { int a; } int x;", "main.c:1:21: error: expected ';', identifier or '(' before 'int'")]
    [InlineData("int f(void) { switch (1) { case 1 return; } }", "main.c:1:35: error: expected ':' or '...' before 'return'")]
    [InlineData("int f(void) { f(1) f(2); }", "main.c:1:19: error: expected ';' before 'f'")]
    [InlineData("int f(void) { return 0;", "main.c:1:23: error: expected declaration or statement at end of input")]
    [InlineData("int f(void) { return 'a' 1; }", "main.c:1:25: error: expected ';' before numeric constant")]
    [InlineData("int f(void) { return 1 \"s\"; }", "main.c:1:23: error: expected ';' before string constant")]
    public void First_error_matches_gcc(string source, string expected)
    {
        var r = SyntaxHarness.Parse(source);
        r.HasErrors.ShouldBeTrue();
        r.Full[0].ShouldBe(expected);
    }

    [Fact]
    public void Recovery_resumes_at_the_next_statement()
    {
        var r = SyntaxHarness.Parse("int f(int a) { a = 1 +; a = 2; return a }\nint g(void) { return 3; }");
        r.Errors.ShouldBe(["expected expression before ';' token", "expected ';' before '}' token"]);
        r.Body(0).ShouldBe(["(Expression (Assignment = a (Binary + 1 (error))))", "(Expression (Assignment = a 2))", "(Return a)"]);
        r.Decl(1).ShouldBe("(FunctionDefinition (Specs int) (Function g (Parameter (Specs void))) (Compound (Return 3)))");
    }

    [Fact]
    public void Recovery_skips_a_broken_external_declaration()
    {
        var r = SyntaxHarness.Parse("int x y z; int ok1; } int ok2;");
        r.Errors.ShouldBe(["expected '=', ',', ';', 'asm' or '__attribute__' before 'y'", "expected identifier or '(' before '}' token"]);
        r.Root.Declarations.Select(r.Print).ShouldBe([
            "(Declaration (Specs int) (Init x))",
            "(Declaration (Specs int) (Init ok1))",
            "(Declaration (Specs int) (Init ok2))",
        ]);
    }

    [Fact]
    public void Recovery_skips_a_nested_block_as_a_whole()
    {
        var r = SyntaxHarness.Parse("void f(void) { int = { 1; 2; }; } int ok;");
        r.Errors.Length.ShouldBe(1);
        r.Decl(1).ShouldBe("(Declaration (Specs int) (Init ok))");
    }

    [Fact]
    public void Errors_do_not_cascade_and_are_capped()
    {
        var src = string.Concat(Enumerable.Repeat("int f@(void) { ) } ", 500));
        var r = SyntaxHarness.Parse(src);
        var errors = r.Parse.Diagnostics.Items.Count(d => d.Severity == KlpCcp.Engine.Diagnostics.Severity.Error);
        errors.ShouldBe(ParserOptions.Default.MaxErrors);
        r.Messages[^1].ShouldBe("note: too many errors (100); parsing stopped");
    }

    [Fact]
    public void Stray_characters()
    {
        // reported and dropped, as gcc's lexer does
        var r = SyntaxHarness.Parse("int x = 1 @ 2;");
        r.Full.ShouldBe(["main.c:1:11: error: stray '@' in program", "main.c:1:13: error: expected ',' or ';' before numeric constant"]);
        var r2 = SyntaxHarness.Parse("int f(void) { return @1; }");
        r2.Full.ShouldBe(["main.c:1:22: error: stray '@' in program"]);
        r2.Body(0).ShouldBe(["(Return 1)"]);
    }

    [Fact]
    public void Parse_result_reports_errors_without_throwing()
    {
        var r = SyntaxHarness.Parse("int f(void) { return (((; }");
        r.Parse.HasErrors.ShouldBeTrue();
        r.Parse.ErrorCount.ShouldBeGreaterThan(0);
        r.Root.ShouldNotBeNull();
    }
}
