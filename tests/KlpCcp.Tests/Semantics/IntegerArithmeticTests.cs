using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Semantics;

public class IntegerArithmeticTests
{
    private readonly TypeContext c = new(TargetInfo.For(TargetArch.X86_64));
    private readonly DiagnosticBag d = new();

    private IntegerConstant I(long v) => IntegerConstant.Create(v, c.Int);
    private IntegerConstant U(long v) => IntegerConstant.Create(v, c.UnsignedInt);
    private IntegerConstant L(long v) => IntegerConstant.Create(v, c.Long);
    private IntegerConstant? B(IntegerOperator op, IntegerConstant a, IntegerConstant b) => IntegerArithmetic.Binary(op, a, b, d);
    private string[] Messages => d.Items.Select(x => x.Message).ToArray();

    [Fact]
    public void SignedOverflowWrapsAndWarnsOnce()
    {
        var r = B(IntegerOperator.Add, I(int.MaxValue), I(1))!.Value;
        r.Value.ShouldBe(int.MinValue);
        r.Overflow.ShouldBeTrue();
        r.Type.ShouldBeSameAs(c.Int);
        var r2 = B(IntegerOperator.Add, r, I(1))!.Value;   // already overflowed: no second warning
        r2.Value.ShouldBe(int.MinValue + 1);
        r2.Overflow.ShouldBeTrue();
        Messages.ShouldBe(["integer overflow in expression of type 'int' results in '-2147483648'"]);
    }

    [Fact]
    public void IntMinDividedByMinusOne()
    {
        B(IntegerOperator.Divide, I(int.MinValue), I(-1))!.Value.Value.ShouldBe(int.MinValue);
        B(IntegerOperator.Remainder, I(int.MinValue), I(-1))!.Value.Value.ShouldBe(0);
        Messages.ShouldBe([
            "integer overflow in expression of type 'int' results in '-2147483648'",
            "integer overflow in expression of type 'int' results in '0'",
        ]);
        var m = IntegerConstant.Create(Int128.MinValue, c.Int128);
        B(IntegerOperator.Divide, m, IntegerConstant.Create(-1, c.Int128))!.Value.Value.ShouldBe(Int128.MinValue);
        IntegerArithmetic.Unary(IntegerUnaryOperator.Negate, I(int.MinValue), d).Value.ShouldBe(int.MinValue);
        d.Items[^1].Message.ShouldBe("integer overflow in expression of type 'int' results in '-2147483648'");
    }

    [Fact]
    public void DivisionTruncatesTowardZero()
    {
        B(IntegerOperator.Divide, I(-7), I(2))!.Value.Value.ShouldBe(-3);
        B(IntegerOperator.Remainder, I(-7), I(2))!.Value.Value.ShouldBe(-1);
        B(IntegerOperator.Remainder, I(7), I(-2))!.Value.Value.ShouldBe(1);
    }

    [Fact]
    public void DivisionByZeroIsNotAConstant()
    {
        B(IntegerOperator.Divide, I(1), I(0)).ShouldBeNull();
        B(IntegerOperator.Remainder, I(5), U(0)).ShouldBeNull();
        Messages.ShouldBe(["division by zero", "division by zero"]);
    }

    [Fact]
    public void UnsignedArithmeticWrapsSilently()
    {
        var r = B(IntegerOperator.Subtract, U(0), I(1))!.Value;
        r.UnsignedValue.ShouldBe(4294967295u);
        r.Type.ShouldBeSameAs(c.UnsignedInt);
        r.Overflow.ShouldBeFalse();
        B(IntegerOperator.Multiply, IntegerConstant.CreateUnsigned(ulong.MaxValue, c.UnsignedLong), IntegerConstant.Create(2, c.UnsignedLong))!.Value
            .UnsignedValue.ShouldBe((UInt128)(ulong.MaxValue - 1));
        var max128 = IntegerConstant.CreateUnsigned(UInt128.MaxValue, c.UnsignedInt128);
        B(IntegerOperator.Add, max128, I(1))!.Value.IsZero.ShouldBeTrue();
        d.Items.ShouldBeEmpty();
    }

    [Fact]
    public void ComparisonsUseTheConvertedOperands()
    {
        B(IntegerOperator.Less, I(-1), U(0))!.Value.Value.ShouldBe(0);  // -1 becomes UINT_MAX
        B(IntegerOperator.Less, I(-1), L(0))!.Value.Value.ShouldBe(1);  // long holds -1
        B(IntegerOperator.Equal, I(-1), U(4294967295))!.Value.Value.ShouldBe(1);
        B(IntegerOperator.Less, I(1), U(2))!.Value.Type.ShouldBeSameAs(c.Int);
        B(IntegerOperator.LogicalAnd, I(2), L(0))!.Value.Value.ShouldBe(0);
        B(IntegerOperator.LogicalOr, I(0), L(-5))!.Value.Value.ShouldBe(1);
    }

