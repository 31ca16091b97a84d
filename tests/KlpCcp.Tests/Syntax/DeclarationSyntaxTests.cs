using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Syntax;

public class DeclarationSyntaxTests
{
    [Fact]
    public void Empty_translation_unit_and_stray_semicolons()
    {
        SyntaxHarness.Clean("").Root.Declarations.ShouldBeEmpty();
        var r = SyntaxHarness.Clean(";;; int k;;");
        r.Tree.ShouldBe("(TranslationUnit (Declaration (Specs int) (Init k)))");
    }

    [Fact]
    public void Declarators_pointer_array_function_parenthesized()
    {
        var r = SyntaxHarness.Clean("int a = 1, *b = &a, c[2] = {1, 2}, (*d)(void) = 0, *const *volatile e[3][4];");
        r.Decl(0).ShouldBe("(Declaration (Specs int) (Init a 1) (Init (Pointer b) (Unary & a)) "
            + "(Init (Array c 2) (InitializerList (InitializerItem 1) (InitializerItem 2))) "
            + "(Init (Function (Parenthesized (Pointer d)) (Parameter (Specs void))) 0) "
            + "(Init (Pointer const (Pointer volatile (Array (Array e 3) 4)))))");
    }

    [Fact]
    public void Function_returning_pointer_to_function()
    {
        var r = SyntaxHarness.Clean("int (*fp(int a))(int b) { return 0; }");
        r.Decl(0).ShouldBe("(FunctionDefinition (Specs int) (Function (Parenthesized (Pointer (Function fp (Parameter (Specs int) a)))) (Parameter (Specs int) b)) (Compound (Return 0)))");
        var f = (FunctionDefinition)r.Root.Declarations[0];
        r.Name(f.Name).ShouldBe("fp");
        var fn = f.Declarator.FindFunctionOfName()!;
        r.Name(fn.Parameters[0].Declarator!.FindName()!.Name).ShouldBe("a");
    }

    [Fact]
    public void Abstract_declarators_in_type_names_and_parameters()
    {
        var r = SyntaxHarness.Clean("void f(int *, char [], void (*)(int), int (*[3])[4], const char *const);");
        r.Decl(0).ShouldBe("(Declaration (Specs void) (Init (Function f (Parameter (Specs int) (Pointer)) (Parameter (Specs char) (Array)) "
            + "(Parameter (Specs void) (Function (Parenthesized (Pointer)) (Parameter (Specs int)))) "
            + "(Parameter (Specs int) (Array (Parenthesized (Pointer (Array 3))) 4)) (Parameter (Specs const char) (Pointer const)))))");
    }

    [Fact]
    public void Variadic_and_unprototyped_functions()
    {
        var r = SyntaxHarness.Clean("int printf(const char *, ...); int old();");
        var f = ((Declaration)r.Root.Declarations[0]).Declarators[0].Declarator.FindFunctionOfName()!;
        f.IsVariadic.ShouldBeTrue();
        f.IsPrototype.ShouldBeTrue();
        var g = ((Declaration)r.Root.Declarations[1]).Declarators[0].Declarator.FindFunctionOfName()!;
        g.IsPrototype.ShouldBeFalse();
        g.Parameters.ShouldBeEmpty();
    }

    [Fact]
    public void Array_declarator_qualifiers_static_and_star()
    {
        var r = SyntaxHarness.Clean("void fn(int a __attribute__((unused)), int * __attribute__((noderef)) b, int c[static 3], int d[const], int e[*]);");
        r.Decl(0).ShouldBe("(Declaration (Specs void) (Init (Function fn (Parameter (Specs int) a (Attrs (Attribute unused))) "
            + "(Parameter (Specs int) (Pointer (Attrs (Attribute noderef)) b)) (Parameter (Specs int) (Array c static 3)) "
            + "(Parameter (Specs int) (Array d const)) (Parameter (Specs int) (Array * e)))))");
    }

    [Fact]
    public void Knr_function_definition()
    {
        var r = SyntaxHarness.Clean("int f(a, b) int a; char *b; { return a; }");
        r.Decl(0).ShouldBe("(FunctionDefinition (Specs int) (Function knr(a,b) f) (Declaration (Specs int) (Init a)) (Declaration (Specs char) (Init (Pointer b))) (Compound (Return a)))");
    }

