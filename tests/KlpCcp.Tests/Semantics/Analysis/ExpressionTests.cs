using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Semantics.Analysis;

public class ExpressionTests
{
    [Fact]
    public void Usual_conversions_and_promotions()
    {
        var h = SemanticHarness.Valid("char c; unsigned u; long l; float f; unsigned short us; void g(void) { c + 1; u + l; u + 1; f * 2; us << 1; -us; c == 1.0; }");
        h.TypeOf("c + 1").ShouldBe("int");
        h.TypeOf("u + l").ShouldBe("long int");
        h.TypeOf("u + 1").ShouldBe("unsigned int");
        h.TypeOf("f * 2").ShouldBe("float");
        h.TypeOf("us << 1").ShouldBe("int");
        h.TypeOf("- us").ShouldBe("int");
        h.TypeOf("c == 1.0").ShouldBe("int");
    }

    [Fact]
    public void Lvalues_decay_and_function_designators()
    {
        var h = SemanticHarness.Valid("const int ci; int arr[4]; int fn(int); struct S { int m[2]; } s; void g(int *p) { ci; arr; fn; &arr; *p; p[1]; s.m; &fn; fn(1); }");
        var ci = h.Info("ci", 0);
        ci.IsLvalue.ShouldBeTrue();
        ci.Type.ToString().ShouldBe("const int");
        ci.ValueType.ToString().ShouldBe("int");
        h.TypeOf("arr", 1).ShouldBe("int[4]");
        h.ValueTypeOf("arr", 1).ShouldBe("int *");
        var fn = h.Info("fn", 1);
        fn.IsFunctionDesignator.ShouldBeTrue();
        fn.Type.ToString().ShouldBe("int(int)");
        fn.ValueType.ToString().ShouldBe("int (*)(int)");
        h.TypeOf("& arr").ShouldBe("int (*)[4]");
        h.Info("* p").IsLvalue.ShouldBeTrue();
        h.TypeOf("p [ 1 ]").ShouldBe("int");
        h.ValueTypeOf("s . m").ShouldBe("int *");
        h.TypeOf("& fn").ShouldBe("int (*)(int)");
        h.TypeOf("fn ( 1 )").ShouldBe("int");
        h.Info("fn ( 1 )").IsLvalue.ShouldBeFalse();
    }

    [Fact]
    public void Pointer_arithmetic_and_conditional_types()
    {
        var h = SemanticHarness.Valid("int *p, *q; void *v; const char *cc; char *c; int n; void g(void) { p + 1; p - q; n ? p : 0; n ? p : v; n ? cc : c; n ? 1 : 2.0; n ?: 3; }");
        h.TypeOf("p + 1").ShouldBe("int *");
        h.TypeOf("p - q").ShouldBe("long int");
        h.TypeOf("n ? p : 0").ShouldBe("int *");
        h.TypeOf("n ? p : v").ShouldBe("void *");
        h.TypeOf("n ? cc : c").ShouldBe("const char *");
        h.TypeOf("n ? 1 : 2.0").ShouldBe("double");
        h.TypeOf("n ? : 3").ShouldBe("int");
    }

    [Fact]
    public void Member_access_through_anonymous_members_and_qualifiers()
    {
        var h = SemanticHarness.Valid("struct S { int a; union { int b; float c; }; } s; const struct S cs; void g(struct S *p) { s.b; p->c; cs.a; }");
        var b = h.Model.MemberOf((MemberAccessExpression)h.Expr("s . b"));
        b!.Name.ShouldBe("b");
        h.TypeOf("p -> c").ShouldBe("float");
        h.TypeOf("cs . a").ShouldBe("const int");
    }

