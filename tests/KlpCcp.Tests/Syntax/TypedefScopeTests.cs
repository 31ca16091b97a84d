namespace KlpCcp.Tests.Syntax;

/// <summary>Typedef names versus ordinary identifiers, resolved while parsing with C's scopes.</summary>
public class TypedefScopeTests
{
    [Fact]
    public void Typedef_takes_effect_right_after_its_declarator()
    {
        var r = SyntaxHarness.Clean("typedef int T, *PT; T a; PT b;");
        r.Decl(0).ShouldBe("(Declaration (Specs typedef int) (Init T) (Init (Pointer PT)))");
        r.Decl(1).ShouldBe("(Declaration (Specs T) (Init a))");
        r.Decl(2).ShouldBe("(Declaration (Specs PT) (Init b))");
    }

    [Fact]
    public void Typedef_usable_in_the_same_declaration_after_its_declarator()
    {
        var r = SyntaxHarness.Clean("typedef int T, A[sizeof(T)];");
        r.Decl(0).ShouldBe("(Declaration (Specs typedef int) (Init T) (Init (Array A (Sizeof (TypeName (Specs T))))))");
    }

    [Fact]
    public void Block_scope_variable_shadows_typedef()
    {
        var r = SyntaxHarness.Clean("typedef int T; void f(void) { int T; T = 1; }");
        r.Body(1).ShouldBe(["(Declaration (Specs int) (Init T))", "(Expression (Assignment = T 1))"]);
    }

    [Fact]
    public void Shadowing_ends_with_the_block()
    {
        var r = SyntaxHarness.Clean("typedef int T; void g(void) { T x; { int T = 3; T; } T y; }");
        r.Body(1).ShouldBe([
            "(Declaration (Specs T) (Init x))",
            "(Compound (Declaration (Specs int) (Init T 3)) (Expression T))",
            "(Declaration (Specs T) (Init y))",
        ]);
    }

    [Fact]
    public void Parameter_shadows_typedef_in_the_function_body_only()
    {
        var r = SyntaxHarness.Clean("typedef int T; int f2(int T) { return T; } T after;");
        r.Decl(1).ShouldBe("(FunctionDefinition (Specs int) (Function f2 (Parameter (Specs int) T)) (Compound (Return T)))");
        r.Decl(2).ShouldBe("(Declaration (Specs T) (Init after))");
    }

    [Fact]
    public void Parameter_named_like_its_type()
    {
        var r = SyntaxHarness.Clean("typedef int T; void f(T T) { T = 2; }");
        r.Decl(1).ShouldBe("(FunctionDefinition (Specs void) (Function f (Parameter (Specs T) T)) (Compound (Expression (Assignment = T 2))))");
    }

    [Fact]
    public void Prototype_scope_ends_with_the_declarator()
    {
        var r = SyntaxHarness.Clean("typedef int T; void p(int T); T q;");
        r.Decl(2).ShouldBe("(Declaration (Specs T) (Init q))");
    }

    [Fact]
    public void Only_the_defined_functions_own_parameters_enter_its_body()
    {
        // b belongs to the returned function type's prototype scope, a to the body
        var r = SyntaxHarness.Clean("typedef int a, b; int (*fp(int a))(int b) { b x; return 0; }");
        r.Body(1).ShouldBe(["(Declaration (Specs b) (Init x))", "(Return 0)"]);
    }

    [Fact]
    public void For_init_declaration_scope()
    {
        var r = SyntaxHarness.Clean("typedef int T; int h(void) { for (int T = 0; T < 3; T++) ; T z; return 0; }");
        r.Body(1).ShouldBe([
            "(For (Declaration (Specs int) (Init T 0)) (Binary < T 3) (Unary post++ T) (;))",
            "(Declaration (Specs T) (Init z))",
            "(Return 0)",
        ]);
    }

    [Fact]
    public void Enumerator_shadows_typedef()
    {
        var r = SyntaxHarness.Clean("typedef int T; void f(void) { enum { T = 5 }; int k = T; }");
        r.Body(1)[1].ShouldBe("(Declaration (Specs int) (Init k T))");
    }

    [Fact]
    public void Struct_members_do_not_shadow()
    {
        var r = SyntaxHarness.Clean("typedef int T; struct s { int T; T x; }; T w;");
        r.Decl(1).ShouldBe("(Declaration (Specs (Struct struct s {} (Member (Specs int) (Member T)) (Member (Specs T) (Member x)))))");
        r.Decl(2).ShouldBe("(Declaration (Specs T) (Init w))");
    }

    [Fact]
    public void Labels_live_in_their_own_namespace()
    {
        var r = SyntaxHarness.Clean("typedef int T; void l(void) { T: goto T; T x; }");
        r.Body(1).ShouldBe(["(Labeled T (Goto T))", "(Declaration (Specs T) (Init x))"]);
    }

    [Fact]
    public void Type_specifier_already_seen_makes_a_typedef_name_the_declarator()
    {
        var r = SyntaxHarness.Clean("typedef int T; void f(void) { unsigned T; long T2; }");
        r.Body(1)[0].ShouldBe("(Declaration (Specs unsigned) (Init T))");
    }

    [Fact]
    public void Cast_versus_parenthesized_expression()
    {
        var r = SyntaxHarness.Clean("typedef int T; int v; int a = (T)+1; int b = (v)+1;");
        r.Decl(2).ShouldBe("(Declaration (Specs int) (Init a (Cast (TypeName (Specs T)) (Unary + 1))))");
        r.Decl(3).ShouldBe("(Declaration (Specs int) (Init b (Binary + (Parenthesized v) 1)))");
    }

    [Fact]
    public void Block_statement_starting_with_typedef_name_is_a_declaration()
    {
        var r = SyntaxHarness.Clean("typedef int T; void f(void) { T(x); T *p; }");
        r.Body(1).ShouldBe(["(Declaration (Specs T) (Init (Parenthesized x)))", "(Declaration (Specs T) (Init (Pointer p)))"]);
    }

    [Fact]
    public void Multiplication_by_a_variable_is_an_expression()
    {
        var r = SyntaxHarness.Clean("int a, b; void f(void) { a * b; }");
        r.Body(1).ShouldBe(["(Expression (Binary * a b))"]);
    }

    [Fact]
    public void Typeof_of_type_or_expression()
    {
        var r = SyntaxHarness.Clean("typedef int T; int v; typeof(T) a; typeof(v) b; typeof((T)v) c;");
        r.Decl(2).ShouldBe("(Declaration (Specs (Typeof (TypeName (Specs T)))) (Init a))");
        r.Decl(3).ShouldBe("(Declaration (Specs (Typeof v)) (Init b))");
        r.Decl(4).ShouldBe("(Declaration (Specs (Typeof (Cast (TypeName (Specs T)) v))) (Init c))");
    }

    [Fact]
    public void Builtin_type_names_are_predeclared()
    {
        var r = SyntaxHarness.Clean("__builtin_va_list ap; __int128_t a; __uint128_t b; __float128 c;");
        r.Decl(0).ShouldBe("(Declaration (Specs __builtin_va_list) (Init ap))");
        r.Decl(3).ShouldBe("(Declaration (Specs __float128) (Init c))");
    }

    [Fact]
    public void Parameter_list_typedef_in_parentheses_is_an_abstract_function()
    {
        var r = SyntaxHarness.Clean("typedef int T; void f(int (T));");
        r.Decl(1).ShouldBe("(Declaration (Specs void) (Init (Function f (Parameter (Specs int) (Function (Parameter (Specs T)))))))");
    }
}