    [Fact]
    public void Nested_function_definition()
    {
        var r = SyntaxHarness.Clean("void f(void) { int g(int x) { return x; } auto int h(void); g(1); }");
        r.Body(0).ShouldBe([
            "(FunctionDefinition (Specs int) (Function g (Parameter (Specs int) x)) (Compound (Return x)))",
            "(Declaration (Specs auto int) (Init (Function h (Parameter (Specs void)))))",
            "(Expression (Call g 1))",
        ]);
    }

    [Fact]
    public void Implicit_int_warns_like_gcc()
    {
        var r = SyntaxHarness.Parse("x; f() { return 0; } static y = 2;");
        r.HasErrors.ShouldBeFalse();
        r.Decl(0).ShouldBe("(Declaration (Specs) (Init x))");
        r.Decl(1).ShouldBe("(FunctionDefinition (Specs) (Function f) (Compound (Return 0)))");
        r.Decl(2).ShouldBe("(Declaration (Specs static) (Init y 2))");
        r.Full.ShouldBe([
            "main.c:1:1: warning: data definition has no type or storage class",
            "main.c:1:1: warning: type defaults to 'int' in declaration of 'x'",
            "main.c:1:4: warning: return type defaults to 'int'",
            "main.c:1:29: warning: type defaults to 'int' in declaration of 'y'",
        ]);
    }

    [Fact]
    public void Implicit_int_in_other_places_warns_like_gcc()
    {
        // checked against gcc 12 -fsyntax-only; gcc locates the type-name warning at the enclosing function (6:1)
        var r = SyntaxHarness.Parse("static int\nfoo(a, b)\n  int b;\n{ return a; }\nstruct s { const x : 3; };\nvoid g(void) { (const *)0; }\nextern f(const char*);\nvoid h(const p);");
        r.HasErrors.ShouldBeFalse();
        r.Full.ShouldBe([
            "main.c:2:1: warning: type of 'a' defaults to 'int'",
            "main.c:5:18: warning: type defaults to 'int' in declaration of 'x'",
            "main.c:6:17: warning: type defaults to 'int' in type name",
            "main.c:7:8: warning: type defaults to 'int' in declaration of 'f'",
            "main.c:8:14: warning: type defaults to 'int' in declaration of 'p'",
        ]);
    }

    [Fact]
    public void Basic_and_gnu_type_keywords()
    {
        var r = SyntaxHarness.Clean("__int128 a; unsigned __int128 b; _Float16 c; _Float32 d; _Float64 e; _Float128 f; _Float32x g; _Float64x h; "
            + "_Complex double i; __complex__ float j; _Bool k; __signed__ char l; long double m; __auto_type n = 1;");
        r.Root.Declarations.Select(d => r.Print(((Declaration)d).Specifiers)).ShouldBe([
            "(Specs __int128)", "(Specs unsigned __int128)", "(Specs _Float16)", "(Specs _Float32)", "(Specs _Float64)", "(Specs _Float128)",
            "(Specs _Float32x)", "(Specs _Float64x)", "(Specs _Complex double)", "(Specs __complex__ float)", "(Specs _Bool)",
            "(Specs __signed__ char)", "(Specs long double)", "(Specs __auto_type)",
        ]);
        var ks = (KeywordSpecifier)((Declaration)r.Root.Declarations[9]).Specifiers.Items[0];
        ks.Keyword.ShouldBe(Keyword.Complex);
    }

