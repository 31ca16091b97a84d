using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Semantics.Analysis;

public class ConstantAndEvaluationTests
{
    [Fact]
    public void Integer_constant_expressions_in_target_arithmetic()
    {
        var h = SemanticHarness.Valid(
            "struct S { char c; int i; struct { short s[3]; } in; };\n" +
            "void g(void) { 1 << 3; sizeof(int[10]); __alignof__(long double); _Alignof(struct S); __builtin_offsetof(struct S, in.s[2]);\n" +
            " (unsigned char)300; -1U; 0x7fffffff + 1U; (long)&((struct S *)0)->i; 10 / 3 % 2; 'a'; sizeof(struct S) * 2;\n" +
            " __builtin_types_compatible_p(int, const int); __builtin_types_compatible_p(int, long); __builtin_choose_expr(1, 2, 3.0);\n" +
            " __builtin_bswap32(0x12345678); __builtin_clz(1); __builtin_ctzll(8); __builtin_popcount(255); __builtin_ffs(0); __builtin_clrsb(-1);\n" +
            " __builtin_classify_type(1.0); (int)2.9; 1.5 > 1; 3 ? 4 : 5; }");
        h.Value("1 << 3").ShouldBe(8);
        h.Value("sizeof ( int [ 10 ] )").ShouldBe(40);
        h.Value("__alignof__ ( long double )").ShouldBe(16);
        h.Value("_Alignof ( struct S )").ShouldBe(4);
        h.Value("__builtin_offsetof ( struct S , in . s [ 2 ] )").ShouldBe(12);
        h.Value("( unsigned char ) 300").ShouldBe(44);
        h.Value("- 1U").ShouldBe(4294967295);
        h.Value("0x7fffffff + 1U").ShouldBe(2147483648);
        h.Value("( long ) & ( ( struct S * ) 0 ) -> i").ShouldBe(4);
        h.Value("10 / 3 % 2").ShouldBe(1);
        h.Value("'a'").ShouldBe(97);
        h.Value("sizeof ( struct S ) * 2").ShouldBe(32);
        h.Value("__builtin_types_compatible_p ( int , const int )").ShouldBe(1);
        h.Value("__builtin_types_compatible_p ( int , long )").ShouldBe(0);
        h.TypeOf("__builtin_choose_expr ( 1 , 2 , 3.0 )").ShouldBe("int");
        h.Value("__builtin_choose_expr ( 1 , 2 , 3.0 )").ShouldBe(2);
        h.Value("__builtin_bswap32 ( 0x12345678 )").ShouldBe(0x78563412);
        h.Value("__builtin_clz ( 1 )").ShouldBe(31);
        h.Value("__builtin_ctzll ( 8 )").ShouldBe(3);
        h.Value("__builtin_popcount ( 255 )").ShouldBe(8);
        h.Value("__builtin_ffs ( 0 )").ShouldBe(0);
        h.Value("__builtin_clrsb ( - 1 )").ShouldBe(31);
        h.Value("__builtin_classify_type ( 1.0 )").ShouldBe(8);
        h.Value("( int ) 2.9").ShouldBe(2);
        h.Value("1.5 > 1").ShouldBe(1);
        h.Value("3 ? 4 : 5").ShouldBe(4);
        h.TypeOf("sizeof ( int [ 10 ] )").ShouldBe("long unsigned int");
    }

    [Fact]
    public void The_kernels_is_constexpr_trick()
    {
        var h = SemanticHarness.Valid("int v; void g(void) { sizeof(int) == sizeof(*(8 ? ((void *)((long)(3) * 0l)) : (int *)8)); sizeof(int) == sizeof(*(8 ? ((void *)((long)(v) * 0l)) : (int *)8)); }");
        h.Value("sizeof ( int ) == sizeof ( * ( 8 ? ( ( void * ) ( ( long ) ( 3 ) * 0l ) ) : ( int * ) 8 ) )").ShouldBe(1);
        h.Value("sizeof ( int ) == sizeof ( * ( 8 ? ( ( void * ) ( ( long ) ( v ) * 0l ) ) : ( int * ) 8 ) )").ShouldBe(0);
    }

    [Fact]
    public void Builtin_constant_p_folds_as_gcc_does()
    {
        var h = SemanticHarness.Valid("int v; int a[__builtin_constant_p(v) ? 1 : 2]; int f(int n) { return __builtin_constant_p(3) + __builtin_constant_p(n) + __builtin_choose_expr(__builtin_constant_p(n), 10, 20); }");
        h.File("a").Type.ToString().ShouldBe("int[2]");
        h.Value("__builtin_constant_p ( 3 )").ShouldBe(1);
        h.Constant("__builtin_constant_p ( n )").ShouldBeNull(); // left to the optimizer inside a function body
        h.Value("__builtin_choose_expr ( __builtin_constant_p ( n ) , 10 , 20 )").ShouldBe(20);
    }

