using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Semantics;

public class ArithmeticConversionTests
{
    private readonly TypeContext c = new(TargetInfo.For(TargetArch.X86_64));
    private readonly TypeContext arm = new(TargetInfo.For(TargetArch.AArch64));

    private CType Common(QualifiedType a, QualifiedType b) => ArithmeticConversions.UsualArithmeticConversion(a, b);

    [Fact]
    public void IntegerPromotions()
    {
        ArithmeticConversions.PromotedType(c.Bool).ShouldBeSameAs(c.Int);
        ArithmeticConversions.PromotedType(c.Char).ShouldBeSameAs(c.Int);
        ArithmeticConversions.PromotedType(c.UnsignedChar).ShouldBeSameAs(c.Int);
        ArithmeticConversions.PromotedType(c.UnsignedShort).ShouldBeSameAs(c.Int);
        ArithmeticConversions.PromotedType(c.UnsignedInt).ShouldBeSameAs(c.UnsignedInt);
        ArithmeticConversions.PromotedType(c.Long).ShouldBeSameAs(c.Long);
        ArithmeticConversions.PromotedType(arm.Char).ShouldBeSameAs(arm.Int);
        var d = new DiagnosticBag();
        var e = c.NewEnum("e");
        e.AddEnumerator("A", null, d);
        e.Complete(false, d);
        ArithmeticConversions.PromotedType(e).ShouldBeSameAs(c.UnsignedInt);
        var packed = c.NewEnum("p");
        packed.AddEnumerator("A", null, d);
        packed.Complete(true, d);
        packed.CompatibleType.ShouldBeSameAs(c.UnsignedChar);
        ArithmeticConversions.PromotedType(packed).ShouldBeSameAs(c.Int);
        var wide = c.NewEnum("w");
        wide.AddEnumerator("A", IntegerConstant.Create(-1L << 40, c.Long), d);
        wide.Complete(false, d);
        ArithmeticConversions.PromotedType(wide).ShouldBeSameAs(c.Long);
    }

    [Fact]
    public void BitFieldPromotion()
    {
        ArithmeticConversions.PromoteBitField(c.UnsignedInt, 31).Type.ShouldBeSameAs(c.Int);
        ArithmeticConversions.PromoteBitField(c.UnsignedInt, 32).Type.ShouldBeSameAs(c.UnsignedInt);
        ArithmeticConversions.PromoteBitField(c.UnsignedLong, 20).Type.ShouldBeSameAs(c.Int);
        ArithmeticConversions.PromoteBitField(c.UnsignedLong, 40).Type.ShouldBeSameAs(c.UnsignedLong);
    }

    [Fact]
    public void DefaultArgumentPromotions()
    {
        ArithmeticConversions.DefaultArgumentPromotion(c.Float).Type.ShouldBeSameAs(c.Double);
        ArithmeticConversions.DefaultArgumentPromotion(c.Short).Type.ShouldBeSameAs(c.Int);
        ArithmeticConversions.DefaultArgumentPromotion(c.Float16).Type.ShouldBeSameAs(c.Float16);
        ArithmeticConversions.DefaultArgumentPromotion(new QualifiedType(c.Double, TypeQualifiers.Const)).ShouldBe(new QualifiedType(c.Double));
    }

    [Fact]
    public void UsualArithmeticConversionsOnIntegers()
    {
        Common(c.Int, c.UnsignedInt).ShouldBeSameAs(c.UnsignedInt);
        Common(c.Char, c.Short).ShouldBeSameAs(c.Int);
        Common(c.UnsignedInt, c.Long).ShouldBeSameAs(c.Long);
        Common(c.UnsignedLong, c.LongLong).ShouldBeSameAs(c.UnsignedLongLong);
        Common(c.Long, c.LongLong).ShouldBeSameAs(c.LongLong);
        Common(c.Long, c.UnsignedLong).ShouldBeSameAs(c.UnsignedLong);
        Common(c.UnsignedLongLong, c.Int128).ShouldBeSameAs(c.Int128);
        Common(c.Int128, c.UnsignedInt128).ShouldBeSameAs(c.UnsignedInt128);
        Common(c.Bool, c.Bool).ShouldBeSameAs(c.Int);
    }

    [Fact]
    public void UsualArithmeticConversionsOnFloatingTypes()
    {
        Common(c.Int, c.Float).ShouldBeSameAs(c.Float);
        Common(c.UnsignedInt128, c.Float).ShouldBeSameAs(c.Float);
        Common(c.Float, c.Double).ShouldBeSameAs(c.Double);
        Common(c.Double, c.LongDouble).ShouldBeSameAs(c.LongDouble);
        // Equal precision: _FloatN before the standard types before _FloatNx.
        Common(c.Double, c.Float64).ShouldBeSameAs(c.Float64);
        Common(c.Double, c.Float32x).ShouldBeSameAs(c.Double);
        Common(c.Float, c.Float32).ShouldBeSameAs(c.Float32);
        Common(c.LongDouble, c.Float64x).ShouldBeSameAs(c.LongDouble);
        // x86: long double (80 bits) is narrower than _Float128; aarch64: the same precision, _Float128 preferred.
        Common(c.LongDouble, c.Float128).ShouldBeSameAs(c.Float128);
        Common(arm.LongDouble, arm.Float128).ShouldBeSameAs(arm.Float128);
        Common(c.Float16, c.Float).ShouldBeSameAs(c.Float);
    }

    [Fact]
    public void ComplexOperands()
    {
        Common(c.Complex(c.Float), c.Double).ShouldBeSameAs(c.Complex(c.Double));
        Common(c.Complex(c.Double), c.Float).ShouldBeSameAs(c.Complex(c.Double));
        Common(c.Complex(c.Int), c.Long).ShouldBeSameAs(c.Complex(c.Long));
    }

    [Fact]
    public void Rank()
    {
        ArithmeticConversions.Rank(c.Bool).ShouldBeLessThan(ArithmeticConversions.Rank(c.Char));
        ArithmeticConversions.Rank(c.Char).ShouldBe(ArithmeticConversions.Rank(c.UnsignedChar));
        ArithmeticConversions.Rank(c.Long).ShouldBeLessThan(ArithmeticConversions.Rank(c.LongLong));
        ArithmeticConversions.Rank(c.LongLong).ShouldBeLessThan(ArithmeticConversions.Rank(c.Int128));
    }
}
