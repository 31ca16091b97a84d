using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Syntax;

public class ExpressionSyntaxTests
{
    private static string Expr(string expr, string decls = "")
    {
        var r = SyntaxHarness.Clean(decls + " void __t(void) { " + expr + "; }");
        var f = (FunctionDefinition)r.Root.Declarations[^1];
        return r.Print(((ExpressionStatement)f.Body.Items[0]).Expression!);
    }

    [Theory]
    [InlineData("a + b * c - d", "(Binary - (Binary + a (Binary * b c)) d)")]
    [InlineData("a << 1 < b == c & d ^ e | f && g || h", "(Binary || (Binary && (Binary | (Binary ^ (Binary & (Binary == (Binary < (Binary << a 1) b) c) d) e) f) g) h)")]
    [InlineData("a = b += c", "(Assignment = a (Assignment += b c))")]
    [InlineData("a, b, c", "(Comma , (Comma , a b) c)")]
    [InlineData("a ? b : c ? d : e", "(Conditional a b (Conditional c d e))")]
    [InlineData("a ?: b", "(Conditional a b)")]
    [InlineData("-a + !b + ~c + *d + &e", "(Binary + (Binary + (Binary + (Binary + (Unary - a) (Unary ! b)) (Unary ~ c)) (Unary * d)) (Unary & e))")]
    [InlineData("++a, a++, --a, a--", "(Comma , (Comma , (Comma , (Unary ++ a) (Unary post++ a)) (Unary -- a)) (Unary post-- a))")]
    [InlineData("p->x.y[1](2, 3)", "(Call (Index (MemberAccess .y (MemberAccess ->x p)) 1) 2 3)")]
    [InlineData("sizeof a + sizeof(int) + sizeof (a) + sizeof(int[3])", "(Binary + (Binary + (Binary + (Sizeof a) (Sizeof (TypeName (Specs int)))) (Sizeof (Parenthesized a))) (Sizeof (TypeName (Specs int) (Array 3))))")]
    [InlineData("(char)-1 + (unsigned long)(int)a", "(Binary + (Cast (TypeName (Specs char)) (Unary - 1)) (Cast (TypeName (Specs unsigned long)) (Cast (TypeName (Specs int)) a)))")]
    [InlineData("__real__ a + __imag__ a", "(Binary + (Unary __real__ a) (Unary __imag__ a))")]
    [InlineData("__extension__ 1", "(Unary __extension__ 1)")]
    [InlineData("\"a\" \"b\" L\"c\"", "\"a\" \"b\" L\"c\"")]
    [InlineData("'x' + L'y' + 1.5e3f + 0x10ULL", "(Binary + (Binary + (Binary + 'x' L'y') 1.5e3f) 0x10ULL)")]
    [InlineData("__func__", "__func__")]
    public void Operators_precedence_and_primaries(string expr, string tree) => Expr(expr, "int a, b, c, d, e, f, g, h, *p;").ShouldBe(tree);

    [Fact]
    public void Statement_expression()
    {
        Expr("({ int y = 2; y * 3; })").ShouldBe("(Statement (Compound (Declaration (Specs int) (Init y 2)) (Expression (Binary * y 3))))");
    }

    [Fact]
    public void Compound_literals_including_after_sizeof()
    {
        Expr("(int){1}.x + ((struct { int x; }){ .x = 2 }).x + sizeof (int){3}")
            .ShouldBe("(Binary + (Binary + (MemberAccess .x (CompoundLiteral (TypeName (Specs int)) (InitializerList (InitializerItem 1)))) "
                + "(MemberAccess .x (Parenthesized (CompoundLiteral (TypeName (Specs (Struct struct {} (Member (Specs int) (Member x))))) "
                + "(InitializerList (InitializerItem = (FieldDesignator .x) 2)))))) (Sizeof (CompoundLiteral (TypeName (Specs int)) (InitializerList (InitializerItem 3)))))");
    }

    [Fact]
    public void Label_address_and_generic()
    {
        Expr("&&lbl").ShouldBe("(LabelAddress lbl)");
        Expr("_Generic(p, int: 1, void *: 2, default: 3)", "void *p;")
            .ShouldBe("(GenericSelection p (GenericAssociation (TypeName (Specs int)) 1) (GenericAssociation (TypeName (Specs void) (Pointer)) 2) (GenericAssociation default 3))");
    }

    [Fact]
    public void Builtins_taking_types()
    {
        Expr("__builtin_offsetof(struct S, c.b[1])", "struct S { int a; struct { int b[3]; } c; };")
            .ShouldBe("(BuiltinOffsetof (TypeName (Specs (Struct struct S))) (FieldDesignator .c) (FieldDesignator .b) (IndexDesignator [] 1))");
        Expr("__builtin_types_compatible_p(int, const int)").ShouldBe("(BuiltinTypesCompatible (TypeName (Specs int)) (TypeName (Specs const int)))");
        Expr("__builtin_va_arg(ap, int *)", "__builtin_va_list ap;").ShouldBe("(BuiltinVaArg ap (TypeName (Specs int) (Pointer)))");
        Expr("__builtin_convertvector(x, f4)", "typedef float f4 __attribute__((vector_size(16))); typedef int v4 __attribute__((vector_size(16))); v4 x;")
            .ShouldBe("(BuiltinConvertVector x (TypeName (Specs f4)))");
    }

    [Fact]
    public void Other_builtins_are_ordinary_calls()
    {
        Expr("__builtin_choose_expr(1, 2, 3) + __builtin_constant_p(a) + __builtin_shuffle(a, b)", "int a, b;")
            .ShouldBe("(Binary + (Binary + (Call __builtin_choose_expr 1 2 3) (Call __builtin_constant_p a)) (Call __builtin_shuffle a b))");
    }

    [Fact]
    public void Operator_kinds_and_tokens()
    {
        var r = SyntaxHarness.Clean("int a, b; int c = a += b;");
        var init = (BinaryExpression)((Declaration)r.Root.Declarations[1]).Declarators[0].Initializer!;
        init.Kind.ShouldBe(SyntaxKind.AssignmentExpression);
        init.Operator.ShouldBe(BinaryOperator.AddAssign);
        r.Unit.Spell(r.Unit.Tokens[init.OperatorToken]).ShouldBe("+=");
        SyntaxFacts.IsAssignment(init.Operator).ShouldBeTrue();
    }
}
