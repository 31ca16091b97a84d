using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Semantics.Analysis;

public class ScopeAndLinkageTests
{
    [Fact]
    public void Block_scope_shadows_and_block_extern_joins_the_file_scope_entity()
    {
        var h = SemanticHarness.Valid("int x; void f(void) { int x; x = 1; { extern int x; x = 2; } }");
        var file = h.File("x");
        var local = h.Ref("x", 0);
        local.ShouldNotBeSameAs(file);
        ((ObjectSymbol)local!).Linkage.ShouldBe(Linkage.None);
        ((ObjectSymbol)local).StorageDuration.ShouldBe(StorageDuration.Automatic);
        h.Ref("x", 1).ShouldBeSameAs(file);
        var o = (ObjectSymbol)file;
        o.Declarations.Count.ShouldBe(2);
        o.Declarations[0].IsFirst.ShouldBeTrue();
        o.Declarations[1].IsFirst.ShouldBeFalse();
        o.Declarations[1].IsFileScope.ShouldBeFalse();
        o.Declarations[1].PreviousVisible.ShouldBeNull(); // the local x hid it
    }

    [Fact]
    public void Linkage_chain_with_composite_array_type()
    {
        var h = SemanticHarness.Valid("extern int a[]; int a[4]; void f(void) { extern int a[]; a[0] = 1; }");
        var a = (ObjectSymbol)h.File("a");
        a.Linkage.ShouldBe(Linkage.External);
        a.Type.ToString().ShouldBe("int[4]");
        a.Declarations.Select(d => d.DeclaredType.ToString()).ShouldBe(["int[]", "int[4]", "int[]"]);
        a.Declarations.Select(d => d.IsFirst).ShouldBe([true, false, false]);
        a.Declarations.Select(d => d.TypeAfter.ToString()).ShouldBe(["int[]", "int[4]", "int[4]"]);
        a.Declarations.Select(d => d.TypeModifiedByLinkage).ShouldBe([false, false, true]);
        a.Declarations[2].PreviousVisible.ShouldBeSameAs(a.Declarations[1]);
        a.Definition.ShouldBeSameAs(a.Declarations[1]);
        h.Ref("a").ShouldBeSameAs(a);
        h.TypeOf("a [ 0 ]").ShouldBe("int");
        // the model maps each declarator to the same symbol
        h.Decl("a", 0).Symbol.ShouldBeSameAs(a);
        h.Decl("a", 2).Symbol.ShouldBeSameAs(a);
        h.Decl("a", 2).Record!.Index.ShouldBe(2);
    }

    [Fact]
    public void Block_extern_before_the_file_scope_declaration_is_the_same_entity()
    {
        var h = SemanticHarness.Valid("void f(void) { extern int late; late = 1; } int late = 3;");
        var late = (ObjectSymbol)h.File("late");
        late.Declarations.Count.ShouldBe(2);
        late.Declarations[0].IsFileScope.ShouldBeFalse();
        late.Declarations[1].IsFirst.ShouldBeFalse();
        late.Definition!.Node.ShouldBeOfType<InitDeclarator>();
        h.Ref("late").ShouldBeSameAs(late);
    }

    [Fact]
    public void Internal_linkage_follows_static_and_extern_keeps_it()
    {
        var h = SemanticHarness.Valid("static int s; extern int s; static void g(void); void g(void) { }");
        ((ObjectSymbol)h.File("s")).Linkage.ShouldBe(Linkage.Internal);
        ((ObjectSymbol)h.File("s")).Declarations.Count.ShouldBe(2);
        var g = (FunctionSymbol)h.File("g");
        g.Linkage.ShouldBe(Linkage.Internal);
        g.Definition.ShouldNotBeNull();
        g.Declarations.Count.ShouldBe(2);
    }

    [Fact]
    public void Function_composite_type_takes_the_prototype()
    {
        var h = SemanticHarness.Valid("int f(); int f(int); int f(x) int x; { return x; }");
        var f = (FunctionSymbol)h.File("f");
        f.Type.ToString().ShouldBe("int(int)");
        f.Declarations.Count.ShouldBe(3);
        f.Definition!.Index.ShouldBe(2);
    }

    [Fact]
    public void Local_statics_belong_to_their_function()
    {
        var h = SemanticHarness.Valid("int counter(void) { static int n; { static int m; } return n++ + m; }".Replace("+ m", "+ 0"));
        var f = (FunctionSymbol)h.File("counter");
        f.LocalStatics.Select(s => s.Name).ShouldBe(["n", "m"]);
        f.LocalStatics[0].IsLocalStatic.ShouldBeTrue();
        f.LocalStatics[0].StorageDuration.ShouldBe(StorageDuration.Static);
        f.LocalStatics[0].OwnerFunction.ShouldBeSameAs(f);
        f.LocalStatics[0].Linkage.ShouldBe(Linkage.None);
    }

    [Fact]
    public void Parameters_are_objects_of_their_function()
    {
        var h = SemanticHarness.Valid("int f(int a, char b[4]) { return a + b[0]; }");
        var a = (ObjectSymbol)h.Ref("a")!;
        a.IsParameter.ShouldBeTrue();
        a.OwnerFunction.ShouldBeSameAs(h.File("f"));
        h.Ref("b")!.Type.ToString().ShouldBe("char *");
    }

    [Fact]
    public void Implicit_declaration_warns_and_declares_int_function()
    {
        var h = SemanticHarness.Analyze("int g(void) { return h(1); } int k(void) { return h(2); }");
        h.Errors.ShouldBeEmpty();
        h.Warnings.ShouldBe(["implicit declaration of function 'h'", "implicit declaration of function 'h'"]);
        var f = (FunctionSymbol)h.Ref("h")!;
        f.IsImplicit.ShouldBeTrue();
        f.Type.ToString().ShouldBe("int()");
        h.Ref("h", 1).ShouldBeSameAs(f);
    }

