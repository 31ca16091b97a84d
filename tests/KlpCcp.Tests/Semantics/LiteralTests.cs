using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Semantics;

public class LiteralTests
{
    private readonly TypeContext c = new(TargetInfo.For(TargetArch.X86_64));
    private readonly TypeContext arm = new(TargetInfo.For(TargetArch.AArch64));
    private readonly DiagnosticBag d = new();

    private IntegerConstant Int(string s, TypeContext? ctx = null) => NumericLiteral.ParseInteger(s, ctx ?? c, d)!.Value.Value;
    private string Type(string s) => TypePrinter.Print(Int(s).Type);

    // C11 6.4.4.1 table, one row per suffix, decimal vs octal/hex columns, plus gcc's __int128 step.
    [Theory]
    [InlineData("2147483647", "int")]
    [InlineData("2147483648", "long int")]
    [InlineData("9223372036854775807", "long int")]
    [InlineData("0x7fffffff", "int")]
    [InlineData("0x80000000", "unsigned int")]
    [InlineData("0xffffffff", "unsigned int")]
    [InlineData("0x100000000", "long int")]
    [InlineData("0x8000000000000000", "long unsigned int")]
    [InlineData("020000000000", "unsigned int")]
    [InlineData("0b11111111111111111111111111111111", "unsigned int")]
    [InlineData("1u", "unsigned int")]
    [InlineData("4294967296u", "long unsigned int")]
    [InlineData("1l", "long int")]
    [InlineData("0xffffffffffffffffL", "long unsigned int")]
    [InlineData("1ul", "long unsigned int")]
    [InlineData("1LU", "long unsigned int")]
    [InlineData("1ll", "long long int")]
    [InlineData("0x8000000000000000ll", "long long unsigned int")]
    [InlineData("1ull", "long long unsigned int")]
    [InlineData("1LLu", "long long unsigned int")]
    [InlineData("9223372036854775808", "__int128")]
    [InlineData("9223372036854775808ll", "__int128")]
    public void IntegerLiteralTypes(string literal, string type) => Type(literal).ShouldBe(type);

    [Fact]
    public void IntegerLiteralValuesAndDiagnostics()
    {
        Int("0x1F").Value.ShouldBe(31);
        Int("017").Value.ShouldBe(15);
        Int("0b101").Value.ShouldBe(5);
        Int("0").Value.ShouldBe(0);
        d.Items.ShouldBeEmpty();
        Int("18446744073709551615").UnsignedValue.ShouldBe((UInt128)ulong.MaxValue);
        d.Items.Single().Message.ShouldBe("integer constant is so large that it is unsigned");
        var wrapped = Int("18446744073709551617");
        wrapped.Value.ShouldBe(1);
        wrapped.Type.ShouldBeSameAs(c.Int);
        d.Items[^1].Message.ShouldBe("integer constant is too large for its type");
        var imag = NumericLiteral.ParseInteger("3i", c, d)!.Value;
        imag.IsImaginary.ShouldBeTrue();
        imag.Value.Type.ShouldBeSameAs(c.Int);
        NumericLiteral.ParseInteger("5uLLj", c, d)!.Value.IsImaginary.ShouldBeTrue();
    }

    [Theory]
    [InlineData("08", "invalid digit \"8\" in octal constant")]
    [InlineData("0b102", "invalid digit \"2\" in binary constant")]
    [InlineData("1lul", "invalid suffix \"lul\" on integer constant")]
    [InlineData("1lL", "invalid suffix \"lL\" on integer constant")]
    [InlineData("1uu", "invalid suffix \"uu\" on integer constant")]
    [InlineData("12abc", "invalid suffix \"abc\" on integer constant")]
    [InlineData("0x", "invalid suffix \"x\" on integer constant")]
    public void InvalidIntegerLiterals(string literal, string message)
    {
        NumericLiteral.ParseInteger(literal, c, d).ShouldBeNull();
        d.Items.Single().Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("1.0", false)]
    [InlineData("1e5", true)]
    [InlineData("0x1e5", false)]
    [InlineData("0x1p5", true)]
    [InlineData(".5", true)]
    [InlineData("123", false)]
    [InlineData("08.5", true)]
    public void ClassifiesNumbers(string spelling, bool _)
    {
        NumericLiteral.IsFloating(spelling).ShouldBe(spelling.Contains('.') || _);
    }

