namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// What a <see cref="CType"/> is. The integer and floating kinds are listed in rank order
/// so that range checks (<see cref="TypeKindFacts"/>) stay simple.
/// </summary>
public enum TypeKind : byte
{
    Void,

    // Integer types, in conversion-rank order (char, signed char and unsigned char share a rank).
    Bool,
    Char,
    SignedChar,
    UnsignedChar,
    Short,
    UnsignedShort,
    Int,
    UnsignedInt,
    Long,
    UnsignedLong,
    LongLong,
    UnsignedLongLong,
    Int128,
    UnsignedInt128,

    // Real floating types. _FloatN and _FloatNx are distinct from float/double/long double in C.
    Float,
    Double,
    LongDouble,
    Float16,
    Float32,
    Float64,
    Float128,
    Float32x,
    Float64x,

    Complex,
    Pointer,
    Array,
    Function,
    Struct,
    Union,
    Enum,
    Vector,

    /// <summary>A typedef name: sugar over the type it names.</summary>
    Typedef,
}
