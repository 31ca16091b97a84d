using KlpCcp.Engine.Semantics.Constants;

namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// Integer promotions, default argument promotions and the usual arithmetic conversions,
/// as gcc implements them (c-typeck.cc perform_integral_promotions, c_common_type).
/// </summary>
public static class ArithmeticConversions
{
    /// <summary>
    /// The integer promotion of an integer type (C11 6.3.1.1p2): types of rank below int
    /// become int (all their values fit on LP64); an enum becomes the promoted version of
    /// its compatible type (int, unsigned int, or wider). Other types are returned as they are.
    /// </summary>
    public static CType PromotedType(CType type)
    {
        var ctx = type.Context;
        var c = type.Canonical.Type;
        switch (c)
        {
            case EnumType e:
            {
                var compat = e.CompatibleType;
                return ctx.IntegerTypeForSize(Math.Max(compat.Bits, ctx.Int.Bits), compat.Bits >= ctx.Int.Bits && !compat.IsSigned)!;
            }
            case IntegerType i when i.Rank < 4:
                return i.Bits < ctx.Int.Bits || i.IsSigned ? ctx.Int : ctx.UnsignedInt;
            default:
                return c;
        }
    }

    /// <summary>The integer promotion of <paramref name="type"/> (qualifiers dropped).</summary>
    public static QualifiedType Promote(QualifiedType type) =>
        type.IsInteger ? new QualifiedType(PromotedType(type.Type)) : type.Unqualified;

    /// <summary>
    /// The promotion of a bit-field of declared type <paramref name="declared"/> and width
    /// <paramref name="width"/>: narrower than int gives int (gcc), otherwise the declared
    /// type's promotion. (gcc types wider bit-fields with a special precision-N type; see the report.)
    /// </summary>
    public static QualifiedType PromoteBitField(QualifiedType declared, int width)
    {
        var ctx = declared.Type.Context;
        return width < ctx.Int.Bits ? new QualifiedType(ctx.Int) : Promote(declared);
    }

    /// <summary>Default argument promotions (C11 6.5.2.2p6): integer promotions, float to double.</summary>
    public static QualifiedType DefaultArgumentPromotion(QualifiedType type)
    {
        var c = type.CanonicalType;
        if (c.Kind == TypeKind.Float) return new QualifiedType(c.Context.Double);
        return Promote(type);
    }

    /// <summary>True if the type is changed by the default argument promotions (gcc's c_type_promotes_to differs).</summary>
    public static bool IsSelfPromoting(QualifiedType type)
    {
        var c = type.CanonicalType;
        if (c.Kind == TypeKind.Float) return false;
        if (c is IntegerType i && i.Rank < 4) return false;
        if (c is EnumType e && !ReferenceEquals(PromotedType(e), e.CompatibleType)) return false;
        return true;
    }

    /// <summary>The promoted value of an integer constant.</summary>
    public static IntegerConstant Promote(IntegerConstant value)
    {
        var promoted = (IntegerType)PromotedType(value.Type);
        return ReferenceEquals(promoted, value.Type) ? value : value.ConvertTo(promoted);
    }

    /// <summary>
    /// The common real type of the usual arithmetic conversions (C11 6.3.1.8) for two
    /// arithmetic operands, gcc's c_common_type: complex if either is complex; a floating
    /// type beats an integer type; otherwise the greater precision, and at equal precision
    /// _FloatN, then long double, double, float, then _FloatNx; for integers long long over
    /// long over int, and unsignedness when one of them is unsigned.
    /// </summary>
    public static CType UsualArithmeticConversion(QualifiedType left, QualifiedType right)
    {
        var a = left.CanonicalType;
        var b = right.CanonicalType;
        if (a is ComplexType || b is ComplexType)
        {
            var sa = a is ComplexType ca ? ca.Element : a;
            var sb = b is ComplexType cb ? cb.Element : b;
            var sub = CommonType(sa, sb);
            if (a is ComplexType ca2 && ReferenceEquals(ca2.Element, sub)) return a;
            if (b is ComplexType cb2 && ReferenceEquals(cb2.Element, sub)) return b;
            return a.Context.Complex(sub);
        }
        if (a is not FloatingType) a = PromotedType(a);
        if (b is not FloatingType) b = PromotedType(b);
        return CommonType(a, b);
    }

    private static CType CommonType(CType a, CType b)
    {
        if (ReferenceEquals(a, b)) return a;
        var ctx = a.Context;
        var aReal = a is FloatingType;
        var bReal = b is FloatingType;
        if (aReal && !bReal) return a;
        if (bReal && !aReal) return b;

        var pa = Precision(a);
        var pb = Precision(b);
        if (pa > pb) return a;
        if (pb > pa) return b;

        if (aReal)
        {
            var fa = (FloatingType)a;
            var fb = (FloatingType)b;
            if (fa.IsInterchange) return a;
            if (fb.IsInterchange) return b;
            foreach (var k in (ReadOnlySpan<TypeKind>)[TypeKind.LongDouble, TypeKind.Double, TypeKind.Float])
            {
                if (a.Kind == k) return a;
                if (b.Kind == k) return b;
            }
            return fa.Kind >= fb.Kind ? a : b;
        }

        var ia = (IntegerType)a;
        var ib = (IntegerType)b;
        if (a.Kind == TypeKind.UnsignedLongLong || b.Kind == TypeKind.UnsignedLongLong) return ctx.UnsignedLongLong;
        if (a.Kind == TypeKind.LongLong || b.Kind == TypeKind.LongLong)
            return !ia.IsSigned || !ib.IsSigned ? ctx.UnsignedLongLong : ctx.LongLong;
        if (a.Kind == TypeKind.UnsignedLong || b.Kind == TypeKind.UnsignedLong) return ctx.UnsignedLong;
        if (a.Kind == TypeKind.Long || b.Kind == TypeKind.Long)
            return !ia.IsSigned || !ib.IsSigned ? ctx.UnsignedLong : ctx.Long;
        return !ia.IsSigned ? a : b;
    }

    /// <summary>gcc's TYPE_PRECISION: bits of an integer type, the mode size of a real type (x87: 80).</summary>
    private static int Precision(CType t) => t switch
    {
        IntegerType i => i.Bits,
        FloatingType f => f.Format == FloatFormat.X87Extended ? 80
            : f.Format == FloatFormat.Binary128 ? 128
            : f.Format == FloatFormat.Binary64 ? 64
            : f.Format == FloatFormat.Binary32 ? 32 : 16,
        _ => 0,
    };

    /// <summary>C11 6.3.1.1 integer conversion rank (enums: that of the compatible type).</summary>
    public static int Rank(QualifiedType type) => type.CanonicalType switch
    {
        IntegerType i => i.Rank,
        EnumType e => e.CompatibleType.Rank,
        _ => 0,
    };
}