    [Fact]
    public void Statement_expressions_typeof_auto_type_compound_literals_generic()
    {
        var h = SemanticHarness.Valid(
            "int x; long y;\nvoid g(void) {\n" +
            "  int a = ({ int t = 1; t + 1; });\n" +
            "  typeof(y) b = 0; __typeof__(int *) c = 0;\n" +
            "  __auto_type d = &x;\n" +
            "  int *e = (int []){ 1, 2, 3 };\n" +
            "  _Generic(x, long: 1, int: 2.0, default: 'c');\n" +
            "  ({ out: x; });\n" +
            "}");
        h.TypeOf("( { int t = 1 ; t + 1 ; } )").ShouldBe("int");
        h.Decl("b").Type.ToString().ShouldBe("long int");
        h.Decl("c").Type.ToString().ShouldBe("int *");
        h.Decl("d").Type.ToString().ShouldBe("int *");
        h.TypeOf("( int [ ] ) { 1 , 2 , 3 }").ShouldBe("int[3]");
        var g = (GenericSelection)h.Expr("_Generic ( x , long : 1 , int : 2.0 , default : 'c' )");
        h.Model.SelectedAssociation(g).ShouldBeSameAs(g.Associations[1]);
        h.Model.TypeOf(g).ToString().ShouldBe("double");
        h.TypeOf("( { out : x ; } )").ShouldBe("int");
    }

    [Fact]
    public void String_literals()
    {
        var h = SemanticHarness.Valid("char a[] = \"abc\"; void g(void) { \"a\\n\\x41\\101\" \"z\"; L\"wide\"; u8\"\\u00e9\"; }");
        h.File("a").Type.ToString().ShouldBe("char[4]");
        h.TypeOf("\"a\\n\\x41\\101\" \"z\"").ShouldBe("char[6]");
        h.TypeOf("L\"wide\"").ShouldBe("int[5]");
        h.TypeOf("u8\"\\u00e9\"").ShouldBe("char[3]");
    }

    [Fact]
    public void Initializers_complete_array_sizes()
    {
        var h = SemanticHarness.Valid(
            "int a[] = { 1, 2, 3 }; int b[] = { [5] = 1, 2 }; struct P { int x, y; } ps[] = { 1, 2, 3, 4, 5 };" +
            "int m[][2] = { 1, 2, 3 }; char s[][3] = { \"ab\", \"c\" }; struct P q[] = { [1].y = 2 }; int r[] = { [0 ... 9] = 1 };");
        string T(string n) => h.File(n).Type.ToString();
        (T("a"), T("b"), T("ps"), T("m"), T("s"), T("q"), T("r")).ShouldBe(
            ("int[3]", "int[7]", "struct P[3]", "int[2][2]", "char[2][3]", "struct P[2]", "int[10]"));
        SemanticHarness.Analyze("struct P { int x; } p = { .z = 1 };").Errors.ShouldBe(["'struct P' has no member named 'z'"]);
        SemanticHarness.Analyze("struct P { int x; } p; int i = p;").Errors.ShouldBe(["incompatible types when initializing type 'int' using type 'struct P'"]);
    }

    [Fact]
    public void Operator_errors_follow_gcc()
    {
        SemanticHarness.Analyze("struct S { int a; } s; int f(void) { return s + 1; }").Errors
            .ShouldBe(["invalid operands to binary + (have 'struct S' and 'int')"]);
        SemanticHarness.Analyze("void v(void); int f(void) { int x = v(); return x; }").Errors.ShouldBe(["void value not ignored as it ought to be"]);
        SemanticHarness.Analyze("int f(void) { 1 = 2; return 0; }").Errors.ShouldBe(["lvalue required as left operand of assignment"]);
        SemanticHarness.Analyze("const int c; void f(void) { c = 2; }").Errors.ShouldBe(["assignment of read-only variable 'c'"]);
        SemanticHarness.Analyze("int f(int x) { return *x; }").Errors.ShouldBe(["invalid type argument of unary '*' (have 'int')"]);
        SemanticHarness.Analyze("int f(int x) { return x.a; }").Errors.ShouldBe(["request for member 'a' in something not a structure or union"]);
        SemanticHarness.Analyze("int g(int, int); int f(void) { return g(1); }").Errors.ShouldBe(["too few arguments to function 'g'"]);
        SemanticHarness.Analyze("int g(int); int f(void) { return g(1, 2); }").Errors.ShouldBe(["too many arguments to function 'g'"]);
        SemanticHarness.Analyze("int f(int x) { return x(); }").Errors.ShouldBe(["called object 'x' is not a function or function pointer"]);
        SemanticHarness.Analyze("struct S { int b : 2; } s; int *f(void) { return &s.b; }").Errors.ShouldBe(["cannot take address of bit-field 'b'"]);
        SemanticHarness.Analyze("int f(int x) { switch (x) { case 1: case 1: ; } return 0; }").Errors.ShouldBe(["duplicate case value"]);
        SemanticHarness.Analyze("void f(void) { break; }").Errors.ShouldBe(["break statement not within loop or switch"]);
    }

