namespace KlpCcp.Engine.Semantics.Types;

/// <summary>Classification of <see cref="TypeKind"/> values.</summary>
public static class TypeKindFacts
{
    public static bool IsStandardInteger(TypeKind k) => k >= TypeKind.Bool && k <= TypeKind.UnsignedInt128;
    /// <summary>Integer types include enums (C11 6.2.5p17).</summary>
    public static bool IsInteger(TypeKind k) => IsStandardInteger(k) || k == TypeKind.Enum;
    public static bool IsRealFloating(TypeKind k) => k >= TypeKind.Float && k <= TypeKind.Float64x;
    public static bool IsArithmetic(TypeKind k) => IsInteger(k) || IsRealFloating(k) || k == TypeKind.Complex;
}
