using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Syntax;

public class StatementSyntaxTests
{
    private static string[] Body(string body, string decls = "") => SyntaxHarness.Clean(decls + " void __t(int n) { " + body + " }").Body(decls.Length == 0 ? 0 : SyntaxHarness.Clean(decls).Root.Declarations.Length);

    [Fact]
    public void Selection_and_iteration()
    {
        Body("if (n) n++; else if (n > 1) n--; else ; while (n) break; do continue; while (0); for (;;) ; for (n = 0; n < 3; n++) {}")
            .ShouldBe([
                "(If n (Expression (Unary post++ n)) (If (Binary > n 1) (Expression (Unary post-- n)) (;)))",
                "(While n (break))",
                "(Do (continue) 0)",
                "(For (;))",
                "(For (Assignment = n 0) (Binary < n 3) (Unary post++ n) (Compound))",
            ]);
    }

    [Fact]
    public void Dangling_else_binds_to_the_nearest_if()
    {
        Body("if (n) if (n > 1) n = 1; else n = 2;")
            .ShouldBe(["(If n (If (Binary > n 1) (Expression (Assignment = n 1)) (Expression (Assignment = n 2))))"]);
    }

    [Fact]
    public void Switch_case_ranges_default_and_labels()
    {
        Body("switch (n) { case 1 ... 5: n++; case 6: default: break; } lbl: return; goto lbl;")
            .ShouldBe([
                "(Switch n (Compound (Case 1 5 (Expression (Unary post++ n))) (Case 6 (Default (break)))))",
                "(Labeled lbl (Return))",
                "(Goto lbl)",
            ]);
    }

    [Fact]
    public void Local_labels_label_addresses_and_computed_goto()
    {
        Body("__label__ l1, l2; void *p = &&l1; goto *p; l1: ; l2: ;")
            .ShouldBe([
                "(Label l1,l2)",
                "(Declaration (Specs void) (Init (Pointer p) (LabelAddress l1)))",
                "(Goto * p)",
                "(Labeled l1 (;))",
                "(Labeled l2 (;))",
            ]);
    }

    [Fact]
    public void Label_at_end_of_block_and_before_a_declaration()
    {
        Body("a: b: ; { c: } d: int x = 1; (void)x;")
            .ShouldBe([
                "(Labeled a (Labeled b (;)))",
                "(Compound (Labeled c))",
                "(Labeled d (Declaration (Specs int) (Init x 1)))",
                "(Expression (Cast (TypeName (Specs void)) x))",
            ]);
    }

    [Fact]
    public void Extension_at_statement_start()
    {
        Body("__extension__ int z = __extension__ 1; __extension__ ({ z; }); __extension__ (void)0;")
            .ShouldBe([
                "(Declaration __extension__ (Specs int) (Init z (Unary __extension__ 1)))",
                "(Expression (Unary __extension__ (Statement (Compound (Expression z)))))",
                "(Expression (Unary __extension__ (Cast (TypeName (Specs void)) 0)))",
            ]);
    }

    [Fact]
    public void For_with_extension_declaration()
    {
        Body("for (__extension__ long long i = 0; i < 2; i++) ;")
            .ShouldBe(["(For (Declaration __extension__ (Specs long long) (Init i 0)) (Binary < i 2) (Unary post++ i) (;))"]);
    }

    [Fact]
    public void Else_if_chain_of_thousands_is_not_a_nesting_problem()
    {
        var src = "void f(void) { if (0) { } " + string.Concat(Enumerable.Repeat("else if (0) { } ", 11000)) + "}";
        var r = SyntaxHarness.Clean(src);
        var first = (IfStatement)((FunctionDefinition)r.Root.Declarations[0]).Body.Items[0];
        int chain = 0;
        for (Statement? s = first; s is IfStatement i; s = i.Else) chain++;
        chain.ShouldBe(11001);
        first.LastToken.ShouldBe(r.Unit.Count - 2);
    }
}

public class InitializerSyntaxTests
{
    [Fact]
    public void Designators_ranges_gnu_colon_nested_and_empty()
    {
        var r = SyntaxHarness.Clean("struct { int x, y; int z[3]; } a[9] = { [0 ... 3] = { 1 }, [5] = {}, [1].z[2] = 5, { .x = 3, y: 4 } };");
        r.Print(((Declaration)r.Root.Declarations[0]).Declarators[0].Initializer!).ShouldBe(
            "(InitializerList (InitializerItem = (IndexDesignator [...] 0 3) (InitializerList (InitializerItem 1))) "
            + "(InitializerItem = (IndexDesignator [] 5) (InitializerList)) "
            + "(InitializerItem = (IndexDesignator [] 1) (FieldDesignator .z) (IndexDesignator [] 2) 5) "
            + "(InitializerItem (InitializerList (InitializerItem = (FieldDesignator .x) 3) (InitializerItem : (FieldDesignator .y) 4))))");
    }

    [Fact]
    public void Obsolete_array_designator_without_equals()
    {
        var r = SyntaxHarness.Clean("int a[3] = { [1] 5, };");
        var item = ((InitializerList)((Declaration)r.Root.Declarations[0]).Declarators[0].Initializer!).Items[0];
        item.HasEquals.ShouldBeFalse();
        r.Print(item).ShouldBe("(InitializerItem (IndexDesignator [] 1) 5)");
    }

    [Fact]
    public void Scalar_with_braces_and_string_initializers()
    {
        var r = SyntaxHarness.Clean("int a = { 1 }; char s[] = \"ab\" \"c\"; char t[] = { \"x\" };");
        r.Decl(0).ShouldBe("(Declaration (Specs int) (Init a (InitializerList (InitializerItem 1))))");
        r.Decl(1).ShouldBe("(Declaration (Specs char) (Init (Array s) \"ab\" \"c\"))");
        r.Decl(2).ShouldBe("(Declaration (Specs char) (Init (Array t) (InitializerList (InitializerItem \"x\"))))");
    }
}
