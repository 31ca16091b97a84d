using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Syntax;

/// <summary>Token ranges, names, pragmas and traversal: what later stages rely on.</summary>
public class SyntaxTreeApiTests
{
    [Fact]
    public void Node_ranges_cover_their_source_text()
    {
        var r = SyntaxHarness.Clean("static int f(int a) { return a * 2; } struct s { int x : 3; } v = { .x = 1 };");
        var f = (FunctionDefinition)r.Root.Declarations[0];
        r.Text(f).ShouldBe("static int f ( int a ) { return a * 2 ; }");
        r.Text(f.Specifiers).ShouldBe("static int");
        r.Text(f.Declarator).ShouldBe("f ( int a )");
        r.Text(f.Body.Items[0]).ShouldBe("return a * 2 ;");
        var d = (Declaration)r.Root.Declarations[1];
        r.Text(d).ShouldBe("struct s { int x : 3 ; } v = { . x = 1 } ;");
        r.Text(d.Specifiers.Items[0]).ShouldBe("struct s { int x : 3 ; }");
        r.Text(d.Declarators[0]).ShouldBe("v = { . x = 1 }");
        r.Text(d.Declarators[0].Initializer!).ShouldBe("{ . x = 1 }");
        SyntaxInvariants.Check(r.Root, r.Unit).ShouldBeNull();
    }

    [Fact]
    public void Identifiers_keep_name_ids_and_tokens()
    {
        var r = SyntaxHarness.Clean("int counter; void f(void) { counter++; }");
        var id = ((Declaration)r.Root.Declarations[0]).Declarators[0].Declarator.FindName()!;
        r.Name(id.Name).ShouldBe("counter");
        r.Unit.Tokens[id.Token].Text.ShouldBe(id.Name);
        var use = r.Root.DescendantsAndSelf().OfType<IdentifierExpression>().Single();
        use.Name.ShouldBe(id.Name);
        use.Token.ShouldBeGreaterThan(id.Token);
    }

    [Fact]
    public void Pragmas_are_recorded_in_order_and_skipped_by_the_grammar()
    {
        var r = SyntaxHarness.Clean("#pragma pack(push, 1)\nstruct s { char c;\n#pragma GCC diagnostic push\n int i; };\n#pragma pack(pop)\nint x = 1 +\n_Pragma(\"foo\") 2;");
        r.Root.Pragmas.Select(p => r.Name(p.Text)).ShouldBe(["pragma pack(push, 1)", "pragma GCC diagnostic push", "pragma pack(pop)", "pragma foo"]);
        r.Root.Pragmas.Select(p => r.Unit.Tokens[p.Token].Kind).ShouldAllBe(k => k == TokenKind.Directive);
        r.Root.Pragmas.Select(p => p.Token).ShouldBeInOrder();
        r.Decl(0).ShouldBe("(Declaration (Specs (Struct struct s {} (Member (Specs char) (Member c)) (Member (Specs int) (Member i)))))");
        r.Decl(1).ShouldBe("(Declaration (Specs int) (Init x (Binary + 1 2)))");
    }

    [Fact]
    public void Ident_directives_are_not_pragmas()
    {
        var r = SyntaxHarness.Clean("#ident \"v1\"\nint x;");
        r.Root.Pragmas.ShouldBeEmpty();
        r.Root.Declarations.Length.ShouldBe(1);
    }

