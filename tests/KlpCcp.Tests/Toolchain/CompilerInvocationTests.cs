using System.Text.RegularExpressions;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Toolchain;

public class CompilerInvocationTests
{
    private static CompilerInvocation Parse(string args, out DiagnosticBag diags)
    {
        diags = new DiagnosticBag();
        return CompilerInvocation.Parse(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), diags);
    }

    public static TheoryData<string> KernelCases() => new(ToolchainTestSupport.KernelCaseNames());

    [SkippableTheory]
    [MemberData(nameof(KernelCases))]
    public void ParsesEveryKernelCommandLine(string caseName)
    {
        TestEnvironment.RequireShared();
        var text = ToolchainTestSupport.ReadCmd(caseName);
        var diags = new DiagnosticBag();
        var inv = CompilerInvocation.ParseCommand(text, diags);
        diags.Items.ShouldBeEmpty(); // every kbuild option is known, nothing missing

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        inv.InputFile.ShouldBe(words[^1]);
        inv.OutputFile.ShouldBe(words[^2]);
        inv.Mode.ShouldBe(CompilationMode.Compile);
        inv.NoStdInc.ShouldBeTrue();
        inv.BracketDirs.ShouldBe(["./arch/x86/include", "./arch/x86/include/generated", "./include", "./arch/x86/include/uapi",
            "./arch/x86/include/generated/uapi", "./include/uapi", "./include/generated/uapi"]);
        inv.QuoteDirs.ShouldBeEmpty();
        inv.SystemDirs.ShouldBeEmpty();
        inv.PreIncludes.ShouldBe(["./include/linux/compiler-version.h", "./include/linux/kconfig.h", "./include/linux/compiler_types.h"]);
        inv.Standard.ShouldBe(new CStandard(CStandardRevision.C11, true));
        inv.OptimizationLevel.ShouldBe("2");
        inv.MacroPrefixMaps.ShouldBe([new PrefixMap("./", "")]);

        // -D in order, values after the shell removed its quoting: KBUILD_MODNAME is the string literal "sys"
        string Literal(string name) => "\"" + Regex.Match(text, $"-D{name}='\"([^\"]*)\"'").Groups[1].Value + "\"";
        inv.MacroOperations.Select(m => (m.Kind, m.Name, m.Value)).ShouldBe(
        [
            (MacroOperationKind.Define, "__KERNEL__", "1"),
            (MacroOperationKind.Define, "KBUILD_MODFILE", Literal("KBUILD_MODFILE")),
            (MacroOperationKind.Define, "KBUILD_BASENAME", Literal("KBUILD_BASENAME")),
            (MacroOperationKind.Define, "KBUILD_MODNAME", Literal("KBUILD_MODNAME")),
            (MacroOperationKind.Define, "__KBUILD_MODNAME", Regex.Match(text, @"-D__KBUILD_MODNAME=(\S+)").Groups[1].Value),
        ]);
        // -Wp,-MMD,file is a preprocessor option with its file argument
        var mmd = inv.Options.Single(o => o.Name == "-MMD");
        mmd.ViaPreprocessor.ShouldBeTrue();
        mmd.Argument.ShouldBe(Regex.Match(text, @"-Wp,-MMD,(\S+)").Groups[1].Value);
        inv.TargetOptions.Select(o => o.Text).ShouldContain("-mcmodel=kernel");
        inv.CodeGenOptions.Select(o => o.Text).ShouldContain("-ftrivial-auto-var-init=zero");
    }

    [Fact]
    public void KbuildModnameKeepsItsQuotes()
    {
        var diags = new DiagnosticBag();
        var inv = CompilerInvocation.ParseCommand("gcc -DKBUILD_MODNAME='\"sys\"' -c kernel/sys.c", diags);
        var op = inv.MacroOperations.Single();
        op.Name.ShouldBe("KBUILD_MODNAME");
        op.Value.ShouldBe("\"sys\"");
        op.Directive.ShouldBe("#define KBUILD_MODNAME \"sys\"");
    }

    [Fact]
    public void JoinedAndSeparateArguments()
    {
        var inv = Parse("-I a -Ib -iquote q1 -iquoteq2 -isystem s1 -isystems2 -idirafter d1 -idirafterd2 -include f1.h -includef2.h "
                        + "-imacros m1.h -imacrosm2.h -D X -DY=2 -U Z -UW -o out.o -x c in.c", out var diags);
        diags.Items.ShouldBeEmpty();
        inv.BracketDirs.ShouldBe(["a", "b"]);
        inv.QuoteDirs.ShouldBe(["q1", "q2"]);
        inv.SystemDirs.ShouldBe(["s1", "s2"]);
        inv.AfterDirs.ShouldBe(["d1", "d2"]);
        inv.PreIncludes.ShouldBe(["f1.h", "f2.h"]);
        inv.MacroIncludes.ShouldBe(["m1.h", "m2.h"]);
        inv.MacroOperations.Select(m => m.Directive).ShouldBe(["#define X 1", "#define Y 2", "#undef Z", "#undef W"]);
        inv.OutputFile.ShouldBe("out.o");
        inv.Language.ShouldBe("c");
        inv.InputFile.ShouldBe("in.c");
    }

    [Fact]
    public void FunctionLikeAndEmptyDefines()
    {
        var inv = Parse("-Dn(x)=x -DE= -DF(a,b) x.c", out var diags);
        diags.Items.ShouldBeEmpty();
        inv.MacroOperations.Select(m => (m.Name, m.Parameters, m.Value, m.Directive)).ShouldBe(
        [
            ("n", "(x)", "x", "#define n(x) x"),
            ("E", null, "", "#define E "),
            ("F", "(a,b)", "1", "#define F(a,b) 1"),
        ]);
    }

    [Theory]
    [InlineData("-D3x x.c", "macro names must be identifiers: '-D3x'")]
    [InlineData("-U a=b x.c", "macro names must be identifiers: '-Ua=b'")]
    [InlineData("-D x.c", "no input file")] // -D takes x.c as its argument
    public void BadMacroOptions(string args, string message)
    {
        Parse(args, out var diags);
        diags.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Message).ShouldContain(message);
    }

    [Theory]
    [InlineData("x.c -I")]
    [InlineData("x.c -include")]
    [InlineData("x.c -o")]
    [InlineData("x.c -MF")]
    [InlineData("x.c -isystem")]
    [InlineData("x.c -D")]
    [InlineData("x.c -Xpreprocessor")]
    public void MissingArgumentIsAnError(string args)
    {
        Parse(args, out var diags);
        var option = args.Split(' ')[^1];
        diags.Items.Single().ShouldBe(Diagnostic.Error($"missing argument to gcc option '{option}'"));
    }

    [Theory]
    [InlineData("-fxyz")]
    [InlineData("-mfoo-bar")]
    [InlineData("-Wno-such-warning")]
    [InlineData("--frobnicate")]
    [InlineData("-Werror=no-such-warning")]
    public void UnknownOptionIsOnlyAWarning(string option)
    {
        var inv = Parse($"-O2 {option} x.c", out var diags);
        diags.HasErrors.ShouldBeFalse();
        diags.Items.Single().ShouldBe(Diagnostic.Warning($"unrecognized gcc option '{option}' ignored"));
        inv.InputFile.ShouldBe("x.c");
        inv.Options.Single(o => o.Text == option).Known.ShouldBeFalse();
    }

    [Theory]
    [InlineData("-mindirect-branch-cs-prefix")]
    [InlineData("-ftrivial-auto-var-init=zero")]
    [InlineData("-fno-strict-overflow")]
    [InlineData("-Wframe-larger-than=2048")]
    [InlineData("-Werror=implicit-function-declaration")]
    [InlineData("-Wno-error=unused")]
    [InlineData("-fno-builtin-wcslen")]
    [InlineData("-g3")]
    [InlineData("-gdwarf-4")]
    [InlineData("-pipe")]
    [InlineData("-pthread")]
    [InlineData("-Os")]
    [InlineData("--param=allow-store-data-races=0")]
    [InlineData("-MD")]
    [InlineData("-dM")]
    [InlineData("-fmacro-prefix-map=a=b")]
    [InlineData("-mbranch-protection=pac-ret+leaf")] // aarch64 option: known when no arch is given
    [InlineData("-pedantic")]
    [InlineData("-ansi")]
    [InlineData("-w")]
    [InlineData("-fsyntax-only")]
    [InlineData("-mno-red-zone")]
    [InlineData("-fno-PIE")]
    [InlineData("-static")]
    [InlineData("-fplugin-arg-foo-bar=1")]
    [InlineData("-fdump-tree-all")]
    [InlineData("-Wl,--as-needed")]
    [InlineData("-Wa,-mx86-used-note=no")]
    public void KnownOptionsAreQuiet(string option)
    {
        Parse($"{option} x.c", out var diags);
        diags.Items.ShouldBeEmpty();
    }

    [Fact]
    public void TargetSpecificOptionsFollowTheArch()
    {
        var diags = new DiagnosticBag();
        CompilerInvocation.Parse(["-mbranch-protection=none", "x.c"], diags, TargetArch.X86_64);
        diags.Items.Single().Message.ShouldBe("unrecognized gcc option '-mbranch-protection=none' ignored");
        diags = new DiagnosticBag();
        CompilerInvocation.Parse(["-mbranch-protection=none", "-mgeneral-regs-only", "x.c"], diags, TargetArch.AArch64);
        diags.Items.ShouldBeEmpty();
    }

    [Fact]
    public void InputFileCount()
    {
        Parse("-O2 -c", out var diags);
        diags.Items.Single().ShouldBe(Diagnostic.Error("no input file"));
        Parse("a.c -c b.c", out diags);
        diags.Items.Single().ShouldBe(Diagnostic.Error("more than one input file: 'a.c' and 'b.c'"));
    }

    [Fact]
    public void PreprocessorOptionsViaWp()
    {
        var inv = Parse("-Wp,-MD,dep.d,-DFOO=1,-Iinc,-U,BAR x.c", out var diags);
        diags.Items.ShouldBeEmpty();
        inv.Options.Where(o => o.ViaPreprocessor).Select(o => (o.Name, o.Argument)).ShouldBe(
            [("-MD", "dep.d"), ("-D", "FOO=1"), ("-I", "inc"), ("-U", "BAR")]);
        inv.MacroOperations.Select(m => m.Directive).ShouldBe(["#define FOO 1", "#undef BAR"]);
        inv.BracketDirs.ShouldBe(["inc"]);
        inv.Options.ShouldAllBe(o => o.Position == 0); // pieces point at their -Wp, word
        // outside -Wp, -MD takes no argument
        inv = Parse("-MD x.c", out diags);
        diags.Items.ShouldBeEmpty();
        inv.InputFile.ShouldBe("x.c");
    }

    [Fact]
    public void DependencyOptionsTakeSeparateArguments()
    {
        var inv = Parse("-MD -MF dep.d -MT target -MQ quoted -MP x.c", out var diags);
        diags.Items.ShouldBeEmpty();
        inv.Options.Select(o => o.Text).ShouldBe(["-MD", "-MFdep.d", "-MTtarget", "-MQquoted", "-MP"]);
        inv.InputFile.ShouldBe("x.c");
    }

    [Theory]
    [InlineData("", "0")]
    [InlineData("-O", "1")]
    [InlineData("-O0", "0")]
    [InlineData("-O2", "2")]
    [InlineData("-O3 -Os", "s")]
    [InlineData("-Ofast", "fast")]
    [InlineData("-Og", "g")]
    [InlineData("-Oz", "z")]
    public void OptimizationLevel(string flags, string level)
    {
        var inv = Parse($"{flags} x.c", out var diags);
        diags.Items.ShouldBeEmpty();
        inv.OptimizationLevel.ShouldBe(level);
        inv.OptimizeForSize.ShouldBe(level is "s" or "z");
    }

    [Fact]
    public void BadOptimizationLevelIsWarnedAndIgnored()
    {
        var inv = Parse("-O2 -Ofoo x.c", out var diags);
        inv.OptimizationLevel.ShouldBe("2");
        diags.Items.Single().ShouldBe(Diagnostic.Warning("unrecognized gcc option '-Ofoo' ignored"));
    }

    [Theory]
    [InlineData("-std=gnu11", CStandardRevision.C11, true)]
    [InlineData("-std=c99", CStandardRevision.C99, false)]
    [InlineData("-ansi", CStandardRevision.C89, false)]
    [InlineData("-ansi -std=gnu17", CStandardRevision.C17, true)]
    [InlineData("-std=gnu17 -ansi", CStandardRevision.C89, false)]
    [InlineData("-std=iso9899:2011", CStandardRevision.C11, false)]
    [InlineData("-std=gnu2x", CStandardRevision.C2x, true)]
    public void Standard(string flags, CStandardRevision revision, bool gnu) =>
        Parse($"{flags} x.c", out _).Standard.ShouldBe(new CStandard(revision, gnu));

    [Fact]
    public void NonCStandardIsWarnedAndIgnored()
    {
        var inv = Parse("-std=gnu11 -std=c++17 x.c", out var diags);
        inv.Standard.ShouldBe(new CStandard(CStandardRevision.C11, true));
        diags.Items.Single().Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void PrefixMaps()
    {
        var inv = Parse("-fmacro-prefix-map=/src/=a/ -ffile-prefix-map=/src/linux/=b/ -fdebug-prefix-map=/x=/y x.c", out var diags);
        diags.Items.ShouldBeEmpty();
        inv.MacroPrefixMaps.ShouldBe([new PrefixMap("/src/", "a/"), new PrefixMap("/src/linux/", "b/")]);
        // the last matching map wins, as in gcc
        PrefixMap.Apply(inv.MacroPrefixMaps, "/src/linux/kernel/sys.c").ShouldBe("b/kernel/sys.c");
        PrefixMap.Apply(inv.MacroPrefixMaps, "/src/mm/x.c").ShouldBe("a/mm/x.c");
        PrefixMap.Apply(inv.MacroPrefixMaps, "kernel/sys.c").ShouldBe("kernel/sys.c");
        PrefixMap.Apply([new PrefixMap("./", "")], "./include/linux/kconfig.h").ShouldBe("include/linux/kconfig.h");
        Parse("-fmacro-prefix-map=nomap x.c", out diags);
        diags.Items.Single().ShouldBe(Diagnostic.Error("invalid argument 'nomap' to '-fmacro-prefix-map'"));
    }

    [Fact]
    public void IMinusSplitsTheQuoteChain()
    {
        var inv = Parse("-iquote old -I a -I b -I- -I c -iquote q x.c", out var diags);
        diags.Items.ShouldBeEmpty();
        inv.QuoteIgnoresSourceDir.ShouldBeTrue();
        inv.QuoteDirs.ShouldBe(["a", "b", "q"]);   // gcc drops the -iquote dirs given before -I-
        inv.BracketDirs.ShouldBe(["c"]);
    }

    [Fact]
    public void ModesAndFlags()
    {
        var inv = Parse("-E -nostdinc -undef x.c", out _);
        inv.Mode.ShouldBe(CompilationMode.Preprocess);
        inv.NoStdInc.ShouldBeTrue();
        inv.Undef.ShouldBeTrue();
        Parse("-S x.c", out _).Mode.ShouldBe(CompilationMode.Assemble);
        Parse("x.c", out _).Mode.ShouldBe(CompilationMode.Link);
    }

    [Fact]
    public void ArgumentsArrayIsNotShellUnquoted()
    {
        var diags = new DiagnosticBag();
        var inv = CompilerInvocation.Parse(["-DX='\"s\"'", "x.c"], diags);
        inv.MacroOperations.Single().Value.ShouldBe("'\"s\"'");
    }
}
