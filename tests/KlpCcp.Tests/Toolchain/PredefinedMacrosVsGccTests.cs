using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Toolchain;

/// <summary>
/// PredefinedMacros must equal what /usr/bin/gcc (12.2, x86_64) prints for the same flags:
/// the same set of "#define NAME BODY" lines, nothing missing, nothing extra.
/// </summary>
public class PredefinedMacrosVsGccTests
{
    private static readonly CompilerSpec Gcc12 = new(TargetArch.X86_64, 12, 2, 0);

    /// <summary>Flag sets that change predefines, checked one by one against gcc.</summary>
    public static readonly TheoryData<string> FlagSets = new()
    {
        "",
        "-O0", "-O1", "-O2", "-O3", "-Os", "-Oz", "-Og", "-Ofast", "-O", "-O2 -O0", "-O2 -fno-inline", "-O0 -finline",
        "-fno-PIE", "-fpie", "-fPIE", "-fpic", "-fPIC", "-fPIC -fno-pie", "-fpie -fPIC", "-fPIC -fpie", "-fno-pic",
        "-fstack-protector", "-fstack-protector-strong", "-fstack-protector-all", "-fstack-protector-explicit",
        "-fstack-protector-all -fno-stack-protector", "-fstack-protector-strong -fstack-protector",
        "-fcf-protection", "-fcf-protection=branch", "-fcf-protection=return", "-fcf-protection=none", "-fcf-protection=full",
        "-fshort-wchar", "-funsigned-char", "-fno-signed-char", "-funsigned-char -fsigned-char",
        "-std=gnu89", "-std=gnu99", "-std=gnu11", "-std=gnu17", "-std=gnu2x", "-std=c89", "-std=c90", "-std=c99",
        "-std=c11", "-std=c17", "-std=c2x", "-std=iso9899:199409", "-ansi", "-std=gnu11 -ansi", "-ansi -std=gnu11",
        "-fgnu89-inline", "-std=c11 -fgnu89-inline", "-ffreestanding", "-fhosted",
        "-undef", "-undef -pthread", "-pthread", "-posix", "-fopenmp", "-fopenacc", "-fgnu-tm",
        "-ffast-math", "-fno-fast-math", "-ffast-math -fno-fast-math", "-Ofast -fno-fast-math", "-ffast-math -fno-finite-math-only",
        "-ffinite-math-only", "-fno-signed-zeros", "-fno-trapping-math", "-freciprocal-math", "-fno-math-errno",
        "-funsafe-math-optimizations", "-fsignaling-nans", "-frounding-math", "-fcx-limited-range", "-fcx-fortran-rules",
        "-ffast-math -fsignaling-nans", "-ffast-math -fexcess-precision=standard", "-std=c11 -ffast-math",
        "-fassociative-math -fno-trapping-math -fno-signed-zeros", "-fsingle-precision-constant", "-std=c11 -ffp-contract=fast",
        "-fno-asynchronous-unwind-tables", "-fno-asynchronous-unwind-tables -g", "-fno-asynchronous-unwind-tables -funwind-tables",
        "-fno-asynchronous-unwind-tables -fexceptions", "-fno-asynchronous-unwind-tables -g -g0", "-fno-dwarf2-cfi-asm",
        "-fexceptions", "-fnon-call-exceptions",
        "-fsanitize=address", "-fsanitize=kernel-address", "-fsanitize=thread", "-fsanitize=undefined",
        "-mno-sse", "-mno-sse2", "-mno-mmx", "-mno-3dnow", "-mno-avx", "-mno-80387", "-msoft-float", "-mgeneral-regs-only",
        "-msse3", "-mssse3", "-msse4.1", "-msse4.2", "-msse4", "-mno-sse4", "-msse4 -mno-sse4", "-mavx", "-mavx2", "-mavx512f",
        "-mavx512fp16", "-mavx512fp16 -std=c11", "-mfma", "-mfma4", "-mxop", "-maes", "-mpclmul", "-mpopcnt", "-mabm",
        "-mbmi", "-mbmi2", "-mlzcnt", "-mcx16", "-msahf", "-mshstk", "-mrdrnd", "-mxsaveopt", "-mkl", "-mwidekl",
        "-mfpmath=387", "-mfpmath=387 -std=c11", "-mfpmath=387 -std=c11 -fexcess-precision=fast", "-mfpmath=sse,387",
        "-mfpmath=both -mno-80387", "-mfpmath=387 -mno-80387", "-mfpmath=sse -mno-sse", "-mno-sse2 -std=c11",
        "-mfma -mfpmath=387", "-mno-sse -std=c11",
        "-mcmodel=medium", "-mcmodel=large", "-fno-pie -mcmodel=kernel",
        "-march=x86-64-v2", "-march=x86-64-v3", "-march=x86-64-v4", "-march=haswell", "-march=skylake-avx512",
        "-march=znver3", "-march=k8", "-march=core2", "-march=nehalem -mno-sse4.2", "-march=haswell -mtune=generic",
        "-mtune=haswell", "-mtune=nehalem", "-mtune=intel", "-march=haswell -mno-avx", "-mno-avx -march=haswell",
        "-march=x86-64 -mavx2 -mno-popcnt", "-march=btver2 -mno-abm",
        "-fno-pie -mcmodel=kernel -mno-sse -mno-mmx -mno-sse2 -mno-3dnow -mno-avx -mno-80387 -O2",
        // gcc prunes all but the last of one negatable flag; order matters otherwise
        "-mno-sse -msse", "-msse -mno-sse", "-mno-avx2 -mavx", "-mavx -mno-avx2", "-mno-sse4.2 -msse4", "-mavx2 -mno-sse3",
        "-fno-math-errno -ffast-math -fno-fast-math", "-fcx-limited-range -ffast-math -fno-fast-math",
        "-ffast-math -fno-fast-math -ffast-math", "-fno-fast-math -Ofast", "-fno-math-errno -fno-fast-math",
        "-O2 -fno-inline -finline", "-fpic -fno-pic", "-mgeneral-regs-only -msse2", "-msse2 -mgeneral-regs-only",
        "-fno-asynchronous-unwind-tables -gsplit-dwarf", "-fno-asynchronous-unwind-tables -gctf", "-fno-asynchronous-unwind-tables -gbtf",
        "-fno-asynchronous-unwind-tables -gctf -gctf0", "-fno-asynchronous-unwind-tables -gctf0", "-fno-asynchronous-unwind-tables -g -ggdb0", "-fno-asynchronous-unwind-tables -g -gdwarf-5",
        "-fno-asynchronous-unwind-tables -g1", "-fno-asynchronous-unwind-tables -ggdb3", "-fno-asynchronous-unwind-tables -gdwarf-4",
        "-fno-asynchronous-unwind-tables -gz", "-fsanitize=address -fno-sanitize=address", "-fsanitize=kernel-address,undefined",
        "-m64 -mno-red-zone -mindirect-branch=thunk-extern -mfunction-return=thunk-extern -mskip-rax-setup -mpreferred-stack-boundary=3",
        "-fno-omit-frame-pointer -fno-common -fno-strict-aliasing -fwrapv -fno-strict-overflow -fpack-struct -fshort-enums",
        "-ftrivial-auto-var-init=zero -fzero-call-used-regs=used-gpr -fno-stack-clash-protection -fpatchable-function-entry=16,16",
        "-ffreestanding -fno-builtin -nostdinc -fno-PIE -std=gnu89", "-std=gnu11 -fexcess-precision=standard",
        "-march=x86-64 -mtune=generic -mno-sse -mfpmath=387", "-march=icelake-server -mno-avx512f", "-march=alderlake",
    };

