namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// Type compatibility (C11 6.2.7) and composite types as gcc's C front end computes them
/// (c-typeck.cc comptypes, function_types_compatible_p, type_lists_compatible_p,
/// composite_type), including its extensions and quirks:
/// an enum is compatible with the integer type of its precision and signedness, but that
/// integer type is taken unqualified, so <c>const enum E</c> is not compatible with
/// <c>const unsigned int</c> (nor are pointers to them) while <c>enum E</c> and
/// <c>unsigned int</c> are; two different enums never are. Arrays of unknown size, VLAs and
/// zero-length arrays follow gcc; an unprototyped function type is compatible with a
/// prototype whose parameters are unchanged by the default promotions and which is not
/// variadic; parameter qualifiers (but <c>_Atomic</c>) are ignored; a parameter of an untagged
/// or transparent union type is compatible with the type of any of its members.
/// </summary>
public static class TypeCompatibility
{
    /// <summary>gcc's <c>comptypes</c>: are the two types compatible?</summary>
    public static bool AreCompatible(QualifiedType left, QualifiedType right) => Compatible(left.Canonical, right.Canonical);

    /// <summary><c>__builtin_types_compatible_p</c>: compatibility of the types with their top-level qualifiers removed.</summary>
    public static bool BuiltinTypesCompatible(QualifiedType left, QualifiedType right) =>
        Compatible(left.Unqualified, right.Unqualified);

    private static bool Compatible(QualifiedType a, QualifiedType b)
    {
        if (a.Equals(b)) return true;
        // Enum vs integer: the enum's compatible type, unqualified (gcc's c_common_type_for_size).
        if (a.Type is EnumType ea && b.Type is not EnumType) a = new QualifiedType(ea.CompatibleType);
        else if (b.Type is EnumType eb && a.Type is not EnumType) b = new QualifiedType(eb.CompatibleType);
        if (a.Equals(b)) return true;
        if (a.Type.Kind != b.Type.Kind) return false;
        if (a.Qualifiers != b.Qualifiers || a.AddressSpace != b.AddressSpace) return false;

        switch (a.Type)
        {
            case PointerType pa:
                return Compatible(pa.Pointee.Canonical, ((PointerType)b.Type).Pointee.Canonical);
            case ArrayType aa:
            {
                var ab = (ArrayType)b.Type;
                if (!Compatible(aa.Element.Canonical, ab.Element.Canonical)) return false;
                if (aa.SizeKind != ArraySizeKind.Fixed || ab.SizeKind != ArraySizeKind.Fixed) return true;
                return aa.Length == ab.Length;
            }
            case FunctionType fa:
                return FunctionsCompatible(fa, (FunctionType)b.Type);
            case VectorType va:
            {
                var vb = (VectorType)b.Type;
                return va.Count == vb.Count && Compatible(new QualifiedType(va.Element), new QualifiedType(vb.Element));
            }
            default:
                // Basic types are interned, records and enums nominal: only identity is compatible.
                return ReferenceEquals(a.Type, b.Type);
        }
    }

    private static QualifiedType WithoutVolatile(QualifiedType t) =>
        new(t.Type, t.Qualifiers & ~TypeQualifiers.Volatile, t.AddressSpace);

    private static bool FunctionsCompatible(FunctionType f1, FunctionType f2)
    {
        // A volatile return type once meant noreturn; gcc compares without it (and pedwarns).
        if (!Compatible(WithoutVolatile(f1.ReturnType.Canonical), WithoutVolatile(f2.ReturnType.Canonical))) return false;
        if (!f1.IsPrototyped) return !f2.IsPrototyped || SelfPromotingParameters(f2);
        if (!f2.IsPrototyped) return SelfPromotingParameters(f1);
        if (f1.IsVariadic != f2.IsVariadic || f1.Parameters.Count != f2.Parameters.Count) return false;
        for (var i = 0; i < f1.Parameters.Count; i++)
        {
            var a = ParameterForComparison(f1.Parameters[i]);
            var b = ParameterForComparison(f2.Parameters[i]);
            if (Compatible(a, b)) continue;
            if (!UnionParameterMatches(a, b) && !UnionParameterMatches(b, a)) return false;
        }
        return true;
    }

    /// <summary>A prototype that an unprototyped declaration can match: not variadic, no float, no narrow integer parameters.</summary>
    private static bool SelfPromotingParameters(FunctionType f)
    {
        if (f.IsVariadic) return false;
        foreach (var p in f.Parameters)
            if (!ArithmeticConversions.IsSelfPromoting(p)) return false;
        return true;
    }

