namespace KlpCcp.Tests.Preprocessing;

/// <summary>Each macro form, with gcc -E -P's exact output (checked against gcc 12).</summary>
public class MacroExpansionTests
{
    private static string Pp(string src) => PreprocessorHarness.Run(src).Output;

    [Fact]
    public void ObjectLikeMacro() => Pp("#define N 10\nint a = N;").ShouldBe("int a = 10;");

    [Fact]
    public void EmptyObjectLikeMacro() => Pp("#define E\nE int E a;").ShouldBe("int a;");

    [Fact]
    public void FunctionLikeMacro() => Pp("#define SQ(x) ((x)*(x))\nSQ(a+1)").ShouldBe("((a+1)*(a+1))");

    [Fact]
    public void FunctionLikeNameWithoutParenthesesIsNotExpanded() =>
        Pp("#define f(x) x\nint f; f (1)").ShouldBe("int f; 1");

    [Fact]
    public void InvocationSpansLines() => Pp("#define f(x, y) x + y\nf(1,\n  2)\nnext").ShouldBe("1 + 2\nnext");

    [Fact]
    public void NestedParenthesesAndCommasInArguments() =>
        Pp("#define f(x, y) [x|y]\nf((a, b), c)").ShouldBe("[(a, b)|c]");

    [Fact]
    public void Stringification() => Pp("#define f(x) #x\nf( a  \"b\\n\" 'c' )").ShouldBe("\"a \\\"b\\\\n\\\" 'c'\"");

    [Fact]
    public void TokenPasting() => Pp("#define g(x,y) x ## y\ng(a,b) g(1,) g(,2) g(,)").ShouldBe("ab 1 2");

    [Fact]
    public void PastingMakesAMacroNameThatIsRescanned() =>
        Pp("#define AB done\n#define cat(a,b) a##b\ncat(A,B)").ShouldBe("done");

    [Fact]
    public void PastedArgumentsAreNotPreExpanded() =>
        Pp("#define X 1\n#define cat(a,b) a##b\n#define xcat(a,b) cat(a,b)\ncat(X,2) xcat(X,2)").ShouldBe("X2 12");

    [Fact]
    public void InvalidPasteIsAnError()
    {
        var r = PreprocessorHarness.Run("#define cat(a,b) a##b\ncat(+,/)");
        r.Messages.ShouldBe(new[] { "pasting \"+\" and \"/\" does not give a valid preprocessing token" });
        r.Output.ShouldBe("+/");
    }

    [Fact]
    public void C99VariadicMacro() => Pp("#define h(...) __VA_ARGS__ | # __VA_ARGS__\nh(1, 2 ,3)").ShouldBe("1, 2 ,3 | \"1, 2 ,3\"");

    [Fact]
    public void GnuNamedVariadicMacro() => Pp("#define p(fmt, args...) printf(fmt, args)\np(\"%d\", 1, 2)").ShouldBe("printf(\"%d\", 1, 2)");

    [Fact]
    public void GnuCommaPasteDropsTheCommaOnlyWhenTheArgumentIsOmitted() =>
        Pp("#define F(...) a, ## __VA_ARGS__ b\n#define G(x, ...) a, ## __VA_ARGS__ b\nF() F(1) G(1) G(1,) G(1,2)")
            .ShouldBe("a b a,1 b a b a, b a,2 b");

    [Fact]
    public void VaOpt() =>
        Pp("#define E\n#define V(x,...) [__VA_OPT__(x ## x) __VA_OPT__(!)]\nV(1) V(1,2) V(1,E)").ShouldBe("[ ] [11 !] [ ]");

    [Fact]
    public void SelfReferenceIsNotExpandedAgain() => Pp("#define foo foo + 1\nfoo").ShouldBe("foo + 1");

    [Fact]
    public void IndirectSelfReferenceIsPainted() =>
        Pp("#define foo(x) bar x\nfoo(foo) (2)").ShouldBe("bar foo (2)");

    [Fact]
    public void ArgumentsArePreExpanded() =>
        Pp("#define ONE 1\n#define id(x) x\n#define twice(x) id(x) id(x)\ntwice(ONE)").ShouldBe("1 1");

    [Fact]
    public void ExpansionTailCompletedByFollowingText() =>
        Pp("#define f(x) <x>\n#define g f(\ng 1)").ShouldBe("<1>");

    [Fact]
    public void SpacingAvoidsAccidentalPastes() => Pp("#define OBJ +\n-OBJ OBJ= x OBJ+").ShouldBe("-+ + = x + +");

    [Fact]
    public void DirectiveInsideMacroArguments() =>
        Pp("#define a(b) b\n\na(\n#define c d\n\t)\nc").ShouldBe("d");

    [Fact]
    public void WrongArgumentCountIsAnError()
    {
        var r = PreprocessorHarness.Run("#define f(a,b) a\nf(1)\nf(1,2,3)");
        r.Messages.ShouldBe(new[]
        {
            "macro \"f\" requires 2 arguments, but only 1 given",
            "macro \"f\" passed 3 arguments, but takes just 2",
        });
    }

    [Fact]
    public void UnterminatedInvocationIsAnError()
    {
        var r = PreprocessorHarness.Run("#define f(x) x\nf(1, (2)");
        r.HasErrors.ShouldBeTrue();
        r.Messages.ShouldBe(new[] { "unterminated argument list invoking macro \"f\"" });
        r.Diagnostics[0].ToString().ShouldStartWith("main.c:2:1: error:");
    }

    [Fact]
    public void ProvenanceRecordsTopLevelInvocationsAndArguments()
    {
        var r = PreprocessorHarness.Run("#define ADD(a, b) ((a) + (b))\nint x = ADD(1, y);");
        var unit = r.Unit;
        PreprocessorHarness.Tokens(unit).ShouldBe("int x = ( ( 1 ) + ( y ) ) ;");
        var invs = unit.Record.Invocations.ToArray().Skip(1).ToArray();
        invs.Length.ShouldBe(1);
        var inv = invs[0];
        unit.Record.Macros[inv.Macro].Name.ShouldBe("ADD");
        inv.Parent.ShouldBe(0);
        inv.OutputStart.ShouldBe(3);
        inv.OutputEnd.ShouldBe(12);
        var text = unit.Sources.Regions[unit.MainRegion].File.Text;
        int b = unit.Sources.Regions[unit.MainRegion].Base;
        text.Substring(inv.NameLoc - b, inv.EndLoc - inv.NameLoc).ShouldBe("ADD(1, y)");
        var args = unit.Record.ArgumentsOf(inv).ToArray();
        args.Length.ShouldBe(2);
        text.Substring(args[1].FirstLoc - b, 1).ShouldBe("y");
        // the `y` token came from the argument: its spelling is in the file, its producer is ADD
        var y = unit.Tokens[9];
        unit.Spell(y).ShouldBe("y");
        y.Loc.ShouldBe(args[1].FirstLoc);
        y.Expansion.ShouldBe(1);
    }

    [Fact]
    public void NestedInvocationsRecordTheirParent()
    {
        var r = PreprocessorHarness.Run("#define ONE 1\n#define id(x) x\nid(ONE)");
        var invs = r.Unit.Record.Invocations.ToArray();
        // id is entered first, its argument's ONE is expanded while id's arguments are pre-expanded
        r.Unit.Record.Macros[invs[1].Macro].Name.ShouldBe("id");
        r.Unit.Record.Macros[invs[2].Macro].Name.ShouldBe("ONE");
        invs[2].Parent.ShouldBe(1);
        invs[2].TopLevel.ShouldBe(1);
    }
}
