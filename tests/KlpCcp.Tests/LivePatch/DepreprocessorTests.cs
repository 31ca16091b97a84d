using KlpCcp.Engine.LivePatch.Policy;

namespace KlpCcp.Tests.LivePatch;

/// <summary>
/// SPEC §2.11 on small units with the toy-like kernel policy: which #define/#undef lines are
/// emitted and where, and which #if groups are reproduced with their #error lines.
/// </summary>
public class DepreprocessorTests
{
    private static string Output(string main, string patched, IReadOnlyDictionary<string, string>? headers = null) =>
        LivePatchHarness.Text(main, patched, headers);

    [Fact]
    public void KeptInvocationsGetTheirDefinesAndUnusedOnesAreDropped()
    {
        Output("#define TWICE(x) (2 * (x))\n#define LIMIT 10\n#define UNUSED 5\nint f(int v)\n{\n\treturn TWICE(v) + LIMIT;\n}\n", "f")
            .ShouldBe("/* klp-ccp: from main.c */\n#define TWICE(x) (2 * (x))\n#define LIMIT 10\nint klpp_f(int v)\n{\n\treturn TWICE(v) + LIMIT;\n}\n");
    }

    [Fact]
    public void AMacroUsedOnlyInsideAStringifiedArgumentIsNotNeeded()
    {
        Output("#define S(x) #x\n#define A 1\nconst char *f(void)\n{\n\treturn S(A);\n}\n", "f")
            .ShouldBe("/* klp-ccp: from main.c */\n#define S(x) #x\nconst char *klpp_f(void)\n{\n\treturn S(A);\n}\n");
    }

    [Fact]
    public void ARenamedIdentifierThatIsAMacroGetsAnUndefAndTheDefineMovesToItsUse()
    {
        var text = Output("#define klpp_f hello\n#define S(a) S_(a)\n#define S_(a) #a\nconst char *f(void)\n{\n\treturn S(klpp_f);\n}\n", "f");
        // the function's new name forbids the macro from its original place on: the #define goes right before the invocation
        text.ShouldBe("/* klp-ccp: from main.c */\n#define S(a) S_(a)\n#define S_(a) #a\nconst char *klpp_f(void)\n{\n\treturn \n#define klpp_f hello\nS(klpp_f);\n}\n");
    }

    /// <summary>A used -D macro is synthesized after an #undef: the live patch's build may pass it with another value.</summary>
    [Fact]
    public void CommandLineMacrosAreSynthesizedWhenUsed()
    {
        using var h = LivePatchHarness.Create("int f(void)\n{\n\treturn VALUE + 1;\n}\n", null, ["f"], commandLineDirectives: ["#define VALUE 41", "#define OTHER 1"]);
        h.Result.Text.ShouldBe("#undef VALUE\n#define VALUE 41\n\n/* klp-ccp: from main.c */\nint klpp_f(void)\n{\n\treturn VALUE + 1;\n}\n");
    }

    [Fact]
    public void AHeaderTestingAMacroGetsItDefinedBeforeItsInclude()
    {
        Output("#define MODE 2\n#include <m.h>\nint f(void)\n{\n\treturn m();\n}\n", "f",
                new Dictionary<string, string> { ["inc/m.h"] = "#if MODE == 2\nstatic inline int m(void) { return 2; }\n#else\nstatic inline int m(void) { return 0; }\n#endif\n" })
            .ShouldBe("/* klp-ccp: from main.c */\n#define MODE 2\n#include <m.h>\n\nint klpp_f(void)\n{\n\treturn m();\n}\n");
    }

    [Fact]
    public void ConditionalsAroundCopiedCodeAreReproducedWithErrorLines()
    {
        Output("#define ON 1\nint f(int v)\n{\n#if !ON\n\tv = 0;\n#elif ON\n\tv++;\n#endif\n\treturn v;\n}\n", "f")
            .ShouldBe("/* klp-ccp: from main.c */\n#define ON 1\nint klpp_f(int v)\n{\n#if !ON\n#error \"klp-ccp: non-taken branch\"\n#elif ON\n\tv++;\n" +
                      "#else\n#error \"klp-ccp: a preceeding branch should have been taken\"\n#endif\n\treturn v;\n}\n");
    }

    [Fact]
    public void GroupsAroundEmittedDeclarationsAreEnteredAndLeft()
    {
        Output("#define CONFIG_X 1\n#ifdef CONFIG_X\nstatic int g(void) { return 1; }\n#endif\nint f(void)\n{\n\treturn g();\n}\n", "f")
            .ShouldBe("/* klp-ccp: from main.c */\n#define CONFIG_X 1\n#ifdef CONFIG_X\nstatic int (*klpe_g)(void);\n" +
                      "#else\n#error \"klp-ccp: a preceeding branch should have been taken\"\n#endif\nint klpp_f(void)\n{\n\treturn (*klpe_g)();\n}\n");
    }

    [Fact]
    public void GroupsThatOnlyWrapDirectivesAreDroppedBetweenDeclarations()
    {
        Output("#ifdef X\n#define L 10\n#else\n#define L 20\n#endif\nint f(void)\n{\n\treturn L;\n}\n", "f")
            .ShouldBe("/* klp-ccp: from main.c */\n#define L 20\nint klpp_f(void)\n{\n\treturn L;\n}\n");
    }

    [Fact]
    public void IncludeGuardsOfCopiedHeadersAreDropped()
    {
        Output("#include \"p-internal.h\"\nint f(void)\n{\n\treturn P;\n}\n", "f",
                new Dictionary<string, string> { ["p-internal.h"] = "#ifndef P_H\n#define P_H\n#define P 3\n#endif\n" })
            .ShouldBe("/* klp-ccp: from p-internal.h */\n#define P 3\n\n/* klp-ccp: from main.c */\nint klpp_f(void)\n{\n\treturn P;\n}\n");
    }
}