    /// <summary>Parameter types compare unqualified, except that <c>_Atomic</c> stays.</summary>
    private static QualifiedType ParameterForComparison(QualifiedType p)
    {
        var c = p.Canonical;
        return c.Type is ArrayType ? c : new QualifiedType(c.Type, c.Qualifiers & TypeQualifiers.Atomic);
    }

    /// <summary>gcc: <c>wait (union {union wait *u; int *i} *)</c> matches <c>wait (union wait *)</c>.</summary>
    private static bool UnionParameterMatches(QualifiedType unionSide, QualifiedType other)
    {
        if (unionSide.Type is not RecordType { IsUnion: true, IsDefined: true } u) return false;
        if (u.Tag is not null && !u.IsTransparentUnion) return false;
        var ctx = u.Context;
        if (ctx.SizeOf(unionSide) != ctx.SizeOf(other)) return false;
        foreach (var m in u.Members)
            if (Compatible(ParameterForComparison(m.Type), other)) return true;
        return false;
    }

    /// <summary>
    /// The composite type of two compatible types (C11 6.2.7p3), gcc's composite_type: array
    /// sizes and prototypes are taken from whichever type has them; an enum combined with its
    /// compatible integer type gives the integer type. Returns <paramref name="left"/> as
    /// written when both are the same type.
    /// </summary>
    public static QualifiedType Composite(QualifiedType left, QualifiedType right)
    {
        if (left.Canonical.Equals(right.Canonical)) return left;
        return CompositeCanonical(left.Canonical, right.Canonical);
    }

    private static QualifiedType CompositeCanonical(QualifiedType a, QualifiedType b)
    {
        if (a.Equals(b)) return a;
        if (a.Type is EnumType && b.Type is IntegerType) return b;
        if (b.Type is EnumType && a.Type is IntegerType) return a;
        var ctx = a.Type.Context;
        switch (a.Type)
        {
            case PointerType pa when b.Type is PointerType pb:
                return new QualifiedType(ctx.Pointer(CompositeCanonical(pa.Pointee.Canonical, pb.Pointee.Canonical)), a.Qualifiers | b.Qualifiers, a.AddressSpace);
            case ArrayType aa when b.Type is ArrayType ab:
            {
                var element = CompositeCanonical(aa.Element.Canonical, ab.Element.Canonical);
                // Prefer a constant size, then a variable one, then none (gcc keeps t1's domain
                // unless t2 has a constant one and t1's is variable or absent).
                var sizeFrom = aa.SizeKind == ArraySizeKind.Fixed ? aa
                    : ab.SizeKind == ArraySizeKind.Fixed ? ab
                    : aa.SizeKind == ArraySizeKind.Variable ? aa : ab;
                return new QualifiedType(ctx.ArrayLike(sizeFrom, element));
            }
            case FunctionType fa when b.Type is FunctionType fb:
            {
                var ret = CompositeCanonical(fa.ReturnType.Canonical, fb.ReturnType.Canonical);
                if (!fa.IsPrototyped && !fb.IsPrototyped) return new QualifiedType(ctx.UnprototypedFunction(ret));
                if (!fa.IsPrototyped) return new QualifiedType(ctx.Function(ret, fb.Parameters, fb.IsVariadic));
                if (!fb.IsPrototyped) return new QualifiedType(ctx.Function(ret, fa.Parameters, fa.IsVariadic));
                var ps = new QualifiedType[fa.Parameters.Count];
                for (var i = 0; i < ps.Length; i++)
                {
                    var p1 = fa.Parameters[i].Canonical;
                    var p2 = fb.Parameters[i].Canonical;
                    // Given an untagged/transparent union on one side and a member type on the other, take the member type.
                    if (p1.Type is RecordType { IsUnion: true } && !ReferenceEquals(p1.Type, p2.Type) && UnionParameterMatches(ParameterForComparison(p1), ParameterForComparison(p2))) ps[i] = p2;
                    else if (p2.Type is RecordType { IsUnion: true } && !ReferenceEquals(p1.Type, p2.Type) && UnionParameterMatches(ParameterForComparison(p2), ParameterForComparison(p1))) ps[i] = p1;
                    else ps[i] = Compatible(ParameterForComparison(p1), ParameterForComparison(p2)) ? CompositeCanonical(p1, p2) : p1;
                }
                return new QualifiedType(ctx.Function(ret, ps, fa.IsVariadic));
            }
            default:
                return a;
        }
    }
}
