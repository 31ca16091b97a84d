using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Syntax;

public class AttributeAndAsmTests
{
    [Fact]
    public void Attribute_positions_in_declarations()
    {
        var r = SyntaxHarness.Clean("int f(void) __attribute__((noreturn)); __attribute__((cold)) void g(void); void __attribute__((hot)) h(void); "
            + "struct __attribute__((packed)) P { int a __attribute__((aligned(8))); char b; } __attribute__((aligned(4))) p, *pp;");
        r.Decl(0).ShouldBe("(Declaration (Specs int) (Init (Function f (Parameter (Specs void))) (Attrs (Attribute noreturn))))");
        r.Decl(1).ShouldBe("(Declaration (Specs (Attrs (Attribute cold)) void) (Init (Function g (Parameter (Specs void)))))");
        r.Decl(2).ShouldBe("(Declaration (Specs void (Attrs (Attribute hot))) (Init (Function h (Parameter (Specs void)))))");
        r.Decl(3).ShouldBe("(Declaration (Specs (Struct struct P {} (Attrs (Attribute packed)) (Member (Specs int) (Member a (Attrs (Attribute aligned() 8)))) "
            + "(Member (Specs char) (Member b)) (Attrs (Attribute aligned() 4)))) (Init p) (Init (Pointer pp)))");
    }

    [Fact]
    public void Prefix_attributes_after_a_comma_apply_to_one_declarator()
    {
        var r = SyntaxHarness.Clean("__attribute__((noreturn)) void d0 (void), __attribute__((format(printf, 1, 2))) d1 (const char *, ...), d2 (void);");
        var d = (Declaration)r.Root.Declarations[0];
        d.Declarators[0].PrefixAttributes.ShouldBeEmpty();
        r.Print(d.Declarators[1]).ShouldBe("(Init (Attrs (Attribute format() id printf 1 2)) (Function ... d1 (Parameter (Specs const char) (Pointer))))");
        d.Declarators[2].PrefixAttributes.ShouldBeEmpty();
    }

    [Fact]
    public void Attribute_arguments_identifier_expressions_and_strings()
    {
        var r = SyntaxHarness.Clean("typedef int QI __attribute__((mode(QI))); void cl(int *p); void u(void) { int x __attribute__((cleanup(cl))) = 0; } "
            + "int s __attribute__((section(\".x\"), aligned(2 * 8), , unused, __aligned__));");
        r.Decl(0).ShouldBe("(Declaration (Specs typedef int) (Init QI (Attrs (Attribute mode() id QI))))");
        r.Body(2).ShouldBe(["(Declaration (Specs int) (Init x (Attrs (Attribute cleanup() id cl)) 0))"]);
        var attrs = ((Declaration)r.Root.Declarations[3]).Declarators[0].Attributes[0].Attributes;
        attrs.Select(a => r.Name(a.Name)).ShouldBe(["section", "aligned", "unused", "__aligned__"]);
        r.Print(attrs[1]).ShouldBe("(Attribute aligned() (Binary * 2 8))");
        // the raw argument range is kept for text copying
        r.Unit.Spell(r.Unit.Tokens[attrs[0].ArgumentsFirstToken]).ShouldBe("\".x\"");
        attrs[0].ArgumentsLastToken.ShouldBe(attrs[0].ArgumentsFirstToken);
        attrs[2].HasArguments.ShouldBeFalse();
    }

    [Fact]
    public void Attribute_names_may_be_keywords_and_arguments_empty()
    {
        var r = SyntaxHarness.Clean("int f(void) __attribute__((const, __const__, noinline())); int g(int) __attribute__((__format__(__printf__, 1, 0)));");
        var a = ((Declaration)r.Root.Declarations[0]).Declarators[0].Attributes[0].Attributes;
        a.Select(x => r.Name(x.Name)).ShouldBe(["const", "__const__", "noinline"]);
        a[2].HasArguments.ShouldBeTrue();
        a[2].Arguments.ShouldBeEmpty();
        a[2].ArgumentsFirstToken.ShouldBe(a[2].ArgumentsLastToken + 1);
    }

    [Fact]
    public void Attributes_on_labels_and_null_statements()
    {
        var r = SyntaxHarness.Clean("void f(int n) { switch (n) { case 1 ... 5: n++; __attribute__((__fallthrough__)); case 6: break; default: ; } l: __attribute__((unused)); }");
        r.Body(0).ShouldBe([
            "(Switch n (Compound (Case 1 5 (Expression (Unary post++ n))) (Expression (Attrs (Attribute __fallthrough__))) (Case 6 (break)) (Default (;))))",
            "(Labeled l (Attrs (Attribute unused)) (;))",
        ]);
    }

