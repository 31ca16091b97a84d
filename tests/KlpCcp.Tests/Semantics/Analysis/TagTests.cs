using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Semantics.Analysis;

public class TagTests
{
    private static List<TagMention> Mentions(SemanticHarness h) =>
        h.Model.Root.DescendantsAndSelf().OfType<Specifier>().Select(s => h.Model.TagMentionOf(s)).OfType<TagMention>().ToList();

    [Fact]
    public void Forward_declaration_definition_references_and_local_tags()
    {
        var h = SemanticHarness.Valid(
            "struct S;\nstruct S { int a; };\nvoid f(void) { struct S *p; struct S { int b; } s; struct T *q; s.b = p->a; }");
        var m = Mentions(h);
        m.Select(x => x.Use).ShouldBe([TagUseKind.Declaration, TagUseKind.Definition, TagUseKind.Reference, TagUseKind.Definition, TagUseKind.Declaration]);
        m.Select(x => x.IsStandalone).ShouldBe([true, false, false, false, false]);
        m.Select(x => x.IsFileScope).ShouldBe([true, true, false, false, false]);
        var fileS = h.Tag("S");
        m[0].Tag.ShouldBeSameAs(fileS);
        m[1].Tag.ShouldBeSameAs(fileS);
        m[2].Tag.ShouldBeSameAs(fileS);
        m[3].Tag.ShouldNotBeSameAs(fileS);
        m[3].Tag.OwnerFunction.ShouldBeSameAs(h.File("f"));
        fileS.Mentions.Count.ShouldBe(3);
        fileS.Definition.ShouldBeSameAs(m[1].Specifier);
        h.TypeOf("s . b").ShouldBe("int");
        h.TypeOf("p -> a").ShouldBe("int");
    }

    [Fact]
    public void Standalone_declaration_in_a_block_hides_the_outer_tag()
    {
        var h = SemanticHarness.Valid("struct X { int a; }; void f(void) { struct X; struct X *p; }");
        var m = Mentions(h);
        m[1].Use.ShouldBe(TagUseKind.Declaration);
        m[1].IsStandalone.ShouldBeTrue();
        m[2].Tag.ShouldBeSameAs(m[1].Tag);
        m[2].Tag.ShouldNotBeSameAs(h.Tag("X"));
        m[2].Tag.IsDefined.ShouldBeFalse();
    }

    [Fact]
    public void Mentions_nested_in_a_definition_know_it()
    {
        var h = SemanticHarness.Valid("struct O { struct I { int x; } i; union U *u; enum E { A } e; }; struct I j;");
        var m = Mentions(h);
        m.Select(x => (x.Tag.Name, x.IsNestedInTagDefinition)).ShouldBe([("O", false), ("I", true), ("U", true), ("E", true), ("I", false)]);
        m[1].EnclosingDefinition.ShouldBeSameAs(m[0].Specifier);
        // nested tags are declared in the enclosing scope (file scope here)
        h.Tag("I").IsFileScope.ShouldBeTrue();
        h.File("A").ShouldBeOfType<EnumeratorSymbol>().Tag.ShouldBeSameAs(h.Tag("E"));
    }

    [Fact]
    public void Anonymous_definitions_get_their_own_tag_symbol()
    {
        var h = SemanticHarness.Valid("typedef struct { int a; } T; struct { char c; } v;");
        var m = Mentions(h);
        m.Count.ShouldBe(2);
        m[0].Tag.IsAnonymous.ShouldBeTrue();
        m[0].Use.ShouldBe(TagUseKind.Definition);
        ((TypedefSymbol)h.File("T")).TypedefType.Underlying.Type.ShouldBeSameAs(m[0].Tag.TagType);
    }