    [Fact]
    public void Walker_visits_every_node_in_source_order()
    {
        var r = SyntaxHarness.Clean("int a; int f(int b) { return a + b; }");
        var w = new RecordingWalker();
        w.Walk(r.Root);
        w.Kinds.ShouldBe([
            SyntaxKind.TranslationUnit, SyntaxKind.Declaration, SyntaxKind.DeclarationSpecifiers, SyntaxKind.KeywordSpecifier,
            SyntaxKind.InitDeclarator, SyntaxKind.IdentifierDeclarator,
            SyntaxKind.FunctionDefinition, SyntaxKind.DeclarationSpecifiers, SyntaxKind.KeywordSpecifier, SyntaxKind.FunctionDeclarator,
            SyntaxKind.IdentifierDeclarator, SyntaxKind.ParameterDeclaration, SyntaxKind.DeclarationSpecifiers, SyntaxKind.KeywordSpecifier,
            SyntaxKind.IdentifierDeclarator, SyntaxKind.CompoundStatement, SyntaxKind.ReturnStatement, SyntaxKind.BinaryExpression,
            SyntaxKind.IdentifierExpression, SyntaxKind.IdentifierExpression,
        ]);
        r.Root.DescendantsAndSelf().Select(n => n.Kind).ShouldBe(w.Kinds);
        r.Root.Children.Count.ShouldBe(2);
    }

    private sealed class RecordingWalker : SyntaxWalker
    {
        public readonly List<SyntaxKind> Kinds = new();
        protected override bool Enter(SyntaxNode node)
        {
            Kinds.Add(node.Kind);
            return true;
        }
    }

    [Fact]
    public void Walker_can_prune_subtrees()
    {
        var r = SyntaxHarness.Clean("int f(void) { return 1 + 2; } int g(void) { return 3; }");
        var w = new PruningWalker();
        w.Walk(r.Root);
        w.Count.ShouldBe(1 + 2 + 2 * 3); // the unit, both definitions, and their specifiers, declarators and bodies
    }

    private sealed class PruningWalker : SyntaxWalker
    {
        public int Count;
        protected override bool Enter(SyntaxNode node)
        {
            Count++;
            return node.Kind is SyntaxKind.TranslationUnit or SyntaxKind.FunctionDefinition ? true : false;
        }
    }

    [Fact]
    public void Every_kind_maps_to_its_class()
    {
        var r = SyntaxHarness.Clean("""
            struct s { int a : 2; } __attribute__((packed));
            enum e { E1 = 1 };
            _Static_assert(1, "x");
            __asm__("nop");
            typeof(int) t; _Atomic(int) at; _Alignas(8) int al; int (pd) asm("pdx");
            typedef int v4 __attribute__((vector_size(16))); typedef float f4 __attribute__((vector_size(16))); v4 vv;
            int f(int *p, ...) {
                __label__ l;
                p = p;
                (void)__builtin_convertvector(vv, f4);
                int arr[2] = { [0] = 1, .x = 2 };
                l: if (p) { } else ;
                switch (*p) { case 1: default: break; }
                while (0) continue; do ; while (0); for (;;) break; goto l; goto *&&l;
                asm("" : "=r"(arr[0]));
                return (int)p[0] + sizeof(int) + _Alignof(int) + (p ? 1 : 2) + f(p) + ((struct s){1}).a + ({ 1; })
                    + _Generic(1, default: 1) + __builtin_va_arg(*(__builtin_va_list *)0, int) + __builtin_offsetof(struct s, a)
                    + __builtin_types_compatible_p(int, int) + 'c' + (p->a, 1) + "s"[0];
            }
            """.Replace(".x = 2", "[1] = 2"));
        foreach (var n in r.Root.DescendantsAndSelf())
        {
            var expected = n.Kind switch
            {
                SyntaxKind.BinaryExpression or SyntaxKind.AssignmentExpression or SyntaxKind.CommaExpression => nameof(BinaryExpression),
                SyntaxKind.SizeofExpression or SyntaxKind.AlignofExpression => nameof(SizeofExpression),
                SyntaxKind.Attribute => nameof(AttributeItem),
                _ => n.Kind.ToString(),
            };
            n.GetType().Name.ShouldBe(expected);
        }
        var kinds = r.Root.DescendantsAndSelf().Select(n => n.Kind).ToHashSet();
        var missing = Enum.GetValues<SyntaxKind>().Where(k => !kinds.Contains(k)).ToArray();
        missing.ShouldBe([SyntaxKind.ErrorExpression]);
    }
}
