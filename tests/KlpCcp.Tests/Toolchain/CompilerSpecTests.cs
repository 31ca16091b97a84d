using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Toolchain;

public class CompilerSpecTests
{
    [Theory]
    [InlineData("x86_64-gcc-12.2.0", TargetArch.X86_64, 12, 2, 0)]
    [InlineData("aarch64-gcc-9.3.1", TargetArch.AArch64, 9, 3, 1)]
    [InlineData("x86_64-gcc-4.8.0", TargetArch.X86_64, 4, 8, 0)]
    [InlineData("x86_64-gcc-14.10.123", TargetArch.X86_64, 14, 10, 123)]
    public void ParsesWellFormedSpecs(string text, TargetArch arch, int major, int minor, int patch)
    {
        var diags = new DiagnosticBag();
        var spec = CompilerSpec.Parse(text, diags);
        diags.Count.ShouldBe(0);
        spec.ShouldBe(new CompilerSpec(arch, major, minor, patch));
        spec!.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("x86_64", "compiler version specification missing in 'x86_64'")]
    [InlineData("gcc12", "compiler version specification missing in 'gcc12'")]
    [InlineData("x86_64-gcc", "unrecognized compiler specification 'x86_64'")]
    [InlineData("arm-gcc-12.2.0", "unrecognized compiler specification 'arm-gcc'")]
    [InlineData("x86_64-clang-15.0.0", "unrecognized compiler specification 'x86_64-clang'")]
    [InlineData("x86_64-gcc-12.2", "compiler version specifier '12.2' has invalid format")]
    [InlineData("x86_64-gcc-12.2.0.1", "compiler version specifier '12.2.0.1' has invalid format")]
    [InlineData("x86_64-gcc-12.x.0", "compiler version specifier '12.x.0' has invalid format")]
    [InlineData("x86_64-gcc-", "compiler version specifier '' has invalid format")]
    [InlineData("x86_64-gcc-4.7.4", "unrecognized compiler version '4.7.4'")]
    public void ReportsErrors(string text, string message)
    {
        var diags = new DiagnosticBag();
        CompilerSpec.Parse(text, diags).ShouldBeNull();
        diags.Items.Count.ShouldBe(1);
        diags.Items[0].Severity.ShouldBe(Severity.Error);
        diags.Items[0].Message.ShouldBe(message);
    }

    [Fact]
    public void UnmeasuredVersionIsApproximatedWithAWarning()
    {
        var diags = new DiagnosticBag();
        var spec = CompilerSpec.Parse("x86_64-gcc-13.1.0", diags)!;
        var inv = CompilerInvocation.Parse(["t.c"], diags);
        var macros = PredefinedMacros.Compute(spec, inv, diags);
        diags.Items.Select(d => (d.Severity, d.Message)).ShouldBe(
            [(Severity.Warning, "predefined macros of gcc 13.1.0 approximated from gcc 12.2.0")]);
        macros.ApproximatedFrom.ShouldBe("12.2.0");
        macros.Find("__GNUC__")!.Body.ShouldBe("13");
        macros.Find("__GNUC_MINOR__")!.Body.ShouldBe("1");
        macros.Find("__GNUC_PATCHLEVEL__")!.Body.ShouldBe("0");
        macros.Find("__VERSION__")!.Body.ShouldBe("\"13.1.0\"");
    }

    [Fact]
    public void MeasuredVersionIsExact()
    {
        var diags = new DiagnosticBag();
        var macros = PredefinedMacros.Compute(new CompilerSpec(TargetArch.X86_64, 12, 2, 0), CompilerInvocation.Parse(["t.c"], diags), diags);
        diags.Count.ShouldBe(0);
        macros.ApproximatedFrom.ShouldBeNull();
        macros.Find("__VERSION__")!.Body.ShouldBe("\"12.2.0\"");
    }

    [Fact]
    public void OldGccDefaultsToItsOwnDialect()
    {
        var diags = new DiagnosticBag();
        var macros = PredefinedMacros.Compute(new CompilerSpec(TargetArch.X86_64, 4, 9, 4), CompilerInvocation.Parse(["t.c"], diags), diags);
        macros.Find("__STDC_VERSION__").ShouldBeNull();      // gnu89 before gcc 5
        macros.Find("__GNUC_GNU_INLINE__").ShouldNotBeNull();
        macros.Find("__GNUC__")!.Body.ShouldBe("4");
    }
}