    [Fact]
    public void Tag_errors()
    {
        SemanticHarness.Analyze("struct A { int x; }; union A *p;").Errors.ShouldBe(["'A' defined as wrong kind of tag"]);
        SemanticHarness.Analyze("struct B { int x; }; struct B { int y; };").Errors.ShouldBe(["redefinition of 'struct B'"]);
        SemanticHarness.Analyze("struct C; int f(struct C *c) { return c->x; }").Errors.ShouldBe(["invalid use of undefined type 'struct C'"]);
        SemanticHarness.Analyze("struct D { int x; }; int f(struct D *d) { return d->y; }").Errors.ShouldBe(["'struct D' has no member named 'y'"]);
        SemanticHarness.Analyze("struct E; struct E e;").Errors.ShouldBe(["storage size of 'e' isn't known"]);
        SemanticHarness.Analyze("void f(void) { struct F f; }").Errors.ShouldBe(["storage size of 'f' isn't known"]);
        // found by fuzzing: a struct containing itself must not recurse forever
        SemanticHarness.Analyze("struct G { int a; struct G g; }; int x = sizeof(struct G) + __builtin_offsetof(struct G, a);").Errors.ShouldBe(["field 'g' has incomplete type"]);
    }

    [Fact]
    public void Enumerators_values_and_types()
    {
        var h = SemanticHarness.Valid("enum E { A, B = 5, C, D = B * 2 + 1 }; int a[C]; enum Big { X = 0x100000000 }; enum Neg { N = -1 };");
        ((EnumeratorSymbol)h.File("C")).Enumerator.Value.Value.ShouldBe(6);
        ((EnumeratorSymbol)h.File("D")).Enumerator.Value.Value.ShouldBe(11);
        h.File("a").Type.ToString().ShouldBe("int[6]");
        ((EnumType)h.Tag("E").TagType).CompatibleType.ToString().ShouldBe("unsigned int");
        ((EnumType)h.Tag("Neg").TagType).CompatibleType.ToString().ShouldBe("int");
        ((EnumType)h.Tag("Big").TagType).CompatibleType.ToString().ShouldBe("long unsigned int");
        h.File("X").Type.ToString().ShouldBe("enum Big");
        h.File("A").Type.ToString().ShouldBe("int");
        SemanticHarness.Analyze("int v; enum F { Q = v };").Errors.ShouldBe(["enumerator value for 'Q' is not an integer constant"]);
    }

    [Fact]
    public void Layout_attributes_pragma_pack_and_anonymous_members()
    {
        var h = SemanticHarness.Valid(
            "struct P { char c; int i; } __attribute__((packed));\n" +
            "struct A { int x; } __attribute__((__aligned__(16)));\n" +
            "struct M { char c; int i __attribute__((aligned(8))); };\n" +
            "#pragma pack(push, 2)\nstruct Q { char c; int i; };\n#pragma pack(pop)\nstruct R { char c; int i; };\n" +
            "struct U { int a; union { char b; long c; }; struct { short d, e; }; };\n" +
            "struct B { unsigned a : 3, : 0, b : 5; _Bool f : 1; };\n" +
            "typedef int I8 __attribute__((mode(QI)));\ntypedef int v4si __attribute__((vector_size(16)));");
        long Size(string tag) => h.SizeOf(h.Tag(tag).Type);
        (Size("P"), Size("A"), Size("M"), Size("Q"), Size("R"), Size("U"), Size("B")).ShouldBe((5L, 16L, 16L, 6L, 8L, 24L, 8L));
        h.SizeOf(h.File("I8").Type).ShouldBe(1);
        h.SizeOf(h.File("v4si").Type).ShouldBe(16);
        ((RecordType)h.Tag("U").TagType).TryFindMember("e", out var e).ShouldBeTrue();
        e.ByteOffset.ShouldBe(18);
    }

    [Fact]
    public void Fpack_struct_applies_to_every_record()
    {
        var h = SemanticHarness.Analyze("struct S { char c; int i; };", packing: new StructPackingOptions(true));
        h.SizeOf(h.Tag("S").Type).ShouldBe(5);
    }

    [Fact]
    public void Member_declarators_map_to_record_members()
    {
        var h = SemanticHarness.Valid("struct S { int a, *b; };");
        var md = h.Model.Root.DescendantsAndSelf().OfType<MemberDeclarator>().ToList();
        h.Model.GetDeclaration(md[1]).Member!.Name.ShouldBe("b");
        h.Model.GetDeclaration(md[1]).Type.ToString().ShouldBe("int *");
    }
}
