namespace KlpCcp.Tests.Syntax;

public class SmokeSyntaxTests
{
    [Fact]
    public void Simple_function()
    {
        var r = SyntaxHarness.Clean("int f(int a) { return a + 1; }");
        r.Tree.ShouldBe("(TranslationUnit (FunctionDefinition (Specs int) (Function f (Parameter (Specs int) a)) (Compound (Return (Binary + a 1)))))");
    }
}