    [Fact]
    public void Qualifier_and_storage_spellings()
    {
        var r = SyntaxHarness.Clean("__const int a1; volatile __volatile__ int a2; int * __restrict__ a3; __inline__ int a4(void); _Atomic int b1; "
            + "_Atomic(int) b2; _Noreturn void b3(void); _Thread_local int b4; __thread int b5; static __seg_gs int b6; int __seg_fs *b7;");
        r.Root.Declarations.Select(r.Print).ShouldBe([
            "(Declaration (Specs __const int) (Init a1))",
            "(Declaration (Specs volatile __volatile__ int) (Init a2))",
            "(Declaration (Specs int) (Init (Pointer __restrict__ a3)))",
            "(Declaration (Specs __inline__ int) (Init (Function a4 (Parameter (Specs void)))))",
            "(Declaration (Specs _Atomic int) (Init b1))",
            "(Declaration (Specs (AtomicType (TypeName (Specs int)))) (Init b2))",
            "(Declaration (Specs _Noreturn void) (Init (Function b3 (Parameter (Specs void)))))",
            "(Declaration (Specs _Thread_local int) (Init b4))",
            "(Declaration (Specs __thread int) (Init b5))",
            "(Declaration (Specs static __seg_gs int) (Init b6))",
            "(Declaration (Specs int __seg_fs) (Init (Pointer b7)))",
        ]);
        var specs = ((Declaration)r.Root.Declarations[9]).Specifiers;
        specs.StorageClass.ShouldBe(Keyword.Static);
        specs.HasTypeSpecifier.ShouldBeTrue();
    }

    [Fact]
    public void Alignment_specifiers_and_alignof()
    {
        var r = SyntaxHarness.Clean("_Alignas(16) int a5; _Alignas(long) int a6; int a7 = _Alignof(int) + __alignof__(a6) + __alignof(int);");
        r.Decl(0).ShouldBe("(Declaration (Specs (Alignas 16) int) (Init a5))");
        r.Decl(1).ShouldBe("(Declaration (Specs (Alignas (TypeName (Specs long))) int) (Init a6))");
        r.Decl(2).ShouldBe("(Declaration (Specs int) (Init a7 (Binary + (Binary + (Alignof (TypeName (Specs int))) (Alignof (Parenthesized a6))) (Alignof (TypeName (Specs int))))))");
    }

    [Fact]
    public void Struct_forms_empty_flexible_zero_length_anonymous_bitfields()
    {
        var r = SyntaxHarness.Clean("struct empty {}; struct flex { int n; int d[]; }; struct zero { int n; int d[0]; }; "
            + "struct anon { union { int a; float b; }; struct { int c; }; int bf : 3, : 0; }; struct fwd; struct fwd *p;");
        r.Root.Declarations.Select(r.Print).ShouldBe([
            "(Declaration (Specs (Struct struct empty {})))",
            "(Declaration (Specs (Struct struct flex {} (Member (Specs int) (Member n)) (Member (Specs int) (Member (Array d))))))",
            "(Declaration (Specs (Struct struct zero {} (Member (Specs int) (Member n)) (Member (Specs int) (Member (Array d 0))))))",
            "(Declaration (Specs (Struct struct anon {} (Member (Specs (Struct union {} (Member (Specs int) (Member a)) (Member (Specs float) (Member b))))) "
                + "(Member (Specs (Struct struct {} (Member (Specs int) (Member c))))) (Member (Specs int) (Member bf 3) (Member 0)))))",
            "(Declaration (Specs (Struct struct fwd)))",
            "(Declaration (Specs (Struct struct fwd)) (Init (Pointer p)))",
        ]);
        var anon = (StructSpecifier)((Declaration)r.Root.Declarations[3]).Specifiers.Items[0];
        anon.Members![0].Declarators.ShouldBeEmpty();
        anon.Members[2].Declarators[1].Declarator.ShouldBeNull();
        ((StructSpecifier)((Declaration)r.Root.Declarations[4]).Specifiers.Items[0]).HasBody.ShouldBeFalse();
    }

    [Fact]
    public void Struct_members_with_extension_and_static_assert()
    {
        var r = SyntaxHarness.Clean("struct s { __extension__ union { int a; }; _Static_assert(1, \"x\"); int b; };");
        r.Decl(0).ShouldBe("(Declaration (Specs (Struct struct s {} (Member __extension__ (Specs (Struct union {} (Member (Specs int) (Member a))))) (Member (StaticAssert 1 \"x\")) (Member (Specs int) (Member b)))))");
    }

    [Fact]
    public void Missing_semicolon_at_end_of_struct_is_a_warning()
    {
        var r = SyntaxHarness.Parse("struct s { int a; int b };");
        r.Messages.ShouldBe(["warning: no semicolon at end of struct or union"]);
    }