    [Fact]
    public void Implicitly_declared_library_builtins_get_the_builtin_type()
    {
        var h = SemanticHarness.Analyze("void g(char *d) { memcpy(d, d, 1); abort(); }");
        h.Errors.ShouldBeEmpty();
        h.TypeOf("memcpy ( d , d , 1 )").ShouldBe("void *");
        h.TypeOf("abort").ShouldBe("void(void)");
        ((FunctionSymbol)h.Ref("abort")!).IsImplicit.ShouldBeTrue();
    }

    [Fact]
    public void Undeclared_identifier_is_an_error_at_its_token()
    {
        var h = SemanticHarness.Analyze("int g(void) {\n  return nope + 1;\n}\nint z = nada;");
        h.Full.ShouldBe(["main.c:2:10: error: 'nope' undeclared (first use in this function)",
            "main.c:4:9: error: 'nada' undeclared here (not in a function)"]);
    }

    [Fact]
    public void Nested_functions_and_func()
    {
        var h = SemanticHarness.Valid("int outer(int v) { int inner(int x) { return x + v; } const char *n = __func__; return inner(1) + sizeof(__func__); }");
        var inner = (FunctionSymbol)h.Ref("inner")!;
        inner.IsNested.ShouldBeTrue();
        inner.Linkage.ShouldBe(Linkage.None);
        inner.OwnerFunction.ShouldBeSameAs(h.File("outer"));
        h.Model.FunctionDefinitions.Select(f => f.Name).ShouldBe(["outer", "inner"]);
        h.TypeOf("__func__").ShouldBe("const char[6]");
        h.Value("sizeof ( __func__ )").ShouldBe(6);
        h.Ref("v")!.ShouldBeSameAs(h.Decl("v").Symbol);
    }

    [Fact]
    public void Typedefs_and_typedef_name_uses()
    {
        var h = SemanticHarness.Valid("typedef unsigned long ul; typedef ul arr[3]; ul x; arr y; void f(void) { typedef int ul; ul z = 1; }");
        var ul = (TypedefSymbol)h.File("ul");
        h.File("x").Type.ToString().ShouldBe("ul");
        h.SizeOf(h.File("y").Type).ShouldBe(24);
        var uses = h.Model.Root.DescendantsAndSelf().OfType<TypedefNameSpecifier>().ToList();
        h.Model.TypedefOf(uses[0]).ShouldBeSameAs(ul);
        h.Model.TypedefOf(uses[^1]).ShouldNotBeSameAs(ul);
        h.Model.TypedefOf(uses[^1])!.IsFileScope.ShouldBeFalse();
    }

    [Fact]
    public void Inline_flavours_from_specifiers_and_attributes_of_any_declaration()
    {
        var h = SemanticHarness.Valid(
            "extern inline __attribute__((gnu_inline)) int sq(int x) { return x * x; }\n" +
            "static inline int cube(int x);\nstatic int cube(int x) __attribute__((__always_inline__));\nstatic int cube(int x) { return x; }\n" +
            "_Noreturn void die(void);");
        var sq = (FunctionSymbol)h.File("sq");
        (sq.IsInline, sq.IsExternInline, sq.IsGnuInline, sq.IsAlwaysInline).ShouldBe((true, true, true, false));
        var cube = (FunctionSymbol)h.File("cube");
        (cube.IsInline, cube.IsExternInline, cube.IsAlwaysInline).ShouldBe((true, false, true));
        ((FunctionSymbol)h.File("die")).IsNoreturn.ShouldBeTrue();
    }

    [Fact]
    public void Conflicts_and_redefinitions_are_gcc_errors()
    {
        SemanticHarness.Analyze("int a; double a;").Errors.ShouldBe(["conflicting types for 'a'; have 'double'"]);
        SemanticHarness.Analyze("int b = 1; int b = 2;").Errors.ShouldBe(["redefinition of 'b'"]);
        SemanticHarness.Analyze("void c(void) {} void c(void) {}").Errors.ShouldBe(["redefinition of 'c'"]);
        SemanticHarness.Analyze("void d(void) { int x; int x; }").Errors.ShouldBe(["redeclaration of 'x' with no linkage"]);
        SemanticHarness.Analyze("int e; void e(void);").Errors.ShouldBe(["'e' redeclared as different kind of symbol"]);
        SemanticHarness.Analyze("void g(void); static void g(void);").Errors.ShouldBe(["static declaration of 'g' follows non-static declaration"]);
        SemanticHarness.Analyze("typedef int T; typedef long T;").Errors.ShouldBe(["conflicting types for 'T'; have 'long int'"]);
        // allowed: tentative definitions, a repeated typedef, extern gnu_inline then the real definition
        SemanticHarness.Valid("int t; int t; typedef int U; typedef int U;" +
            "extern inline __attribute__((gnu_inline)) int r(void) { return 1; } int r(void) { return 2; }");
    }

    [Fact]
    public void Labels_and_local_labels()
    {
        var h = SemanticHarness.Valid("int f(int n) { void *p = &&out; if (n) goto out; { __label__ out; goto out; out: ; } out: return 0; }");
        var labels = h.Model.Symbols.OfType<LabelSymbol>().ToList();
        labels.Count.ShouldBe(2);
        labels.Single(l => !l.IsLocal).IsAddressTaken.ShouldBeTrue();
        SemanticHarness.Analyze("void f(void) { goto nowhere; }").Errors.ShouldBe(["label 'nowhere' used but not defined"]);
        SemanticHarness.Analyze("void f(void) { a: ; a: ; }").Errors.ShouldBe(["duplicate label 'a'"]);
    }
}
