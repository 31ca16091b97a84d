using System.Globalization;
using System.Numerics;
using KlpCcp.Engine.Semantics.Types;

namespace KlpCcp.Engine.Semantics.Constants;

/// <summary>
/// An integer constant of a C integer type: a value of up to 128 bits in the type's width and
/// signedness (stored as the two's-complement bit pattern, sign- or zero-extended to 128 bits),
/// plus gcc's overflow flag (TREE_OVERFLOW: the value wrapped somewhere in its computation).
/// </summary>
public readonly struct IntegerConstant : IEquatable<IntegerConstant>
{
    private readonly UInt128 _bits;

    private IntegerConstant(UInt128 normalizedBits, IntegerType type, bool overflow)
    {
        _bits = normalizedBits;
        Type = type;
        Overflow = overflow;
    }

    public IntegerType Type { get; }
    /// <summary>The value does not equal the mathematical result (signed overflow, or an out-of-range literal).</summary>
    public bool Overflow { get; }

    /// <summary>The constant <paramref name="value"/> converted (wrapped) to <paramref name="type"/>.</summary>
    public static IntegerConstant Create(Int128 value, IntegerType type) => new(Normalize((UInt128)value, type), type, false);

    /// <summary>The constant <paramref name="value"/> (taken as unsigned) wrapped to <paramref name="type"/>.</summary>
    public static IntegerConstant CreateUnsigned(UInt128 value, IntegerType type) => new(Normalize(value, type), type, false);

    /// <summary>A constant from its 128-bit pattern, wrapped to the type, with an explicit overflow flag.</summary>
    public static IntegerConstant FromBits(UInt128 bits, IntegerType type, bool overflow) => new(Normalize(bits, type), type, overflow);

    /// <summary>The 128-bit two's-complement pattern (sign-extended for signed types).</summary>
    public UInt128 Bits => _bits;
    public bool IsNegative => Type.IsSigned && (Int128)_bits < 0;
    public bool IsZero => _bits == UInt128.Zero;
    /// <summary>The value as a signed 128-bit number (exact unless an unsigned __int128 value is ≥ 2^127).</summary>
    public Int128 Value => (Int128)_bits;
    /// <summary>The value as an unsigned number (exact for non-negative values).</summary>
    public UInt128 UnsignedValue => _bits;
    public BigInteger ToBigInteger() => IsNegative ? (BigInteger)(Int128)_bits : (BigInteger)_bits;

    /// <summary>The value as a long if it fits (sizes, array lengths, shift counts).</summary>
    public bool TryGetInt64(out long value)
    {
        if (IsNegative ? (Int128)_bits >= long.MinValue : _bits <= long.MaxValue)
        {
            value = (long)(Int128)_bits;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>True if the value is representable in <paramref name="type"/>.</summary>
    public bool FitsIn(IntegerType type)
    {
        if (IsNegative) return type.IsSigned && (Int128)_bits >= type.MinValue;
        return _bits <= type.MaxValue;
    }

    /// <summary>
    /// C conversion to another integer type (C11 6.3.1.3, gcc's modulo semantics for signed
    /// targets); to <c>_Bool</c> it is the comparison with 0. Keeps the overflow flag.
    /// </summary>
    public IntegerConstant ConvertTo(IntegerType type)
    {
        if (type.IsBool) return new(IsZero ? UInt128.Zero : UInt128.One, type, Overflow);
        return new(Normalize(_bits, type), type, Overflow);
    }

    public IntegerConstant WithOverflow(bool overflow = true) => new(_bits, Type, overflow);

    /// <summary>Truncates <paramref name="bits"/> to the width of <paramref name="type"/> and extends back to 128 bits.</summary>
    internal static UInt128 Normalize(UInt128 bits, IntegerType type)
    {
        var width = type.Bits;
        if (width >= 128) return bits;
        var mask = (UInt128.One << width) - 1;
        var low = bits & mask;
        if (type.IsSigned && ((low >> (width - 1)) & 1) != 0) return low | ~mask;
        return low;
    }

    public bool Equals(IntegerConstant other) => _bits == other._bits && ReferenceEquals(Type, other.Type) && Overflow == other.Overflow;
    public override bool Equals(object? obj) => obj is IntegerConstant c && Equals(c);
    public override int GetHashCode() => HashCode.Combine(_bits, Type);

    /// <summary>The value in decimal, as gcc prints it in diagnostics.</summary>
    public override string ToString() =>
        IsNegative ? ((Int128)_bits).ToString(CultureInfo.InvariantCulture) : _bits.ToString(CultureInfo.InvariantCulture);
}