    [Fact]
    public void Enums_with_values_attributes_trailing_comma()
    {
        var r = SyntaxHarness.Clean("enum E { A __attribute__((deprecated)), B = 2, C, } __attribute__((packed)); enum __attribute__((x)) F { D }; enum E e;");
        r.Decl(0).ShouldBe("(Declaration (Specs (Enum enum E {} (Enumerator A (Attrs (Attribute deprecated))) (Enumerator B 2) (Enumerator C) (Attrs (Attribute packed)))))");
        r.Decl(1).ShouldBe("(Declaration (Specs (Enum enum F {} (Attrs (Attribute x)) (Enumerator D))))");
        r.Decl(2).ShouldBe("(Declaration (Specs (Enum enum E)) (Init e))");
    }

    [Fact]
    public void Static_assert_with_and_without_message()
    {
        var r = SyntaxHarness.Clean("_Static_assert(1, \"one\"); _Static_assert(2); void q(void) { _Static_assert(sizeof(int) == 4, \"int\"); } __extension__ _Static_assert(1, \"e\");");
        r.Decl(0).ShouldBe("(StaticAssert 1 \"one\")");
        r.Decl(1).ShouldBe("(StaticAssert 2)");
        r.Body(2).ShouldBe(["(StaticAssert (Binary == (Sizeof (TypeName (Specs int))) 4) \"int\")"]);
        r.Decl(3).ShouldBe("(StaticAssert 1 \"e\")");
    }

    [Fact]
    public void Extension_before_declarations()
    {
        var r = SyntaxHarness.Clean("__extension__ typedef long long ll; __extension__ __extension__ int e1; ll v;");
        r.Decl(0).ShouldBe("(Declaration __extension__ (Specs typedef long long) (Init ll))");
        r.Decl(1).ShouldBe("(Declaration __extension__ (Specs int) (Init e1))");
        r.Decl(2).ShouldBe("(Declaration (Specs ll) (Init v))");
        r.Root.Declarations[0].FirstToken.ShouldBe(0);
    }

    [Fact]
    public void Typeof_forms_and_auto_type()
    {
        var r = SyntaxHarness.Clean("typeof(int *) a; __typeof__(a) b; __typeof(*a) c; __auto_type d = 1;");
        r.Root.Declarations.Select(r.Print).ShouldBe([
            "(Declaration (Specs (Typeof (TypeName (Specs int) (Pointer)))) (Init a))",
            "(Declaration (Specs (Typeof a)) (Init b))",
            "(Declaration (Specs (Typeof (Unary * a))) (Init c))",
            "(Declaration (Specs __auto_type) (Init d 1))",
        ]);
    }

    [Fact]
    public void Typeof_and_asm_are_plain_identifiers_without_gnu_keywords()
    {
        var r = SyntaxHarness.Clean("int typeof, asm; int f(void) { return typeof + asm; }", new ParserOptions { GnuKeywords = false });
        r.Body(1).ShouldBe(["(Return (Binary + typeof asm))"]);
    }

    [Fact]
    public void Options_follow_the_compiler_and_standard()
    {
        var diags = new KlpCcp.Engine.Diagnostics.DiagnosticBag();
        var x86 = KlpCcp.Engine.Toolchain.CompilerSpec.Parse("x86_64-gcc-12.2.0", diags)!;
        var arm = KlpCcp.Engine.Toolchain.CompilerSpec.Parse("aarch64-gcc-12.2.0", diags)!;
        var strict = KlpCcp.Engine.Toolchain.CompilerInvocation.ParseCommand("gcc -std=c11 -c t.c", diags, x86.Arch);
        var gnu = KlpCcp.Engine.Toolchain.CompilerInvocation.ParseCommand("gcc -c t.c", diags, arm.Arch);
        ParserOptions.For(x86, strict).GnuKeywords.ShouldBeFalse();
        var a = ParserOptions.For(arm, gnu);
        a.GnuKeywords.ShouldBeTrue();
        a.BuiltinTypeNames.ShouldContain("__fp16");
        SyntaxHarness.Clean("__fp16 h; __Float32x4_t v;", a).Root.Declarations.Length.ShouldBe(2);
    }
}
