using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Syntax;

/// <summary>No input crashes or hangs the parser; deep nesting is bounded with "nesting too deep".</summary>
public class NestingAndRobustnessTests
{
    private const int Huge = 100_000;

    private static string Rep(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    public static TheoryData<string, string> DeepInputs() => new()
    {
        { "parentheses", "int x = " + Rep("(", Huge) + "1" + Rep(")", Huge) + ";" },
        { "braces", "void f(void) " + Rep("{", Huge) + Rep("}", Huge) },
        { "pointer stars", "int " + Rep("*", Huge) + "p;" },
        { "casts", "int x = " + Rep("(int)", Huge) + "1;" },
        { "unary operators", "int x = " + Rep("- ! ~ ", Huge / 3) + "1;" },
        { "initializer braces", "int x = " + Rep("{", Huge) + "1" + Rep("}", Huge) + ";" },
        { "assignments", "int a; void f(void) { " + Rep("a = ", Huge) + "1; }" },
        { "conditionals", "int a; int x = " + Rep("a ? 1 : ", Huge) + "1;" },
        { "nested ifs", "void f(int a) { " + Rep("if (a) ", Huge) + "; }" },
        { "parenthesized declarators", "int " + Rep("(", Huge) + "p" + Rep(")", Huge) + ";" },
        { "calls", "int f(int); int x = " + Rep("f(", Huge) + "1" + Rep(")", Huge) + ";" },
        { "statement expressions", "int x = " + Rep("({", Huge) + "1;" + Rep("})", Huge) + ";" },
        { "struct bodies", Rep("struct s { ", Huge) + "int a;" + Rep(" } m;", Huge) },
    };

    [Theory]
    [MemberData(nameof(DeepInputs))]
    public void Deep_nesting_is_reported_not_overflowed(string what, string source)
    {
        _ = what;
        var r = SyntaxHarness.Parse(source);
        r.Errors.ShouldBe(["nesting too deep"]);
    }

    [Theory]
    [InlineData("int x = {0} 1 {1};")]
    [InlineData("void f(void) {0}{1}")]
    [InlineData("int x = {0}1{1};", "(int)", "")]
    [InlineData("int {0}p;", "*", "")]
    [InlineData("int x = {0}1{1};", "{", "}")]
    public void Nesting_below_the_bound_parses(string template, string open = "(", string close = ")")
    {
        if (template.StartsWith("void", StringComparison.Ordinal)) (open, close) = ("{", "}");
        var src = template.Replace("{0}", Rep(open, 900)).Replace("{1}", Rep(close, 900));
        SyntaxHarness.Clean(src).Root.Declarations.Length.ShouldBe(1);
    }

    [Fact]
    public void Nesting_bound_is_configurable()
    {
        var r = SyntaxHarness.Parse("int x = " + Rep("(", 20) + "1" + Rep(")", 20) + ";", new ParserOptions { MaxNestingDepth = 10 });
        r.Errors.ShouldBe(["nesting too deep"]);
    }

    [Fact]
    public void Long_operator_chains_are_fine_and_walk_iteratively()
    {
        var r = SyntaxHarness.Clean("int a; int x = a" + Rep(" + a", Huge) + ";");
        r.Root.DescendantsAndSelf().Count(n => n.Kind == SyntaxKind.BinaryExpression).ShouldBe(Huge);
        var counter = new CountingWalker();
        counter.Walk(r.Root);
        counter.Entered.ShouldBe(counter.Left);
        counter.Entered.ShouldBeGreaterThan(2 * Huge);
        SyntaxPrinter.Print(r.Root, r.Unit).Length.ShouldBeGreaterThan(4 * Huge);
    }

    private sealed class CountingWalker : SyntaxWalker
    {
        public int Entered, Left;
        protected override bool Enter(SyntaxNode node) { Entered++; return true; }
        protected override void Leave(SyntaxNode node) => Left++;
    }

    [Fact]
    public void Random_token_soup_never_crashes_or_hangs()
    {
        string[] pieces =
        [
            "int", "x", "T", "typedef", "struct", "{", "}", "(", ")", "[", "]", ";", ",", "*", "=", "+", "?", ":", "...", ".", "->",
            "__attribute__", "((", "))", "asm", "volatile", "goto", "if", "else", "case", "default", "switch", "for", "while", "do",
            "return", "1", "\"s\"", "'c'", "sizeof", "_Generic", "__builtin_offsetof", "__builtin_va_arg", "typeof", "enum", "union",
            "&&", "__extension__", "__label__", "_Static_assert", "_Atomic", "_Alignas", "const", "static", "&", "!", "{ }", "( )",
        ];
        var rng = new Random(12345);
        for (int round = 0; round < 300; round++)
        {
            var sb = new System.Text.StringBuilder("typedef int T; ");
            int n = rng.Next(1, 200);
            for (int i = 0; i < n; i++) sb.Append(pieces[rng.Next(pieces.Length)]).Append(' ');
            var r = SyntaxHarness.Parse(sb.ToString());
            r.Root.ShouldNotBeNull();
            SyntaxInvariants.Check(r.Root, r.Unit, !r.HasErrors).ShouldBeNull(sb.ToString());
        }
    }

    [Fact]
    public void Every_prefix_of_a_valid_unit_parses_without_crashing()
    {
        const string src = """
            typedef struct node { struct node *next; int v[4]; } node_t;
            static int sum(node_t *n) { int s = 0; for (; n; n = n->next) { s += n->v[0] ?: 1; } return s; }
            int (*tab[2])(node_t *) = { [0] = sum, [1] = 0 };
            void g(int x) { switch (x) { case 1 ... 2: ({ int y = x; y; }); break; default: asm volatile("" ::: "memory"); } }
            """;
        var full = SyntaxHarness.Clean(src);
        int count = full.Unit.Count;
        var words = src.Split(' ');
        for (int cut = 1; cut < words.Length; cut++)
        {
            var prefix = string.Join(' ', words.Take(cut));
            var r = SyntaxHarness.Parse(prefix);
            r.Root.ShouldNotBeNull();
            SyntaxInvariants.Check(r.Root, r.Unit, !r.HasErrors).ShouldBeNull(prefix);
        }
        count.ShouldBeGreaterThan(100);
    }
}