    [Theory]
    [MemberData(nameof(FlagSets))]
    public void SameAsGcc(string flags)
    {
        var args = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        CompareWithGcc(args, args);
    }

    public static TheoryData<string> KernelCases() => new(ToolchainTestSupport.KernelCaseNames());

    /// <summary>Every kernel case's full flag set (minus -D/-U/-include, input and outputs).</summary>
    [SkippableTheory]
    [MemberData(nameof(KernelCases))]
    public void SameAsGccForKernelCase(string caseName)
    {
        TestEnvironment.RequireShared();
        var diags = new DiagnosticBag();
        var args = ShellCommandLine.SplitCompilerCommand(ToolchainTestSupport.ReadCmd(caseName), diags);
        var inv = CompilerInvocation.Parse(args, diags);
        diags.HasErrors.ShouldBeFalse();
        // what gcc must not see: the input and output, dependency output, -D/-U (not predefines), pre-includes
        var skip = new HashSet<int>();
        foreach (var o in inv.Options)
        {
            if (o.Name is "-o" or "-D" or "-U" or "-include" or "-imacros" or "-Wp," or "-c")
            {
                skip.Add(o.Position);
                if (o.Position + 1 < args.Length && args[o.Position] == o.Name) skip.Add(o.Position + 1); // separate argument
            }
        }
        skip.Add(Array.LastIndexOf(args, inv.InputFile));
        var gccArgs = args.Where((_, i) => !skip.Contains(i)).ToArray();
        CompareWithGcc(args, gccArgs);
    }

    private static void CompareWithGcc(string[] ourArgs, string[] gccArgs)
    {
        var diags = new DiagnosticBag();
        var inv = CompilerInvocation.Parse([.. ourArgs, "t.c"], diags);
        var ours = PredefinedMacros.Compute(Gcc12, inv, diags).Macros.Select(m => m.Line).ToList();
        ours.Count.ShouldBe(ours.Distinct().Count(), "duplicate macros");
        var gcc = ToolchainTestSupport.GccPredefines(gccArgs);
        var missing = gcc.Except(ours).Order().ToList();
        var extra = ours.Except(gcc).Order().ToList();
        (missing.Count + extra.Count).ShouldBe(0,
            $"flags: {string.Join(' ', gccArgs)}\nmissing: {string.Join("\n  ", missing)}\nextra: {string.Join("\n  ", extra)}");
    }
}