    [Fact]
    public void Static_assertions_array_sizes_and_bit_widths()
    {
        SemanticHarness.Valid("_Static_assert(sizeof(long) == 8, \"lp64\"); struct B { int x : sizeof(char) * 3; };");
        var h = SemanticHarness.Analyze("_Static_assert(sizeof(int) == 8, \"int\");\n_Static_assert(1);\nint n; _Static_assert(n, \"x\");");
        h.Full.ShouldBe(["main.c:1:1: error: static assertion failed: \"int\"",
            "main.c:3:23: error: expression in static assertion is not an integer constant expression"]);
        SemanticHarness.Analyze("int a[-1];").Errors.ShouldBe(["size of array 'a' is negative"]);
        SemanticHarness.Analyze("int n; int a[n];").Errors.ShouldBe(["variably modified 'a' at file scope"]);
        SemanticHarness.Analyze("int n; struct S { int x : n; };").Errors.ShouldBe(["bit-field 'x' width not an integer constant"]);
        SemanticHarness.Analyze("int f(int x) { return __builtin_choose_expr(x, 1, 2); }").Errors.ShouldBe(["first argument to '__builtin_choose_expr' not a constant"]);
        SemanticHarness.Analyze("struct S; int x = sizeof(struct S);").Errors.ShouldBe(["invalid application of 'sizeof' to incomplete type 'struct S'"]);
        SemanticHarness.Analyze("int f(int x) { switch (x) { case x: return 1; } return 0; }").Errors.ShouldBe(["case label does not reduce to an integer constant"]);
    }

    [Fact]
    public void Vla_sizes_are_run_time_values()
    {
        var h = SemanticHarness.Valid("int f(int n) { int a[n]; return sizeof a + sizeof(int[n]); }");
        h.Decl("a").Type.ToString().ShouldBe("int[*]");
        h.Constant("sizeof a").ShouldBeNull();
        h.Evaluated("a", 0).ShouldBeTrue(); // sizeof of a VLA evaluates its operand
    }

    [Fact]
    public void Evaluated_and_unevaluated_references()
    {
        var h = SemanticHarness.Valid(
            "int f1(void), f2(void), f3(void), f4(void), f5(void), f6(void), f7(void), f8(void), f9(void), f10(void), f11(void), f12(void); int x;\n" +
            "int g(void) {\n" +
            "  return sizeof(f1()) + __alignof__(f2()) + (0 && f3()) + (1 || f4()) + (x && f5())\n" +
            "    + (1 ? f6() : f7()) + __builtin_choose_expr(0, f8(), f9()) + _Generic(x, int: f10(), default: f11())\n" +
            "    + sizeof(typeof(f12()));\n" +
            "}");
        bool E(string n) => h.Model.IsEvaluated(h.Model.Root.DescendantsAndSelf().OfType<IdentifierExpression>().First(e => h.Unit.Names[e.Name] == n && h.Model.SymbolOf(e) is not null && h.Model.GetInfo(e).IsFunctionDesignator && e.FirstToken > h.Expr("sizeof ( f1 ( ) )").FirstToken - 1));
        E("f1").ShouldBeFalse();
        E("f2").ShouldBeFalse();
        E("f3").ShouldBeFalse();
        E("f4").ShouldBeFalse();
        E("f5").ShouldBeTrue();
        E("f6").ShouldBeTrue();
        E("f7").ShouldBeFalse();
        E("f8").ShouldBeFalse();
        E("f9").ShouldBeTrue();
        E("f10").ShouldBeTrue();
        E("f11").ShouldBeFalse();
        E("f12").ShouldBeFalse();
        h.Evaluated("x", 1).ShouldBeFalse(); // _Generic's controlling expression
        var choose = (CallExpression)h.Expr("__builtin_choose_expr ( 0 , f8 ( ) , f9 ( ) )");
        h.Model.ChosenArm(choose).ShouldBeSameAs(choose.Arguments[2]);
    }

    [Fact]
    public void Overflow_and_division_warnings_only_where_evaluated()
    {
        var h = SemanticHarness.Analyze("int a = 0x7fffffff + 1; int b = 0 ? 1 / 0 : 2; int c = sizeof(1 / 0);");
        h.Errors.ShouldBeEmpty();
        h.Warnings.ShouldBe(["integer overflow in expression of type 'int' results in '-2147483648'"]);
    }

    [Fact]
    public void Aarch64_types()
    {
        var h = SemanticHarness.Valid("__builtin_va_list ap; long double ld; int x = sizeof(ap) + sizeof(ld) + ((char)-1 < 0);", KlpCcp.Engine.Toolchain.TargetArch.AArch64);
        h.Value("sizeof ( ap ) + sizeof ( ld ) + ( ( char ) - 1 < 0 )").ShouldBe(48); // char is unsigned on aarch64
    }
}
