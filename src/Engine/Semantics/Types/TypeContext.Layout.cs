using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine.Semantics.Types;

public sealed partial class TypeContext
{
    /// <summary>
    /// <c>sizeof</c> in bytes, or null when the type has no constant size (incomplete, VLA).
    /// <c>void</c> and function types give 1 (gcc extension; the caller warns).
    /// </summary>
    public long? SizeOf(QualifiedType type)
    {
        var t = type.Type.Canonical.Type;
        switch (t)
        {
            case VoidType:
            case FunctionType:
                return 1;
            case IntegerType i:
                return i.Bits / 8;
            case FloatingType f:
                return FloatLayout(f.Kind).Size;
            case ComplexType c:
                return 2 * SizeOf(new QualifiedType(c.Element))!.Value;
            case PointerType:
                return Target.Pointer.Size;
            case ArrayType a:
                if (a.SizeKind != ArraySizeKind.Fixed) return null;
                var es = SizeOf(a.Element);
                return es is long e ? e * a.Length : null;
            case RecordType r:
                return r.IsDefined ? r.Layout.Size : null;
            case EnumType en:
                return en.IsDefined ? en.CompatibleType.Bits / 8 : null;
            case VectorType v:
                return v.ByteSize;
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>_Alignof</c>/<c>__alignof__</c> in bytes. A typedef's <c>aligned</c> attribute wins
    /// (the outermost one); <c>_Atomic</c> raises the alignment of a 1/2/4/8/16-byte type to
    /// its size. Incomplete records and enums give the alignment gcc assumes (1, resp. 4).
    /// </summary>
    public int AlignOf(QualifiedType type) => AlignOf(type, type.EffectiveQualifiers);

    /// <param name="qualifiers">The qualifiers that count for the <c>_Atomic</c> adjustment.</param>
    private int AlignOf(QualifiedType type, TypeQualifiers qualifiers)
    {
        var align = AlignOfIgnoringAtomic(type);
        if ((qualifiers & TypeQualifiers.Atomic) != 0 && SizeOf(type) is long size
            && size is 1 or 2 or 4 or 8 or 16 && size > align)
            align = (int)size;
        return align;
    }

    /// <summary>
    /// The "_Atomic" of a declaration's specifiers (<c>_Atomic T a[N]</c>) is applied by gcc
    /// to a copy of the array of plain T, which keeps T's alignment; only an atomic type
    /// named through a typedef raises the element alignment.
    /// </summary>
    private int ArrayElementAlignment(QualifiedType element) => AlignOf(element, element.Type.Canonical.Qualifiers);

    /// <summary>
    /// The alignment of a plain <c>__attribute__((aligned))</c>: gcc's ATTRIBUTE_ALIGNED_VALUE,
    /// 16 on both targets (it stays 16 on x86 with AVX, unlike <c>__BIGGEST_ALIGNMENT__</c>).
    /// </summary>
    public int DefaultAlignedAttributeValue => 16;

    /// <summary>
    /// <c>_Alignof</c> (C11) in bytes: gcc's min_align_of_type, which caps the alignment at
    /// <c>__BIGGEST_ALIGNMENT__</c> unless it was requested with an <c>aligned</c> attribute.
    /// It differs from <see cref="AlignOf"/> (<c>__alignof__</c>) only for over-aligned
    /// vectors (and records holding them), e.g. a 32-byte vector on x86_64 without AVX.
    /// </summary>
    public int C11AlignOf(QualifiedType type)
    {
        var align = AlignOf(type);
        return HasUserAlignment(type) ? align : Math.Min(align, Target.BiggestAlignment);
    }

    /// <summary>
    /// gcc's TYPE_USER_ALIGN: the alignment comes from an <c>aligned</c> attribute, on a
    /// typedef, on a record, or on a member or member type of a record.
    /// </summary>
    public bool HasUserAlignment(QualifiedType type)
    {
        var t = type.Type;
        while (t is TypedefType td)
        {
            if (td.Alignment is not null) return true;
            t = td.Underlying.Type;
        }
        if (t is ArrayType a) return HasUserAlignment(a.Element);
        return t.Canonical.Type is RecordType { IsDefined: true } r && r.Layout.HasUserAlignment;
    }

    private int AlignOfIgnoringAtomic(QualifiedType type)
    {
        var t = type.Type;
        while (t is TypedefType td)
        {
            if (td.Alignment is int a) return a;
            t = td.Underlying.Type;
        }
        // Arrays keep their element's sugar: an element typedef may carry an alignment.
        if (t is ArrayType array) return ArrayElementAlignment(array.Element);
        var c = t.Canonical.Type;
        switch (c)
        {
            case VoidType:
                return 1;
            case FunctionType:
                // FUNCTION_BOUNDARY: 8 bits on x86, 32 on aarch64.
                return Target.Arch == TargetArch.AArch64 ? 4 : 1;
            case IntegerType i:
                return i.IsBool ? Target.Bool.Alignment : i.Bits / 8;
            case FloatingType f:
                return FloatLayout(f.Kind).Alignment;
            case ComplexType cx:
                return AlignOf(new QualifiedType(cx.Element));
            case PointerType:
                return Target.Pointer.Alignment;
            case ArrayType a:
                return ArrayElementAlignment(a.Element);
            case RecordType r:
                return r.IsDefined ? r.Layout.Alignment : 1;
            case EnumType en:
                return en.CompatibleType.Bits / 8;
            case VectorType v:
                // default_vector_alignment (x86): the vector size; aarch64 caps it at 128 bits.
                return Target.Arch == TargetArch.AArch64 ? Math.Min(v.ByteSize, 16) : v.ByteSize;
            default:
                return 1;
        }
    }

    private TypeLayout FloatLayout(TypeKind kind) => kind switch
    {
        TypeKind.Float or TypeKind.Float32 => Target.Float,
        TypeKind.Double or TypeKind.Float64 or TypeKind.Float32x => Target.Double,
        TypeKind.LongDouble or TypeKind.Float64x => Target.LongDouble,
        TypeKind.Float128 => Target.Float128,
        TypeKind.Float16 => Target.Float16,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
