namespace KlpCcp.Tests.Preprocessing;

/// <summary>Each directive and special macro (outputs checked against gcc 12's -E -P).</summary>
public class DirectiveTests
{
    private static string Pp(string src, IReadOnlyDictionary<string, string>? files = null) =>
        PreprocessorHarness.Run(src, files).Output;

    [Fact]
    public void IncludeQuotedSearchesTheIncludingFilesDirectoryFirst() =>
        Pp("#include \"sub/a.h\"", new Dictionary<string, string>
        {
            ["sub/a.h"] = "#include \"b.h\"",
            ["sub/b.h"] = "sub_b",
            ["inc/b.h"] = "inc_b",
        }).ShouldBe("sub_b");

    [Fact]
    public void IncludeAngledSearchesOnlyTheSearchPath() =>
        Pp("#include <b.h>", new Dictionary<string, string> { ["b.h"] = "local", ["inc/b.h"] = "inc_b" }).ShouldBe("inc_b");

    [Fact]
    public void IncludeNextContinuesAfterTheCurrentDirectory() =>
        Pp("#include <x.h>", new Dictionary<string, string>
        {
            ["inc/x.h"] = "first\n#include_next <x.h>",
            ["sys/x.h"] = "second",
        }).ShouldBe("first\nsecond");

    [Fact]
    public void ComputedInclude() =>
        Pp("#define H <x.h>\n#include H", new Dictionary<string, string> { ["inc/x.h"] = "x" }).ShouldBe("x");

    [Fact]
    public void IncludeGuardStopsSecondInclusion()
    {
        var r = PreprocessorHarness.Run("#include \"g.h\"\n#include \"g.h\"", new Dictionary<string, string>
        {
            ["g.h"] = "#ifndef G\n#define G\nonce\n#endif\n",
        });
        r.Output.ShouldBe("once");
        r.Unit.Record.Includes.Select(i => i.SkippedAsAlreadyIncluded).ShouldBe(new[] { false, true });
    }

    [Fact]
    public void PragmaOnce() =>
        Pp("#include \"o.h\"\n#include \"o.h\"", new Dictionary<string, string> { ["o.h"] = "#pragma once\nonce" }).ShouldBe("once");

    [Fact]
    public void MissingIncludeIsAnErrorWithLocation()
    {
        var r = PreprocessorHarness.Run("int a;\n#include \"nope.h\"\nint b;");
        r.HasErrors.ShouldBeTrue();
        r.Diagnostics.Single().ToString().ShouldBe("main.c:2:10: error: nope.h: No such file or directory");
    }

    [Fact]
    public void IncludeRecordsHowTheFileWasFound()
    {
        var r = PreprocessorHarness.Run("#include <x.h>", new Dictionary<string, string> { ["sys/x.h"] = "" });
        var inc = r.Unit.Record.Includes.Single();
        inc.Spelling.ShouldBe("<x.h>");
        inc.ResolvedPath.ShouldBe("sys/x.h");
        inc.Lookup.ShouldBe(KlpCcp.Engine.Preprocessing.IncludeLookup.SearchPath);
        inc.SearchDirectory.ShouldBe(1);
    }

    [Fact]
    public void DefineAndUndef() => Pp("#define A 1\nA\n#undef A\nA").ShouldBe("1\nA");

    [Fact]
    public void IncompatibleRedefinitionWarnsAndTakesEffect()
    {
        var r = PreprocessorHarness.Run("#define A 1\n#define A 2\nA");
        r.Output.ShouldBe("2");
        r.HasErrors.ShouldBeFalse();
        r.Messages.ShouldBe(new[] { "\"A\" redefined" });
    }

    [Fact]
    public void IdenticalRedefinitionIsSilent() =>
        PreprocessorHarness.Run("#define A (1 +  2)\n#define A (1 + 2)\nA").Diagnostics.ShouldBeEmpty();

    [Fact]
    public void ConditionalsTakeTheFirstTrueBranch() =>
        Pp("#if 0\na\n#elif 1\nb\n#elif 1\nc\n#else\nd\n#endif").ShouldBe("b");

    [Fact]
    public void IfdefIfndef() => Pp("#define X\n#ifdef X\nx\n#endif\n#ifndef X\ny\n#else\nz\n#endif").ShouldBe("x\nz");

    [Fact]
    public void ElifdefElifndef() => Pp("#define X\n#if 0\n#elifdef X\nx\n#endif\n#if 0\n#elifndef Y\ny\n#endif").ShouldBe("x\ny");

    [Fact]
    public void IfArithmeticUsesIntmaxWithUsualConversions() =>
        Pp("#if 0x8000000000000000UL > 0\nbig\n#endif\n#if -1 > 0u\nconv\n#endif\n#if (2 || 1/0) && !(0 && 1/0)\nshort\n#endif")
            .ShouldBe("big\nconv\nshort");

    [Fact]
    public void IfDefinedAndUndefinedIdentifiers() =>
        Pp("#define A 0\n#if defined A && !defined(B) && !A && !B\nok\n#endif").ShouldBe("ok");

    [Fact]
    public void IfCharacterConstantsAndShifts() =>
        Pp("#if '\\377' < 0 && 'ab' == 24930 && (1 << 63) < 0 && (-1 >> 70) == -1\nok\n#endif").ShouldBe("ok");

    [Fact]
    public void ConditionalGroupsAreRecorded()
    {
        var r = PreprocessorHarness.Run("#define X 1\n#if X\na\n#else\nb\n#endif");
        var g = r.Unit.Record.Conditionals.Single();
        g.Branches.Select(b => b.Value).ShouldBe(new bool?[] { true, false });
        g.TakenBranch.ShouldBe(0);
        r.Unit.Names[g.Branches[0].MacrosUsed.Single()].ShouldBe("X");
    }