    [Fact]
    public void Builtin_prototypes_come_from_gcc()
    {
        var h = SemanticHarness.Valid("void g(void *d, const void *s) { __builtin_memcpy(d, s, 4); __builtin_expect(1, 0); __builtin_prefetch(d); __builtin_unreachable(); }");
        h.TypeOf("__builtin_memcpy").ShouldBe("void *(void *, const void *, long unsigned int)");
        h.TypeOf("__builtin_expect ( 1 , 0 )").ShouldBe("long int");
        h.TypeOf("__builtin_prefetch").ShouldBe("void(const void *, ...)");
        ((FunctionSymbol)h.Ref("__builtin_memcpy")!).IsBuiltin.ShouldBeTrue();
    }

    [Fact]
    public void Type_generic_builtins_are_typed_from_their_arguments()
    {
        var h = SemanticHarness.Valid("long v; short sv; int r; void g(void) { __builtin_add_overflow(1, 2, &r); __atomic_load_n(&v, 0); __sync_fetch_and_add(&sv, 1); __atomic_compare_exchange_n(&v, &v, 1, 0, 0, 0); __builtin_isnan(1.0); __sync_synchronize(); }");
        h.TypeOf("__builtin_add_overflow ( 1 , 2 , & r )").ShouldBe("_Bool");
        h.TypeOf("__atomic_load_n ( & v , 0 )").ShouldBe("long int");
        h.TypeOf("__sync_fetch_and_add ( & sv , 1 )").ShouldBe("short int");
        h.TypeOf("__atomic_compare_exchange_n ( & v , & v , 1 , 0 , 0 , 0 )").ShouldBe("_Bool");
        h.TypeOf("__builtin_isnan ( 1.0 )").ShouldBe("int");
        h.TypeOf("__sync_synchronize ( )").ShouldBe("void");
    }

    [Fact]
    public void Builtin_table_parses_nearly_all_entries()
    {
        var table = KlpCcp.Engine.Semantics.Analysis.Builtins.BuiltinTable.For(KlpCcp.Engine.Toolchain.TargetArch.X86_64);
        var ctx = new TypeContext(KlpCcp.Engine.Toolchain.TargetInfo.For(KlpCcp.Engine.Toolchain.TargetArch.X86_64));
        table.Count.ShouldBeGreaterThan(1400);
        var failed = table.Names.Where(n => table.TypeOf(n, ctx) is null).ToList();
        failed.ShouldBeEmpty();
    }

    [Fact]
    public void Deep_left_chains_do_not_overflow()
    {
        var code = "int a; int f(void) { return " + string.Join(" + ", Enumerable.Repeat("a", 200_000)) + "; }";
        var h = SemanticHarness.Valid(code);
        var ret = h.Model.Root.DescendantsAndSelf().OfType<ReturnStatement>().Single();
        h.Model.TypeOf(ret.Value!).ToString().ShouldBe("int");
        var code2 = "int f(void) { return " + string.Join(" , ", Enumerable.Repeat("1", 100_000)) + "; }";
        SemanticHarness.Valid(code2);
    }
}
