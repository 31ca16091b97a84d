using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Toolchain;

/// <summary>
/// aarch64 predefines: a few fixed facts always, and the full comparison with Debian's
/// aarch64-linux-gnu-gcc-12 where it is installed (apt package gcc-12-aarch64-linux-gnu; the
/// comparison is vacuous on a machine without it).
/// </summary>
public class AArch64PredefinedMacrosTests
{
    private static readonly CompilerSpec Gcc12 = new(TargetArch.AArch64, 12, 2, 0);

    private static PredefinedMacros Compute(params string[] args)
    {
        var diags = new DiagnosticBag();
        return PredefinedMacros.Compute(Gcc12, CompilerInvocation.Parse([.. args, "x.c"], diags, TargetArch.AArch64), diags);
    }

    [Fact]
    public void BasicFacts()
    {
        var m = Compute();
        m.Find("__aarch64__")!.Body.ShouldBe("1");
        m.Find("__ARM_64BIT_STATE")!.Body.ShouldBe("1");
        m.Find("__ARM_ARCH")!.Body.ShouldBe("8");
        m.Find("__CHAR_UNSIGNED__")!.Body.ShouldBe("1");
        m.Find("__WCHAR_TYPE__")!.Body.ShouldBe("unsigned int");
        m.Find("__LDBL_MANT_DIG__")!.Body.ShouldBe("113");
        m.Find("__AARCH64EL__")!.Body.ShouldBe("1");
        m.Find("__ARM_NEON")!.Body.ShouldBe("1");
        m.Find("__x86_64__").ShouldBeNull();
        var kernel = Compute("-mgeneral-regs-only", "-mbranch-protection=pac-ret+leaf", "-fno-PIE");
        kernel.Find("__ARM_NEON").ShouldBeNull();
        kernel.Find("__ARM_FEATURE_PAC_DEFAULT")!.Body.ShouldBe("5");
        kernel.Find("__pie__").ShouldBeNull();
    }

    public static readonly TheoryData<string> FlagSets = new()
    {
        "", "-O2", "-mgeneral-regs-only", "-mbranch-protection=pac-ret+leaf", "-mbranch-protection=standard",
        "-mbranch-protection=bti", "-mbranch-protection=pac-ret+b-key", "-mbranch-protection=pac-ret+leaf -mbranch-protection=none",
        "-march=armv8.1-a", "-march=armv8.2-a", "-march=armv8.3-a", "-march=armv8.5-a", "-march=armv9-a", "-march=armv8-r",
        "-march=armv8-a+crypto", "-march=armv8-a+sve", "-march=armv8-a+nosimd", "-march=armv8-a+nofp", "-march=armv8.2-a+fp16",
        "-mcpu=cortex-a72", "-mcpu=neoverse-n1", "-mcpu=cortex-a53", "-mtune=cortex-a72",
        "-fno-PIE", "-fpic", "-fPIC", "-mcmodel=tiny", "-mcmodel=large -fno-PIE", "-mcmodel=tiny -fpic", "-mbig-endian",
        "-fshort-wchar", "-fsigned-char", "-ffast-math", "-funsafe-math-optimizations", "-std=c11", "-march=armv8-a+fp16 -std=c11",
        "-fno-asynchronous-unwind-tables", "-fno-asynchronous-unwind-tables -fno-unwind-tables", "-fstack-protector-strong",
        "-fsanitize=kernel-hwaddress", "-fsanitize=kernel-address", "-mgeneral-regs-only -march=armv8.5-a",
        "-mgeneral-regs-only -fno-asynchronous-unwind-tables -fno-unwind-tables -mbranch-protection=pac-ret+leaf -fno-PIE -O2 "
            + "-std=gnu11 -fshort-wchar -fno-strict-aliasing -mstack-protector-guard=sysreg -mstack-protector-guard-reg=sp_el0 "
            + "-mstack-protector-guard-offset=1234 -fstack-protector-strong -ffixed-x18 -fno-delete-null-pointer-checks",
    };

    [SkippableTheory]
    [MemberData(nameof(FlagSets))]
    public void SameAsCrossGcc(string flags)
    {
        TestEnvironment.RequireFile(ToolchainTestSupport.CrossGccAArch64, "the aarch64 cross compiler (gcc-12-aarch64-linux-gnu)");
        var args = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ours = Compute(args).Macros.Select(m => m.Line).ToList();
        var gcc = ToolchainTestSupport.GccPredefines(args, ToolchainTestSupport.CrossGccAArch64);
        var missing = gcc.Except(ours).Order().ToList();
        var extra = ours.Except(gcc).Order().ToList();
        (missing.Count + extra.Count).ShouldBe(0, $"missing: {string.Join("\n  ", missing)}\nextra: {string.Join("\n  ", extra)}");
    }
}