    [Fact]
    public void CharacterConstants()
    {
        IntegerConstant Ch(string s, TypeContext? ctx = null) => CharacterConstant.Parse(s, ctx ?? c, d)!.Value;
        Ch("'a'").Value.ShouldBe(97);
        Ch("'a'").Type.ShouldBeSameAs(c.Int);
        Ch("'\\377'").Value.ShouldBe(-1);                 // plain char is signed on x86_64
        Ch("'\\377'", arm).Value.ShouldBe(255);           // and unsigned on aarch64
        Ch("'\\n'").Value.ShouldBe(10);
        Ch("'\\e'").Value.ShouldBe(27);
        Ch("'\\x41'").Value.ShouldBe(65);
        Ch("'\\''").Value.ShouldBe(39);
        Ch("L'\\xffffffff'").Value.ShouldBe(-1);
        Ch("L'\\xffffffff'").Type.ShouldBeSameAs(c.Int);
        Ch("L'\\xffffffff'", arm).UnsignedValue.ShouldBe(0xffffffffu);
        Ch("u'\\xffff'").Type.ShouldBeSameAs(c.UnsignedShort);
        Ch("U'\\U0010FFFF'").UnsignedValue.ShouldBe(0x10ffffu);
        Ch("U'\\U0010FFFF'").Type.ShouldBeSameAs(c.UnsignedInt);
        Ch("u8'a'").Type.ShouldBeSameAs(c.Char);
        Ch("L'é'").Value.ShouldBe(0xe9);
        d.Items.ShouldBeEmpty();

        Ch("'ab'").Value.ShouldBe(0x6162);
        Ch("'abcde'").Value.ShouldBe(0x62636465);
        Ch("'é'").Value.ShouldBe(0xc3a9);                 // two UTF-8 bytes
        Ch("u'\\U0001F600'").Value.ShouldBe(0xde00);      // the low surrogate
        Ch("'\\q'").Value.ShouldBe('q');
        Ch("'\\400'").Value.ShouldBe(0);
        Ch("'\\x100'").Value.ShouldBe(0);
        d.Items.Select(x => x.Message).ShouldBe([
            "multi-character character constant",
            "character constant too long for its type",
            "multi-character character constant",
            "character constant too long for its type",
            "unknown escape sequence: '\\q'",
            "octal escape sequence out of range",
            "hex escape sequence out of range",
        ]);
    }

    [Theory]
    [InlineData("''", "empty character constant")]
    [InlineData("'\\x'", "\\x used with no following hex digits")]
    [InlineData("'\\u0041'", "\\u0041 is not a valid universal character")]
    [InlineData("'\\u12'", "incomplete universal character name \\u12")]
    [InlineData("u8'ab'", "character constant too long for its type")]
    public void InvalidCharacterConstants(string spelling, string message)
    {
        var r = CharacterConstant.Parse(spelling, c, d);
        d.Items.First(x => x.Severity == Severity.Error).Message.ShouldBe(message);
        if (spelling != "'\\u0041'") r.ShouldBeNull();
    }

