namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// A type as written: a <see cref="CType"/> (possibly typedef sugar) plus the qualifiers and
/// address space applied at this level. Qualifiers on an array type apply to its elements
/// (C11 6.7.3p9); they are kept here and pushed down by <see cref="Canonical"/>.
/// A 16-byte value; equality is identity of the type object plus equal qualifiers, so two
/// values are equal only if they spell the same type the same way. Use
/// <see cref="SameTypeAs"/> to compare types regardless of typedefs.
/// </summary>
public readonly struct QualifiedType : IEquatable<QualifiedType>
{
    public QualifiedType(CType type, TypeQualifiers qualifiers = TypeQualifiers.None, AddressSpace addressSpace = AddressSpace.Generic)
    {
        Type = type;
        Qualifiers = qualifiers;
        AddressSpace = addressSpace;
    }

    public CType Type { get; }
    public TypeQualifiers Qualifiers { get; }
    public AddressSpace AddressSpace { get; }

    public bool IsNull => Type is null;
    public bool IsConst => (Qualifiers & TypeQualifiers.Const) != 0;
    public bool IsVolatile => (Qualifiers & TypeQualifiers.Volatile) != 0;
    public bool IsRestrict => (Qualifiers & TypeQualifiers.Restrict) != 0;
    public bool IsAtomic => (Qualifiers & TypeQualifiers.Atomic) != 0;
    public bool HasQualifiers => Qualifiers != TypeQualifiers.None || AddressSpace != AddressSpace.Generic;

    /// <summary>
    /// The type without typedef sugar anywhere, with the qualifiers of this level and of every
    /// typedef merged, and array qualifiers moved to the element type. Two types are the same
    /// type iff their canonical forms are equal.
    /// </summary>
    public QualifiedType Canonical
    {
        get
        {
            var c = Type.Canonical;
            if (!HasQualifiers) return c;
            var merged = new QualifiedType(c.Type, c.Qualifiers | Qualifiers,
                AddressSpace != AddressSpace.Generic ? AddressSpace : c.AddressSpace);
            return merged.Type is ArrayType ? merged.Type.Context.PushArrayQualifiers(merged) : merged;
        }
    }

    /// <summary>The canonical type object (no sugar); qualifiers dropped.</summary>
    public CType CanonicalType => Type.Canonical.Type;

    /// <summary>The qualifiers that apply to this type, including those inherited through typedefs.</summary>
    public TypeQualifiers EffectiveQualifiers => Canonical.Qualifiers;

    /// <summary>The canonical kind (typedefs looked through).</summary>
    public TypeKind Kind => Type.Canonical.Type.Kind;

    public QualifiedType WithQualifiers(TypeQualifiers add) => new(Type, Qualifiers | add, AddressSpace);
    public QualifiedType WithAddressSpace(AddressSpace space) => new(Type, Qualifiers, space);
    public QualifiedType WithoutQualifiers() => new(Type);

    /// <summary>The canonical type with its top-level qualifiers removed (gcc's TYPE_MAIN_VARIANT, minus sugar).</summary>
    public QualifiedType Unqualified
    {
        get
        {
            var c = Canonical;
            if (c.Type is ArrayType) return c.Type.Context.StripArrayQualifiers(c);
            return new QualifiedType(c.Type);
        }
    }

    /// <summary>Same type, looking through typedefs (qualifiers must agree).</summary>
    public bool SameTypeAs(QualifiedType other) => Canonical.Equals(other.Canonical);

    // Classification, all through the canonical type.
    public bool IsVoid => Kind == TypeKind.Void;
    public bool IsInteger => TypeKindFacts.IsInteger(Kind);
    public bool IsFloating => TypeKindFacts.IsRealFloating(Kind);
    public bool IsRealFloating => TypeKindFacts.IsRealFloating(Kind);
    public bool IsComplex => Kind == TypeKind.Complex;
    public bool IsArithmetic => TypeKindFacts.IsArithmetic(Kind);
    public bool IsRealType => IsInteger || IsRealFloating;
    public bool IsPointer => Kind == TypeKind.Pointer;
    public bool IsScalar => IsArithmetic || IsPointer;
    public bool IsArray => Kind == TypeKind.Array;
    public bool IsFunction => Kind == TypeKind.Function;
    public bool IsRecord => Kind is TypeKind.Struct or TypeKind.Union;
    public bool IsStruct => Kind == TypeKind.Struct;
    public bool IsUnion => Kind == TypeKind.Union;
    public bool IsEnum => Kind == TypeKind.Enum;
    public bool IsVector => Kind == TypeKind.Vector;
    public bool IsAggregate => IsArray || IsStruct;
    /// <summary>Object types are all types but function types (C11 6.2.5p1; incomplete ones included).</summary>
    public bool IsObject => !IsFunction;
    public bool IsComplete => Type.Canonical.Type.IsComplete;
    public bool IsSignedInteger => Type.Canonical.Type is IntegerType { IsSigned: true } || (CanonicalType is EnumType e && e.IsComplete && e.CompatibleType.IsSigned);
    public bool IsUnsignedInteger => IsInteger && !IsSignedInteger;
    public bool IsVariablyModified => Type.IsVariablyModified;

    public bool Equals(QualifiedType other) =>
        ReferenceEquals(Type, other.Type) && Qualifiers == other.Qualifiers && AddressSpace == other.AddressSpace;

    public override bool Equals(object? obj) => obj is QualifiedType q && Equals(q);
    public override int GetHashCode() =>
        Type is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Type) * 31 + ((int)Qualifiers << 8 | (int)AddressSpace);
    public static bool operator ==(QualifiedType a, QualifiedType b) => a.Equals(b);
    public static bool operator !=(QualifiedType a, QualifiedType b) => !a.Equals(b);

    public static implicit operator QualifiedType(CType type) => new(type);

    /// <summary>The type as gcc prints it in diagnostics (typedef names kept).</summary>
    public override string ToString() => Type is null ? "<null>" : TypePrinter.Print(this);
}