    [Fact]
    public void Shifts()
    {
        B(IntegerOperator.ShiftLeft, I(1), I(31))!.Value.Value.ShouldBe(int.MinValue);
        B(IntegerOperator.ShiftRight, I(-8), I(1))!.Value.Value.ShouldBe(-4);
        B(IntegerOperator.ShiftRight, U(0x80000000), I(31))!.Value.Value.ShouldBe(1);
        // The result has the promoted left operand's type, whatever the count's type.
        B(IntegerOperator.ShiftLeft, IntegerConstant.Create(1, c.UnsignedChar), L(8))!.Value.Type.ShouldBeSameAs(c.Int);
        d.Items.ShouldBeEmpty();
        B(IntegerOperator.ShiftLeft, I(1), I(32))!.Value.IsZero.ShouldBeTrue();
        B(IntegerOperator.ShiftRight, I(-1), I(40))!.Value.Value.ShouldBe(-1);
        B(IntegerOperator.ShiftRight, I(1), I(40))!.Value.Value.ShouldBe(0);
        B(IntegerOperator.ShiftLeft, I(1), I(-1)).ShouldBeNull();
        B(IntegerOperator.ShiftRight, I(1), I(-1)).ShouldBeNull();
        B(IntegerOperator.ShiftLeft, I(10), L(2147483648)).ShouldBeNull();  // the count is negative at int width
        B(IntegerOperator.ShiftLeft, I(2), I(31))!.Value.Value.ShouldBe(0);
        B(IntegerOperator.ShiftLeft, I(3), I(30))!.Value.Value.ShouldBe(-1073741824);  // 1 into the sign bit: no warning
        Messages.ShouldBe([
            "left shift count >= width of type",
            "right shift count >= width of type",
            "right shift count >= width of type",
            "left shift count is negative",
            "right shift count is negative",
            "left shift count >= width of type",
            "result of '2 << 31' requires 34 bits to represent, but 'int' only has 32 bits",
        ]);
    }

    [Fact]
    public void UnaryOperators()
    {
        IntegerArithmetic.Unary(IntegerUnaryOperator.BitNot, I(0), d).Value.ShouldBe(-1);
        IntegerArithmetic.Unary(IntegerUnaryOperator.BitNot, U(0), d).UnsignedValue.ShouldBe(4294967295u);
        IntegerArithmetic.Unary(IntegerUnaryOperator.Negate, IntegerConstant.Create(200, c.UnsignedChar), d).Value.ShouldBe(-200);
        IntegerArithmetic.Unary(IntegerUnaryOperator.Negate, U(1), d).UnsignedValue.ShouldBe(4294967295u);
        IntegerArithmetic.Unary(IntegerUnaryOperator.LogicalNot, L(0), d).Value.ShouldBe(1);
        IntegerArithmetic.Unary(IntegerUnaryOperator.Plus, IntegerConstant.Create(1, c.Short), d).Type.ShouldBeSameAs(c.Int);
        d.Items.ShouldBeEmpty();
    }

    [Fact]
    public void Int128Arithmetic()
    {
        var big = IntegerConstant.Create(Int128.MaxValue, c.Int128);
        var r = B(IntegerOperator.Add, big, I(1))!.Value;
        r.Value.ShouldBe(Int128.MinValue);
        Messages.ShouldBe(["integer overflow in expression of type '__int128' results in '-170141183460469231731687303715884105728'"]);
        var p = B(IntegerOperator.Multiply, IntegerConstant.Create((Int128)long.MaxValue, c.Int128), IntegerConstant.Create(4, c.Int128))!.Value;
        p.Value.ShouldBe((Int128)long.MaxValue * 4);
        B(IntegerOperator.Multiply, L(long.MaxValue), L(2))!.Value.Value.ShouldBe(-2);
    }

    [Fact]
    public void Conversions()
    {
        I(300).ConvertTo(c.SignedChar).Value.ShouldBe(44);
        I(-1).ConvertTo(c.UnsignedShort).Value.ShouldBe(65535);
        I(-1).ConvertTo(c.UnsignedInt128).UnsignedValue.ShouldBe(UInt128.MaxValue);
        I(256).ConvertTo(c.Bool).Value.ShouldBe(1);
        I(0).ConvertTo(c.Bool).Value.ShouldBe(0);
        U(4294967295).ConvertTo(c.Int).Value.ShouldBe(-1);
        I(-1).FitsIn(c.UnsignedInt).ShouldBeFalse();
        U(4294967295).FitsIn(c.Long).ShouldBeTrue();
        U(4294967295).FitsIn(c.Int).ShouldBeFalse();
        I(-128).FitsIn(c.SignedChar).ShouldBeTrue();
        L(long.MinValue).ToString().ShouldBe("-9223372036854775808");
    }
}