    [Fact]
    public void Kernel_fallthrough_after_case_label()
    {
        var r = SyntaxHarness.Clean("#define fallthrough __attribute__((__fallthrough__))\nint f(int x) { switch (x) { case 1: x++; fallthrough; case 2: return x; } return 0; }");
        r.Print(((SwitchStatement)((FunctionDefinition)r.Root.Declarations[0]).Body.Items[0]).Body)
            .ShouldBe("(Compound (Case 1 (Expression (Unary post++ x))) (Expression (Attrs (Attribute __fallthrough__))) (Case 2 (Return x)))");
    }

    [Fact]
    public void Attribute_at_block_start_before_a_declaration()
    {
        var r = SyntaxHarness.Clean("void f(void) { __attribute__((unused)) int x; }");
        r.Body(0).ShouldBe(["(Declaration (Specs (Attrs (Attribute unused)) int) (Init x))"]);
    }

    [Fact]
    public void Asm_statements_with_qualifiers_operands_clobbers_labels()
    {
        var r = SyntaxHarness.Clean("void f(int *p, int n) { asm volatile goto (\"jmp %l0\" :: \"r\"(n) : \"memory\", \"cc\" : out); "
            + "asm inline __volatile__ (\"\" : [o] \"=r\"(n) : \"0\"(n)); __asm__ (\"nop\"); __asm (\"a\" \"b\" : : : ); out: ; }");
        r.Body(0).ShouldBe([
            "(Asm volatile goto labels(out) \"jmp %l0\" (AsmOperand \"r\" n) \"memory\" \"cc\")",
            "(Asm inline __volatile__ \"\" (AsmOperand [o] \"=r\" n) (AsmOperand \"0\" n))",
            "(Asm \"nop\")",
            "(Asm \"a\" \"b\")",
            "(Labeled out (;))",
        ]);
        var items = ((FunctionDefinition)r.Root.Declarations[0]).Body.Items;
        var a0 = (AsmStatement)items[0];
        (a0.IsVolatile, a0.IsGoto, a0.IsInline, a0.Sections).ShouldBe((true, true, false, 4));
        a0.Outputs.ShouldBeEmpty();
        a0.Inputs.Length.ShouldBe(1);
        ((AsmStatement)items[1]).Sections.ShouldBe(2);
        ((AsmStatement)items[2]).Sections.ShouldBe(0);
        ((AsmStatement)items[3]).Template.PieceCount.ShouldBe(2);
    }

    [Fact]
    public void Top_level_asm_and_asm_labels()
    {
        var r = SyntaxHarness.Clean("__asm__(\".globl x\"); int x asm(\"y\") __attribute__((used)) = 3; int f(void) __asm__(\"g\");");
        r.Decl(0).ShouldBe("(AsmDefinition \".globl x\")");
        r.Decl(1).ShouldBe("(Declaration (Specs int) (Init x (AsmLabel \"y\") (Attrs (Attribute used)) 3))");
        r.Decl(2).ShouldBe("(Declaration (Specs int) (Init (Function f (Parameter (Specs void))) (AsmLabel \"g\")))");
    }

    [Fact]
    public void Standard_attributes_in_the_common_places()
    {
        var r = SyntaxHarness.Clean("[[gnu::unused]] static int x [[maybe_unused]];\n"
            + "int f([[maybe_unused]] int a) { switch (a) { case 1: a++; [[fallthrough]]; case 2: break; } [[maybe_unused]] int y; "
            + "[[gnu::hot]] a++; return a; }\nstruct s { int m [[deprecated(\"no\")]]; };");
        r.Decl(0).ShouldBe("(Declaration (Specs (Attrs [[]] (Attribute unused)) static int) (Init x (Attrs [[]] (Attribute maybe_unused))))");
        r.Body(1).ShouldBe([
            "(Switch a (Compound (Case 1 (Expression (Unary post++ a))) (Expression (Attrs [[]] (Attribute fallthrough))) (Case 2 (break))))",
            "(Declaration (Specs (Attrs [[]] (Attribute maybe_unused)) int) (Init y))",
            "(Expression (Attrs [[]] (Attribute hot)) (Unary post++ a))",
            "(Return a)",
        ]);
        var attr = ((Declaration)r.Root.Declarations[0]).Specifiers.Items.OfType<AttributeSpecifier>().Single().Attributes[0];
        r.Name(attr.Namespace).ShouldBe("gnu");
        var dep = r.Root.DescendantsAndSelf().OfType<AttributeItem>().Single(a => r.Name(a.Name) == "deprecated");
        dep.HasArguments.ShouldBeTrue();
        r.Unit.Spell(r.Unit.Tokens[dep.ArgumentsFirstToken]).ShouldBe("\"no\"");
    }
}
