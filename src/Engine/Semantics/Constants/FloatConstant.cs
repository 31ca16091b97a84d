using System.Globalization;
using System.Numerics;
using KlpCcp.Engine.Semantics.Types;

namespace KlpCcp.Engine.Semantics.Constants;

/// <summary>
/// A floating constant of a real floating type, held exactly as the target holds it:
/// <c>Significand × 2^Exponent</c> with the significand below 2^precision of the type's
/// format (24, 53, 64 for x87 long double, 113 for binary128, 11 for _Float16), rounded to
/// nearest-even with the format's exponent range (overflow to infinity, gradual underflow).
/// Arithmetic is computed exactly and rounded once to the result type, so results match the
/// target for each C operation; no x87 excess precision is modelled (gcc on x86_64 uses SSE
/// for float and double constants too).
/// </summary>
public readonly struct FloatConstant
{
    private FloatConstant(FloatingType type, FloatClass cls, bool negative, UInt128 significand, int exponent)
    {
        Type = type;
        Class = cls;
        IsNegative = negative;
        Significand = significand;
        Exponent = exponent;
    }

    public FloatingType Type { get; }
    public FloatClass Class { get; }
    public bool IsNegative { get; }
    /// <summary>For finite values: the integer significand (fewer than precision bits).</summary>
    public UInt128 Significand { get; }
    /// <summary>For finite values: the power of two the significand is scaled by.</summary>
    public int Exponent { get; }

    public bool IsZero => Class == FloatClass.Zero;
    public bool IsNaN => Class == FloatClass.NaN;
    public bool IsInfinity => Class == FloatClass.Infinity;

    public static FloatConstant Zero(FloatingType type, bool negative = false) => new(type, FloatClass.Zero, negative, 0, 0);
    public static FloatConstant Infinity(FloatingType type, bool negative = false) => new(type, FloatClass.Infinity, negative, 0, 0);
    public static FloatConstant NaN(FloatingType type) => new(type, FloatClass.NaN, false, 0, 0);

    /// <summary>The value <paramref name="numerator"/>/<paramref name="denominator"/> × 2^<paramref name="binaryExponent"/> rounded to <paramref name="type"/>.</summary>
    public static FloatConstant FromRational(FloatingType type, bool negative, BigInteger numerator, BigInteger denominator, int binaryExponent)
    {
        if (numerator.IsZero) return Zero(type, negative);
        var format = type.Format;
        var p = format.Precision;
        // e: exponent of the leading bit, value in [2^e, 2^(e+1)).
        var e = (int)(numerator.GetBitLength() - denominator.GetBitLength());
        if (e >= 0 ? numerator < denominator << e : numerator << -e < denominator) e--;
        e += binaryExponent;
        if (e > format.MaxExponent) return Infinity(type, negative);
        var q = Math.Max(e, format.MinExponent) - (p - 1);   // exponent of the last significand bit
        // m = value / 2^q, rounded to nearest, ties to even.
        var shift = binaryExponent - q;
        var num = shift >= 0 ? numerator << shift : numerator;
        var den = shift >= 0 ? denominator : denominator << -shift;
        var m = BigInteger.DivRem(num, den, out var rem);
        var twice = rem * 2;
        if (twice > den || (twice == den && !m.IsEven)) m += 1;
        if (m.IsZero) return Zero(type, negative);
        if (m.GetBitLength() > p)
        {
            m >>= 1;
            q++;
            if (q + p - 1 > format.MaxExponent) return Infinity(type, negative);
        }
        return new FloatConstant(type, FloatClass.Finite, negative, (UInt128)m, q);
    }

    /// <summary>The integer <paramref name="value"/> rounded to <paramref name="type"/>.</summary>
    public static FloatConstant FromInteger(IntegerConstant value, FloatingType type)
    {
        var v = value.ToBigInteger();
        return FromRational(type, v.Sign < 0, BigInteger.Abs(v), BigInteger.One, 0);
    }

    /// <summary>A .NET double rounded to <paramref name="type"/> (exact for float and wider).</summary>
    public static FloatConstant FromDouble(double d, FloatingType type)
    {
        if (double.IsNaN(d)) return NaN(type);
        if (double.IsInfinity(d)) return Infinity(type, d < 0);
        if (d == 0) return Zero(type, double.IsNegative(d));
        var bits = BitConverter.DoubleToInt64Bits(d);
        var exp = (int)((bits >> 52) & 0x7ff);
        var frac = bits & 0xfffffffffffffL;
        var m = exp == 0 ? frac : frac | (1L << 52);
        var e = (exp == 0 ? 1 : exp) - 1075;
        return FromRational(type, d < 0, m, BigInteger.One, e);
    }

    /// <summary>This value rounded to another floating type (a C conversion).</summary>
    public FloatConstant ConvertTo(FloatingType type) => Class switch
    {
        FloatClass.Finite => FromRational(type, IsNegative, Significand, BigInteger.One, Exponent),
        FloatClass.Zero => Zero(type, IsNegative),
        FloatClass.Infinity => Infinity(type, IsNegative),
        _ => NaN(type),
    };

    /// <summary>
    /// Conversion to an integer type, truncating toward zero (C11 6.3.1.4). Out-of-range values
    /// and NaN saturate as gcc's folding does, with <paramref name="outOfRange"/> set (the
    /// caller warns "overflow in conversion from ... changes value").
    /// </summary>
    public IntegerConstant ToInteger(IntegerType type, out bool outOfRange)
    {
        outOfRange = false;
        if (type.IsBool) return IntegerConstant.Create(IsZero ? 0 : 1, type);
        if (Class == FloatClass.NaN) { outOfRange = true; return IntegerConstant.Create(0, type); }
        if (Class == FloatClass.Zero) return IntegerConstant.Create(0, type);
        BigInteger magnitude;
        if (Class == FloatClass.Infinity) magnitude = BigInteger.One << 200;
        else magnitude = Exponent >= 0 ? (BigInteger)Significand << Exponent : (BigInteger)Significand >> -Exponent;
        var v = IsNegative ? -magnitude : magnitude;
        var min = (BigInteger)type.MinValue;
        var max = (BigInteger)type.MaxValue;
        if (v < min) { outOfRange = true; v = min; }
        else if (v > max) { outOfRange = true; v = max; }
        return IntegerConstant.CreateUnsigned((UInt128)(v & (BigInteger)UInt128.MaxValue), type);
    }

    /// <summary>The value as an exact rational (numerator, power of two); only for finite and zero values.</summary>
    private (BigInteger Numerator, int Exponent) Exact()
    {
        if (Class == FloatClass.Zero) return (BigInteger.Zero, 0);
        var n = (BigInteger)Significand;
        return (IsNegative ? -n : n, Exponent);
    }

    /// <summary>Compares two values; null when unordered (a NaN is involved).</summary>
    public static int? Compare(FloatConstant a, FloatConstant b)
    {
        if (a.IsNaN || b.IsNaN) return null;
        if (a.IsInfinity || b.IsInfinity)
        {
            var av = a.IsInfinity ? (a.IsNegative ? -1 : 1) * 2 : 0;
            var bv = b.IsInfinity ? (b.IsNegative ? -1 : 1) * 2 : 0;
            if (av != 0 || bv != 0)
            {
                if (av == bv) return 0;
                if (av != 0 && bv != 0) return av.CompareTo(bv);
                return av != 0 ? Math.Sign(av) : -Math.Sign(bv);
            }
        }
        var (an, ae) = a.Exact();
        var (bn, be) = b.Exact();
        var e = Math.Min(ae, be);
        return (an << (ae - e)).CompareTo(bn << (be - e));
    }

    public FloatConstant Negate() => new(Type, Class, Class == FloatClass.NaN ? IsNegative : !IsNegative, Significand, Exponent);

    /// <summary>
    /// <paramref name="a"/> op <paramref name="b"/> in <paramref name="resultType"/> (the
    /// usual arithmetic conversion of the operand types), computed exactly and rounded once.
    /// </summary>
    public static FloatConstant Arithmetic(char op, FloatConstant a, FloatConstant b, FloatingType resultType)
    {
        a = a.ConvertTo(resultType);
        b = b.ConvertTo(resultType);
        if (a.IsNaN || b.IsNaN) return NaN(resultType);
        switch (op)
        {
            case '+' or '-':
            {
                var bn = op == '-' ? b.Negate() : b;
                if (a.IsInfinity || bn.IsInfinity)
                {
                    if (a.IsInfinity && bn.IsInfinity && a.IsNegative != bn.IsNegative) return NaN(resultType);
                    return a.IsInfinity ? a : bn;
                }
                if (a.IsZero && bn.IsZero) return Zero(resultType, a.IsNegative && bn.IsNegative);
                var (x, xe) = a.Exact();
                var (y, ye) = bn.Exact();
                var e = Math.Min(xe, ye);
                var sum = (x << (xe - e)) + (y << (ye - e));
                if (sum.IsZero) return Zero(resultType);
                return FromRational(resultType, sum.Sign < 0, BigInteger.Abs(sum), BigInteger.One, e);
            }
            case '*':
            {
                var negative = a.IsNegative != b.IsNegative;
                if (a.IsInfinity || b.IsInfinity) return a.IsZero || b.IsZero ? NaN(resultType) : Infinity(resultType, negative);
                if (a.IsZero || b.IsZero) return Zero(resultType, negative);
                return FromRational(resultType, negative, (BigInteger)a.Significand * b.Significand, BigInteger.One, a.Exponent + b.Exponent);
            }
            case '/':
            {
                var negative = a.IsNegative != b.IsNegative;
                if (a.IsInfinity) return b.IsInfinity ? NaN(resultType) : Infinity(resultType, negative);
                if (b.IsInfinity) return Zero(resultType, negative);
                if (b.IsZero) return a.IsZero ? NaN(resultType) : Infinity(resultType, negative);
                if (a.IsZero) return Zero(resultType, negative);
                return FromRational(resultType, negative, a.Significand, b.Significand, a.Exponent - b.Exponent);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    /// <summary>
    /// The value's bit pattern in its format (IEEE binary16/32/64/128, or x87 80-bit with the
    /// explicit integer bit), in the low <see cref="FloatFormat.StorageBits"/> bits. NaNs are
    /// the default quiet NaN.
    /// </summary>
    public UInt128 EncodeBits()
    {
        var f = Type.Format;
        var fractionBits = f.Precision - 1;
        var sign = IsNegative ? UInt128.One << (f.StorageBits - 1) : UInt128.Zero;
        var maxBiased = (UInt128.One << f.ExponentBits) - 1;
        var bias = f.MaxExponent;
        var exponentShift = f.ExplicitLeadingBit ? f.Precision : fractionBits;
        switch (Class)
        {
            case FloatClass.Zero:
                return sign;
            case FloatClass.Infinity:
                return sign | (maxBiased << exponentShift) | (f.ExplicitLeadingBit ? UInt128.One << fractionBits : UInt128.Zero);
            case FloatClass.NaN:
                return (maxBiased << exponentShift) | (UInt128.One << (fractionBits - 1)) | (f.ExplicitLeadingBit ? UInt128.One << fractionBits : UInt128.Zero);
        }
        var normal = Significand >> fractionBits != 0;
        var biased = normal ? (UInt128)(Exponent + fractionBits + bias) : UInt128.Zero;
        var significand = f.ExplicitLeadingBit ? Significand : Significand & ((UInt128.One << fractionBits) - 1);
        return sign | (biased << exponentShift) | significand;
    }

    /// <summary>The nearest .NET double (for display and approximate uses).</summary>
    public double ToDouble()
    {
        return Class switch
        {
            FloatClass.Zero => IsNegative ? -0.0 : 0.0,
            FloatClass.Infinity => IsNegative ? double.NegativeInfinity : double.PositiveInfinity,
            FloatClass.NaN => double.NaN,
            _ => (IsNegative ? -1 : 1) * Math.ScaleB((double)Significand, Exponent),
        };
    }

    public override string ToString() => ToDouble().ToString("R", CultureInfo.InvariantCulture);
}
