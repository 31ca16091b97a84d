using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Semantics.Analysis;

public class GnuExtensionTests
{
    [Fact]
    public void Transparent_union_parameters_accept_member_types()
    {
        SemanticHarness.Valid("typedef union { int *a; long *b; } U __attribute__((transparent_union)); void f(U u); void g(int *p, long *q) { f(p); f(q); }");
        SemanticHarness.Analyze("typedef union { int *a; } U; void f(U u); void g(int *p) { f(p); }").Errors
            .ShouldBe(["incompatible type for argument 1 of 'f'"]);
    }

    [Fact]
    public void Vectors_modes_and_address_spaces()
    {
        var h = SemanticHarness.Valid(
            "typedef int v4si __attribute__((vector_size(16))); typedef unsigned int u128 __attribute__((mode(TI)));\n" +
            "int __seg_gs *gp; v4si a, b; u128 big;\nvoid g(void) { a + b; a[1]; *gp; big + 1; }");
        h.TypeOf("a + b").ShouldBe("v4si");
        h.TypeOf("a [ 1 ]").ShouldBe("int");
        h.TypeOf("* gp").ShouldBe("__seg_gs int");
        h.TypeOf("big + 1").ShouldBe("__int128 unsigned");
    }

    [Fact]
    public void Invalid_vector_and_mode_attributes_are_errors_and_leave_the_type()
    {
        var h = SemanticHarness.Analyze("typedef int *bad __attribute__((vector_size(12))); typedef float f8 __attribute__((mode(QI))); bad b; f8 g;");
        h.Errors.ShouldBe(["number of components of the vector not a power of two", "mode 'QI' applied to inappropriate type"]);
        h.File("b").Type.ToString().ShouldBe("bad");
        h.SizeOf(h.File("g").Type).ShouldBe(4);
    }

    [Fact]
    public void Cleanup_attribute_refers_to_its_function()
    {
        var h = SemanticHarness.Valid("static void release(int *p) { } void g(void) { int x __attribute__((__cleanup__(release))) = 1; }");
        var id = h.Model.Root.DescendantsAndSelf().OfType<IdentifierExpression>().Single(e => h.Unit.Names[e.Name] == "release");
        h.Model.SymbolOf(id).ShouldBeSameAs(h.File("release"));
        h.Model.IsEvaluated(id).ShouldBeTrue();
    }

    [Fact]
    public void Generic_and_typeof_errors()
    {
        SemanticHarness.Analyze("int x; int y = _Generic(x, long: 1);").Errors.ShouldBe(["'_Generic' selector of type 'int' is not compatible with any association"]);
        SemanticHarness.Analyze("struct S { int b : 3; } s; typeof(s.b) t;").Errors.ShouldBe(["'typeof' applied to a bit-field"]);
        SemanticHarness.Analyze("int x = ({ 1; });").Errors.ShouldBe(["braced-group within expression allowed only inside a function"]);
    }

    [Fact]
    public void Kr_definitions_and_promotions()
    {
        var h = SemanticHarness.Valid("int f(a, b, c) char a; double b; { return a + b + c; }");
        var f = (FunctionSymbol)h.File("f");
        f.FunctionType.IsPrototyped.ShouldBeFalse();
        f.FunctionType.OldStyleParameters!.Select(p => p.ToString()).ShouldBe(["char", "double", "int"]);
        h.Ref("c")!.Type.ToString().ShouldBe("int");
        h.TypeOf("a + b + c").ShouldBe("double");
    }

    [Fact]
    public void Compound_literals_are_lvalues_and_complete_their_size()
    {
        var h = SemanticHarness.Valid("struct P { int x, y; }; void g(void) { int *p = (int[]){ 1, 2 }; struct P *q = &(struct P){ .y = 1 }; }");
        h.TypeOf("( int [ ] ) { 1 , 2 }").ShouldBe("int[2]");
        h.Info("( struct P ) { . y = 1 }").IsLvalue.ShouldBeTrue();
    }

    [Fact]
    public void Asm_operands_and_goto_labels()
    {
        SemanticHarness.Valid("int g(int x) { asm goto(\"\" : : \"r\"(x) : : out); asm volatile(\"\" : \"=r\"(x) : \"0\"(x)); return x; out: return 0; }");
        SemanticHarness.Analyze("int g(int x) { asm(\"\" : \"=r\"(x + 1)); return x; }").Errors.ShouldBe(["invalid lvalue in asm output 0"]);
    }
}