    [Fact]
    public void FloatingLiteralTypes()
    {
        FloatingType T(string s, TypeContext? ctx = null) => NumericLiteral.ParseFloating(s, ctx ?? c, d)!.Value.Value.Type;
        T("1.0").ShouldBeSameAs(c.Double);
        T("1.0f").ShouldBeSameAs(c.Float);
        T("1.0L").ShouldBeSameAs(c.LongDouble);
        T("1.0f16").ShouldBeSameAs(c.Float16);
        T("1.0F32").ShouldBeSameAs(c.Float32);
        T("1.0f64").ShouldBeSameAs(c.Float64);
        T("1.0f128").ShouldBeSameAs(c.Float128);
        T("1.0f32x").ShouldBeSameAs(c.Float32x);
        T("1.0f64x").ShouldBeSameAs(c.Float64x);
        T("1.0q").ShouldBeSameAs(c.Float128);
        T("1.0w").ShouldBeSameAs(c.LongDouble);
        T("1.0q", arm).ShouldBeSameAs(arm.LongDouble);
        NumericLiteral.ParseFloating("2.0i", c, d)!.Value.IsImaginary.ShouldBeTrue();
        d.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1e", "exponent has no digits")]
    [InlineData("0x1.p", "exponent has no digits")]
    [InlineData("0x1.8", "hexadecimal floating constants require an exponent")]
    [InlineData("0x.p1", "no digits in hexadecimal floating constant")]
    [InlineData("0b1.0", "invalid prefix \"0b\" for floating constant")]
    [InlineData("1.5f128x", "unsupported non-standard suffix on floating constant")]
    [InlineData("1.5x", "invalid suffix \"x\" on floating constant")]
    public void InvalidFloatingLiterals(string spelling, string message)
    {
        NumericLiteral.ParseFloating(spelling, c, d).ShouldBeNull();
        d.Items.Single().Message.ShouldBe(message);
    }

    [Fact]
    public void FloatingValues()
    {
        FloatConstant F(string s, TypeContext? ctx = null) => NumericLiteral.ParseFloating(s, ctx ?? c, d)!.Value.Value;
        F("0.1").ToDouble().ShouldBe(0.1);
        F("0.1f").EncodeBits().ShouldBe((UInt128)BitConverter.SingleToUInt32Bits(0.1f));
        F("0x1p-1074").ToDouble().ShouldBe(double.Epsilon);
        F("1.7976931348623158e308").ToDouble().ShouldBe(double.MaxValue);
        // x87 long double keeps 64 bits: 2^64 - 1 is exact, double would round it to 2^64.
        var big = F("18446744073709551615.0L");
        big.ToInteger(c.UnsignedLong, out var outOfRange).UnsignedValue.ShouldBe((UInt128)ulong.MaxValue);
        outOfRange.ShouldBeFalse();
        F("18446744073709551615.0").ToInteger(c.UnsignedLong, out outOfRange).UnsignedValue.ShouldBe((UInt128)ulong.MaxValue);
        outOfRange.ShouldBeTrue();  // 2^64 in double: saturates
        F("2.9").Negate().ToInteger(c.Int, out _).Value.ShouldBe(-2);
        F("1e10").ToInteger(c.Int, out outOfRange).Value.ShouldBe(int.MaxValue);
        outOfRange.ShouldBeTrue();
        F("0.5").ToInteger(c.Bool, out _).Value.ShouldBe(1);
        d.Items.ShouldBeEmpty();
        F("1e400").IsInfinity.ShouldBeTrue();
        F("1e-400").IsZero.ShouldBeTrue();
        F("65520.0f16").IsInfinity.ShouldBeTrue();
        d.Items.Select(x => x.Message).ShouldBe([
            "floating constant exceeds range of 'double'",
            "floating constant truncated to zero",
            "floating constant exceeds range of '_Float16'",
        ]);
    }

    [Fact]
    public void FloatingArithmeticIsRoundedOncePerOperation()
    {
        var a = FloatConstant.FromDouble(0.1, c.Double);
        var b = FloatConstant.FromDouble(0.2, c.Double);
        FloatConstant.Arithmetic('+', a, b, c.Double).ToDouble().ShouldBe(0.1 + 0.2);
        FloatConstant.Arithmetic('/', FloatConstant.FromDouble(1, c.Double), FloatConstant.FromDouble(3, c.Double), c.Double).ToDouble().ShouldBe(1.0 / 3);
        FloatConstant.Arithmetic('*', FloatConstant.FromDouble(1e300, c.Double), FloatConstant.FromDouble(1e300, c.Double), c.Double).IsInfinity.ShouldBeTrue();
        FloatConstant.Arithmetic('/', FloatConstant.FromDouble(1, c.Double), FloatConstant.Zero(c.Double), c.Double).IsInfinity.ShouldBeTrue();
        FloatConstant.Arithmetic('/', FloatConstant.Zero(c.Double), FloatConstant.Zero(c.Double), c.Double).IsNaN.ShouldBeTrue();
        FloatConstant.Arithmetic('-', a, a, c.Double).IsZero.ShouldBeTrue();
        FloatConstant.Compare(a, b).ShouldBe(-1);
        FloatConstant.Compare(FloatConstant.NaN(c.Double), a).ShouldBeNull();
        FloatConstant.Compare(FloatConstant.Infinity(c.Double, true), a).ShouldBe(-1);
        FloatConstant.FromInteger(IntegerConstant.Create(16777217, c.Int), c.Float).ToDouble().ShouldBe(16777216);
        FloatConstant.FromDouble(0.1, c.Double).ConvertTo(c.Float).EncodeBits().ShouldBe((UInt128)BitConverter.SingleToUInt32Bits(0.1f));
    }
}
