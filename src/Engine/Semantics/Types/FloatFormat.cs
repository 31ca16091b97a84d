namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// The binary format of a real floating type: precision (significand bits including the
/// leading one) and exponent range, enough to round constants exactly as the target does.
/// </summary>
public sealed class FloatFormat
{
    private FloatFormat(string name, int precision, int maxExponent, bool explicitLeadingBit, int exponentBits)
    {
        ExponentBits = exponentBits;
        Name = name;
        Precision = precision;
        MaxExponent = maxExponent;
        ExplicitLeadingBit = explicitLeadingBit;
    }

    public string Name { get; }
    /// <summary>Significand bits including the leading one (<c>__FLT_MANT_DIG__</c> style).</summary>
    public int Precision { get; }
    /// <summary>Largest unbiased exponent e such that 2^e is finite (<c>__FLT_MAX_EXP__</c> - 1).</summary>
    public int MaxExponent { get; }
    /// <summary>Smallest normal exponent (<c>__FLT_MIN_EXP__</c> - 1).</summary>
    public int MinExponent => 1 - MaxExponent;
    /// <summary>x87 stores the integer bit; irrelevant for values, kept for documentation.</summary>
    public bool ExplicitLeadingBit { get; }

    public static readonly FloatFormat Binary16 = new("binary16", 11, 15, false, 5);
    public static readonly FloatFormat Binary32 = new("binary32", 24, 127, false, 8);
    public static readonly FloatFormat Binary64 = new("binary64", 53, 1023, false, 11);
    public static readonly FloatFormat X87Extended = new("x87 extended", 64, 16383, true, 15);
    public static readonly FloatFormat Binary128 = new("binary128", 113, 16383, false, 15);

    /// <summary>Width of the biased exponent field.</summary>
    public int ExponentBits { get; }
    /// <summary>Bits of the stored value (80 for x87, whose objects are padded to 16 bytes).</summary>
    public int StorageBits => 1 + ExponentBits + Precision - (ExplicitLeadingBit ? 0 : 1);

    public override string ToString() => Name;
}
