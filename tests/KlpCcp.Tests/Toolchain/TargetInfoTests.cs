using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Toolchain;

public class TargetInfoTests
{
    [Fact]
    public void X86_64Defaults()
    {
        var t = TargetInfo.For(TargetArch.X86_64);
        t.CharIsSigned.ShouldBeTrue();
        t.Long.ShouldBe(new TypeLayout(8, 8));
        t.Pointer.ShouldBe(new TypeLayout(8, 8));
        t.LongDouble.ShouldBe(new TypeLayout(16, 16));
        t.LongDoubleFormat.ShouldBe(LongDoubleFormat.X87Extended80);
        t.LongDoubleMantissaBits.ShouldBe(64);
        t.WcharType.ShouldBe("int");
        t.SizeType.ShouldBe("long unsigned int");
        t.PtrdiffType.ShouldBe("long int");
        t.VaList.ShouldBe(VaListKind.X86_64ArrayOfTag);
        t.VaListLayout.ShouldBe(new TypeLayout(24, 8));
        t.Float80.ShouldBe(new TypeLayout(16, 16));
    }

    [Fact]
    public void AArch64Defaults()
    {
        var t = TargetInfo.For(TargetArch.AArch64);
        t.CharIsSigned.ShouldBeFalse();
        t.LongDoubleFormat.ShouldBe(LongDoubleFormat.IeeeQuad128);
        t.LongDoubleMantissaBits.ShouldBe(113);
        t.WcharType.ShouldBe("unsigned int");
        t.VaListLayout.ShouldBe(new TypeLayout(32, 8));
        t.Float80.ShouldBeNull();
    }

    [Fact]
    public void OptionsApply()
    {
        var diags = new DiagnosticBag();
        var inv = CompilerInvocation.Parse(["-funsigned-char", "-fshort-wchar", "-mavx", "x.c"], diags);
        var t = TargetInfo.For(new CompilerSpec(TargetArch.X86_64, 12, 2, 0), inv);
        t.CharIsSigned.ShouldBeFalse();
        t.WcharType.ShouldBe("short unsigned int");
        t.Wchar.ShouldBe(new TypeLayout(2, 2));
        t.BiggestAlignment.ShouldBe(32);
        var arm = TargetInfo.For(new CompilerSpec(TargetArch.AArch64, 12, 2, 0), CompilerInvocation.Parse(["-mbig-endian", "x.c"], diags));
        arm.LittleEndian.ShouldBeFalse();
    }

    /// <summary>The sizes agree with the compiler's own __SIZEOF_*__ predefines.</summary>
    [Fact]
    public void SizesAgreeWithPredefines()
    {
        foreach (var arch in new[] { TargetArch.X86_64, TargetArch.AArch64 })
        {
            var diags = new DiagnosticBag();
            var m = PredefinedMacros.Compute(new CompilerSpec(arch, 12, 2, 0), CompilerInvocation.Parse(["x.c"], diags), diags);
            var t = TargetInfo.For(arch);
            int Size(string n) => int.Parse(m.Find($"__SIZEOF_{n}__")!.Body);
            Size("SHORT").ShouldBe(t.Short.Size);
            Size("INT").ShouldBe(t.Int.Size);
            Size("LONG").ShouldBe(t.Long.Size);
            Size("LONG_LONG").ShouldBe(t.LongLong.Size);
            Size("POINTER").ShouldBe(t.Pointer.Size);
            Size("FLOAT").ShouldBe(t.Float.Size);
            Size("DOUBLE").ShouldBe(t.Double.Size);
            Size("LONG_DOUBLE").ShouldBe(t.LongDouble.Size);
            Size("INT128").ShouldBe(t.Int128.Size);
            Size("WCHAR_T").ShouldBe(t.Wchar.Size);
            Size("SIZE_T").ShouldBe(8);
            m.Find("__SIZE_TYPE__")!.Body.ShouldBe(t.SizeType);
            m.Find("__PTRDIFF_TYPE__")!.Body.ShouldBe(t.PtrdiffType);
            m.Find("__WCHAR_TYPE__")!.Body.ShouldBe(t.WcharType);
            m.Find("__WINT_TYPE__")!.Body.ShouldBe(t.WintType);
            m.Find("__CHAR16_TYPE__")!.Body.ShouldBe(t.Char16Type);
            m.Find("__INTMAX_TYPE__")!.Body.ShouldBe(t.IntmaxType);
            m.Find("__LDBL_MANT_DIG__")!.Body.ShouldBe(t.LongDoubleMantissaBits.ToString());
            m.Find("__BIGGEST_ALIGNMENT__")!.Body.ShouldBe(t.BiggestAlignment.ToString());
            (m.Find("__CHAR_UNSIGNED__") is null).ShouldBe(t.CharIsSigned);
        }
    }
}
