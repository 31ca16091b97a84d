namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// A standard or extended integer type (<c>_Bool</c> through <c>unsigned __int128</c>) with
/// its target width and signedness (plain <c>char</c> follows the target).
/// </summary>
public sealed class IntegerType : CType
{
    internal IntegerType(TypeContext context, TypeKind kind, int bits, bool isSigned) : base(context, kind)
    {
        Bits = bits;
        IsSigned = isSigned;
        SetCanonicalToSelf();
    }

    /// <summary>Width in bits (storage; <c>_Bool</c> has 8 bits of storage, value range 0..1).</summary>
    public int Bits { get; }
    public bool IsSigned { get; }
    public bool IsBool => Kind == TypeKind.Bool;

    /// <summary>C11 6.3.1.1 integer conversion rank: _Bool 1, char types 2, short 3, int 4, long 5, long long 6, __int128 7.</summary>
    public int Rank => Kind switch
    {
        TypeKind.Bool => 1,
        TypeKind.Char or TypeKind.SignedChar or TypeKind.UnsignedChar => 2,
        TypeKind.Short or TypeKind.UnsignedShort => 3,
        TypeKind.Int or TypeKind.UnsignedInt => 4,
        TypeKind.Long or TypeKind.UnsignedLong => 5,
        TypeKind.LongLong or TypeKind.UnsignedLongLong => 6,
        _ => 7,
    };

    /// <summary>The largest value of the type.</summary>
    public UInt128 MaxValue => IsBool ? 1 : IsSigned ? (UInt128.One << (Bits - 1)) - 1 : Bits == 128 ? UInt128.MaxValue : (UInt128.One << Bits) - 1;

    /// <summary>The smallest value of the type (0 for unsigned types).</summary>
    public Int128 MinValue => IsSigned ? -(Int128.One << (Bits - 1)) : 0;

    /// <summary>The unsigned type of the same rank (itself if unsigned; <c>_Bool</c> stays).</summary>
    public IntegerType ToUnsigned() => Kind switch
    {
        TypeKind.Char or TypeKind.SignedChar => Context.UnsignedChar,
        TypeKind.Short => Context.UnsignedShort,
        TypeKind.Int => Context.UnsignedInt,
        TypeKind.Long => Context.UnsignedLong,
        TypeKind.LongLong => Context.UnsignedLongLong,
        TypeKind.Int128 => Context.UnsignedInt128,
        _ => this,
    };
}