    [Fact]
    public void SkippedGroupsIgnoreEverythingButConditionals() =>
        Pp("#if 0\n#error no\n#include \"missing.h\"\n#bogus\n'unterminated\n/* #endif */\n#endif\nok").ShouldBe("ok");

    [Fact]
    public void UnterminatedIfIsAnError()
    {
        var r = PreprocessorHarness.Run("#if 1\na");
        r.Diagnostics.Single().ToString().ShouldBe("main.c:1:1: error: unterminated #if");
    }

    [Fact]
    public void ElseWithoutIfIsAnError() =>
        PreprocessorHarness.Run("#else\n#endif").Messages.ShouldBe(new[] { "#else without #if", "#endif without #if" });

    [Fact]
    public void DivisionByZeroInIfIsAnError() =>
        PreprocessorHarness.Run("#if 1/0\n#endif").Messages.ShouldBe(new[] { "division by zero in #if" });

    [Fact]
    public void MalformedIfIsAnError() =>
        PreprocessorHarness.Run("#if 1 +\n#endif\n#if (1\n#endif\n#if 1 2\n#endif").Messages.ShouldBe(new[]
        {
            "operator '+' has no right operand",
            "missing ')' in expression",
            "missing binary operator before token \"2\"",
        });

    [Fact]
    public void ErrorDirectiveIsAnErrorWarningIsNot()
    {
        var r = PreprocessorHarness.Run("#warning careful  now\n#error stop here");
        r.Diagnostics.Select(d => d.ToString()).ShouldBe(new[]
        {
            "main.c:1:1: warning: #warning careful now",
            "main.c:2:1: error: #error stop here",
        });
    }

    [Fact]
    public void LineDirectiveChangesLineAndFile() =>
        Pp("#line 100 \"foo.c\"\n__LINE__ __FILE__\n__LINE__").ShouldBe("100 \"foo.c\"\n101");

    [Fact]
    public void LineMacroInMultiLineInvocationsUsesTheInvocationLine() =>
        Pp("#define f(x) x __LINE__\nf(\n__LINE__\n)\n#define G4(x) x __LINE__\n#define H(x) x\n#define O1 1\nG4(\nH(1) O1\n)")
            .ShouldBe("3 2\n1 1 8");

    [Fact]
    public void FileMacroHonoursMacroPrefixMap()
    {
        var r = PreprocessorHarness.Run("#include \"./sub/f.h\"", new Dictionary<string, string> { ["sub/f.h"] = "__FILE__ __BASE_FILE__ __INCLUDE_LEVEL__" },
            o => new KlpCcp.Engine.Preprocessing.PreprocessorOptions
            {
                MainFile = o.MainFile, WorkingDirectory = o.WorkingDirectory, ReadFile = o.ReadFile, SearchPath = o.SearchPath,
                MacroPrefixMap = new[] { ("./", "") },
            });
        r.Output.ShouldBe("\"sub/f.h\" \"main.c\" 1");
    }

    [Fact]
    public void CounterDateTime() =>
        Pp("__COUNTER__ __COUNTER__ __DATE__ __TIME__").ShouldBe("0 1 \"Nov  6 2026\" \"08:09:10\"");

    [Fact]
    public void HasIncludeHasAttributeHasBuiltin()
    {
        var r = PreprocessorHarness.Run(
            "#if __has_include(<x.h>) && !__has_include(\"no.h\") && __has_attribute(__packed__) && !__has_attribute(bogus) && __has_builtin(__builtin_expect)\nok\n#endif\n__has_attribute(fallthrough)",
            new Dictionary<string, string> { ["inc/x.h"] = "" },
            o => new KlpCcp.Engine.Preprocessing.PreprocessorOptions
            {
                MainFile = o.MainFile, WorkingDirectory = o.WorkingDirectory, ReadFile = o.ReadFile, SearchPath = o.SearchPath,
                HasAttribute = n => n == "packed" ? 1 : 0,
                HasBuiltin = n => n == "__builtin_expect",
            });
        r.Output.ShouldBe("ok\n201904");
    }

    [Fact]
    public void PragmasArePassedOnOrRun()
    {
        var r = PreprocessorHarness.Run("#pragma GCC diagnostic push\n_Pragma(\"omp parallel\") int q;\n#define M 1\n#pragma push_macro(\"M\")\n#undef M\nM\n#pragma pop_macro(\"M\")\nM\n#pragma GCC poison bad\nbad");
        r.Output.ShouldBe("#pragma GCC diagnostic push\n#pragma omp parallel\nint q;\nM\n1\nbad");
        r.Messages.ShouldBe(new[] { "attempt to use poisoned \"bad\"" });
    }

    [Fact]
    public void IdentIsPassedOn() => Pp("#ident \"v1\"\nx").ShouldBe("#ident \"v1\"\nx");

    [Fact]
    public void InvalidDirectiveIsAnError() =>
        PreprocessorHarness.Run("#foo bar").Diagnostics.Single().ToString().ShouldBe("main.c:1:2: error: invalid preprocessing directive #foo");

    [Fact]
    public void MalformedDefinesAreErrors() =>
        PreprocessorHarness.Run("#define\n#define 3\n#define f(a,a) a\n#define g(x) #y\n#define h ## x\n#define defined").Messages.ShouldBe(new[]
        {
            "no macro name given in #define directive",
            "macro names must be identifiers",
            "duplicate macro parameter \"a\"",
            "'#' is not followed by a macro parameter",
            "'##' cannot appear at either end of a macro expansion",
            "\"defined\" cannot be used as a macro name",
        });
}
