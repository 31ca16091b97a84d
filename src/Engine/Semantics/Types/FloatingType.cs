namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// A real floating type: <c>float</c>, <c>double</c>, <c>long double</c>, or one of the
/// <c>_FloatN</c>/<c>_FloatNx</c> types, which are distinct types in C even when they share a
/// format (<c>_Float64</c> is not <c>double</c>). <c>__float128</c> is <c>_Float128</c> and
/// x86 <c>__float80</c> is <c>long double</c>, as in gcc.
/// </summary>
public sealed class FloatingType : CType
{
    internal FloatingType(TypeContext context, TypeKind kind, FloatFormat format) : base(context, kind)
    {
        Format = format;
        SetCanonicalToSelf();
    }

    public FloatFormat Format { get; }

    /// <summary>Interchange types _FloatN (preferred in gcc's usual arithmetic conversions at equal precision).</summary>
    public bool IsInterchange => Kind is TypeKind.Float16 or TypeKind.Float32 or TypeKind.Float64 or TypeKind.Float128;
    /// <summary>Extended types _FloatNx (least preferred at equal precision).</summary>
    public bool IsExtended => Kind is TypeKind.Float32x or TypeKind.Float64x;
}
