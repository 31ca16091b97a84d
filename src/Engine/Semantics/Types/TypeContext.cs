using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Types.Layout;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// The types of one translation unit for one target: the basic types, factories that intern
/// derived types (so canonical types compare by reference), the target's builtin types
/// (<c>__builtin_va_list</c>, <c>size_t</c>...), and size/alignment queries.
/// </summary>
public sealed partial class TypeContext
{
    private readonly Dictionary<QualifiedType, PointerType> _pointers = new();
    private readonly Dictionary<(QualifiedType, long), ArrayType> _arrays = new();
    private readonly Dictionary<QualifiedType, ArrayType> _incompleteArrays = new();
    private readonly Dictionary<FunctionKey, FunctionType> _functions = new();
    private readonly Dictionary<CType, ComplexType> _complex = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(CType, int), VectorType> _vectors = new();

    public TypeContext(TargetInfo target, StructPackingOptions packing = default)
    {
        Target = target;
        Packing = packing;
        Void = new VoidType(this);
        Bool = new IntegerType(this, TypeKind.Bool, 8, false);
        Char = new IntegerType(this, TypeKind.Char, 8, target.CharIsSigned);
        SignedChar = new IntegerType(this, TypeKind.SignedChar, 8, true);
        UnsignedChar = new IntegerType(this, TypeKind.UnsignedChar, 8, false);
        Short = new IntegerType(this, TypeKind.Short, target.Short.Size * 8, true);
        UnsignedShort = new IntegerType(this, TypeKind.UnsignedShort, target.Short.Size * 8, false);
        Int = new IntegerType(this, TypeKind.Int, target.Int.Size * 8, true);
        UnsignedInt = new IntegerType(this, TypeKind.UnsignedInt, target.Int.Size * 8, false);
        Long = new IntegerType(this, TypeKind.Long, target.Long.Size * 8, true);
        UnsignedLong = new IntegerType(this, TypeKind.UnsignedLong, target.Long.Size * 8, false);
        LongLong = new IntegerType(this, TypeKind.LongLong, target.LongLong.Size * 8, true);
        UnsignedLongLong = new IntegerType(this, TypeKind.UnsignedLongLong, target.LongLong.Size * 8, false);
        Int128 = new IntegerType(this, TypeKind.Int128, 128, true);
        UnsignedInt128 = new IntegerType(this, TypeKind.UnsignedInt128, 128, false);

        var longDoubleFormat = target.LongDoubleFormat == LongDoubleFormat.X87Extended80 ? FloatFormat.X87Extended : FloatFormat.Binary128;
        Float = new FloatingType(this, TypeKind.Float, FloatFormat.Binary32);
        Double = new FloatingType(this, TypeKind.Double, FloatFormat.Binary64);
        LongDouble = new FloatingType(this, TypeKind.LongDouble, longDoubleFormat);
        Float16 = new FloatingType(this, TypeKind.Float16, FloatFormat.Binary16);
        Float32 = new FloatingType(this, TypeKind.Float32, FloatFormat.Binary32);
        Float64 = new FloatingType(this, TypeKind.Float64, FloatFormat.Binary64);
        Float128 = new FloatingType(this, TypeKind.Float128, FloatFormat.Binary128);
        Float32x = new FloatingType(this, TypeKind.Float32x, FloatFormat.Binary64);
        Float64x = new FloatingType(this, TypeKind.Float64x, longDoubleFormat);

        WcharType = IntegerTypeFromGccName(target.WcharType) ?? Int;
        (VaListTag, BuiltinVaList) = BuildVaList();
    }

    public TargetInfo Target { get; }
    public StructPackingOptions Packing { get; }

    public VoidType Void { get; }
    public IntegerType Bool { get; }
    public IntegerType Char { get; }
    public IntegerType SignedChar { get; }
    public IntegerType UnsignedChar { get; }
    public IntegerType Short { get; }
    public IntegerType UnsignedShort { get; }
    public IntegerType Int { get; }
    public IntegerType UnsignedInt { get; }
    public IntegerType Long { get; }
    public IntegerType UnsignedLong { get; }
    public IntegerType LongLong { get; }
    public IntegerType UnsignedLongLong { get; }
    public IntegerType Int128 { get; }
    public IntegerType UnsignedInt128 { get; }
    public FloatingType Float { get; }
    public FloatingType Double { get; }
    public FloatingType LongDouble { get; }
    public FloatingType Float16 { get; }
    public FloatingType Float32 { get; }
    public FloatingType Float64 { get; }
    public FloatingType Float128 { get; }
    public FloatingType Float32x { get; }
    public FloatingType Float64x { get; }

    /// <summary><c>size_t</c> (unsigned long on both LP64 targets).</summary>
    public IntegerType SizeType => UnsignedLong;
    public IntegerType PtrdiffType => Long;
    public IntegerType IntmaxType => Long;
    public IntegerType UintmaxType => UnsignedLong;
    /// <summary>The type of <c>L'x'</c>: int on x86_64, unsigned int on aarch64, short unsigned int with -fshort-wchar.</summary>
    public IntegerType WcharType { get; }
    /// <summary>The type of <c>u'x'</c>.</summary>
    public IntegerType Char16Type => UnsignedShort;
    /// <summary>The type of <c>U'x'</c>.</summary>
    public IntegerType Char32Type => UnsignedInt;
    public IntegerType WintType => UnsignedInt;

    /// <summary>x86_64: <c>struct __va_list_tag</c>; aarch64: <c>struct __va_list</c>.</summary>
    public RecordType VaListTag { get; }
    /// <summary><c>__builtin_va_list</c>: a typedef over <c>__va_list_tag[1]</c> (x86_64) or <c>struct __va_list</c> (aarch64).</summary>
    public TypedefType BuiltinVaList { get; }

    /// <summary>The integer type of a <see cref="TypeKind"/> (Bool through UnsignedInt128).</summary>
    public IntegerType GetInteger(TypeKind kind) => kind switch
    {
        TypeKind.Bool => Bool,
        TypeKind.Char => Char,
        TypeKind.SignedChar => SignedChar,
        TypeKind.UnsignedChar => UnsignedChar,
        TypeKind.Short => Short,
        TypeKind.UnsignedShort => UnsignedShort,
        TypeKind.Int => Int,
        TypeKind.UnsignedInt => UnsignedInt,
        TypeKind.Long => Long,
        TypeKind.UnsignedLong => UnsignedLong,
        TypeKind.LongLong => LongLong,
        TypeKind.UnsignedLongLong => UnsignedLongLong,
        TypeKind.Int128 => Int128,
        TypeKind.UnsignedInt128 => UnsignedInt128,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an integer kind"),
    };

    /// <summary>The real floating type of a <see cref="TypeKind"/> (Float through Float64x).</summary>
    public FloatingType GetFloating(TypeKind kind) => kind switch
    {
        TypeKind.Float => Float,
        TypeKind.Double => Double,
        TypeKind.LongDouble => LongDouble,
        TypeKind.Float16 => Float16,
        TypeKind.Float32 => Float32,
        TypeKind.Float64 => Float64,
        TypeKind.Float128 => Float128,
        TypeKind.Float32x => Float32x,
        TypeKind.Float64x => Float64x,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a floating kind"),
    };

    /// <summary>
    /// gcc's <c>c_common_type_for_size</c>: the standard integer type of exactly
    /// <paramref name="bits"/> bits (int preferred, then char, short, long, long long,
    /// __int128), else the narrowest one that holds them; null above 128 bits.
    /// </summary>
    public IntegerType? IntegerTypeForSize(int bits, bool unsigned)
    {
        if (bits == Int.Bits) return unsigned ? UnsignedInt : Int;
        if (bits == 8) return unsigned ? UnsignedChar : SignedChar;
        if (bits == Short.Bits) return unsigned ? UnsignedShort : Short;
        if (bits == Long.Bits) return unsigned ? UnsignedLong : Long;
        if (bits == LongLong.Bits) return unsigned ? UnsignedLongLong : LongLong;
        if (bits == 128) return unsigned ? UnsignedInt128 : Int128;
        if (bits <= 8) return unsigned ? UnsignedChar : SignedChar;
        if (bits <= 16) return unsigned ? UnsignedShort : Short;
        if (bits <= 32) return unsigned ? UnsignedInt : Int;
        if (bits <= 64) return unsigned ? UnsignedLong : Long;
        if (bits <= 128) return unsigned ? UnsignedInt128 : Int128;
        return null;
    }

    /// <summary>The integer type gcc spells <paramref name="name"/> in its <c>__*_TYPE__</c> macros ("long unsigned int").</summary>
    public IntegerType? IntegerTypeFromGccName(string name) => name switch
    {
        "char" => Char,
        "signed char" => SignedChar,
        "unsigned char" => UnsignedChar,
        "short int" or "short" => Short,
        "short unsigned int" or "unsigned short" => UnsignedShort,
        "int" => Int,
        "unsigned int" or "unsigned" => UnsignedInt,
        "long int" or "long" => Long,
        "long unsigned int" or "unsigned long" => UnsignedLong,
        "long long int" or "long long" => LongLong,
        "long long unsigned int" or "unsigned long long" => UnsignedLongLong,
        _ => null,
    };

    // ---- Derived types -------------------------------------------------------------------

    /// <summary>Pointer to <paramref name="pointee"/> (interned).</summary>
    public PointerType Pointer(QualifiedType pointee)
    {
        if (_pointers.TryGetValue(pointee, out var p)) return p;
        p = new PointerType(this, pointee);
        _pointers.Add(pointee, p);
        var canonicalPointee = pointee.Canonical;
        p.SetCanonical(canonicalPointee.Equals(pointee) ? new QualifiedType(p) : new QualifiedType(Pointer(canonicalPointee)));
        return p;
    }

    /// <summary><c>T[length]</c> (interned); length 0 is a GNU zero-length array.</summary>
    public ArrayType Array(QualifiedType element, long length)
    {
        if (_arrays.TryGetValue((element, length), out var a)) return a;
        a = new ArrayType(this, element, ArraySizeKind.Fixed, length, null);
        _arrays.Add((element, length), a);
        var ce = element.Canonical;
        a.SetCanonical(ce.Equals(element) ? new QualifiedType(a) : new QualifiedType(Array(ce, length)));
        return a;
    }

    /// <summary><c>T[]</c> (interned).</summary>
    public ArrayType IncompleteArray(QualifiedType element)
    {
        if (_incompleteArrays.TryGetValue(element, out var a)) return a;
        a = new ArrayType(this, element, ArraySizeKind.Incomplete, 0, null);
        _incompleteArrays.Add(element, a);
        var ce = element.Canonical;
        a.SetCanonical(ce.Equals(element) ? new QualifiedType(a) : new QualifiedType(IncompleteArray(ce)));
        return a;
    }

    /// <summary>A VLA <c>T[n]</c> (or <c>T[*]</c> when <paramref name="lengthExpression"/> is null); never interned.</summary>
    public ArrayType VariableArray(QualifiedType element, object? lengthExpression)
    {
        var a = new ArrayType(this, element, ArraySizeKind.Variable, 0, lengthExpression);
        var ce = element.Canonical;
        a.SetCanonical(ce.Equals(element) ? new QualifiedType(a) : new QualifiedType(VariableArray(ce, lengthExpression)));
        return a;
    }

    /// <summary>An array type like <paramref name="like"/> (same length kind) with another element type.</summary>
    public ArrayType ArrayLike(ArrayType like, QualifiedType element) => like.SizeKind switch
    {
        ArraySizeKind.Fixed => Array(element, like.Length),
        ArraySizeKind.Incomplete => IncompleteArray(element),
        _ => VariableArray(element, like.LengthExpression),
    };

    /// <summary>A prototyped function type; <paramref name="parameters"/> are the adjusted parameter types.</summary>
    public FunctionType Function(QualifiedType returnType, IReadOnlyList<QualifiedType> parameters, bool isVariadic = false) =>
        GetFunction(returnType, parameters, isVariadic, true, null);

    /// <summary>A function type without a prototype (<c>T f()</c>, or a K&amp;R definition with its parameter types).</summary>
    public FunctionType UnprototypedFunction(QualifiedType returnType, IReadOnlyList<QualifiedType>? oldStyleParameters = null) =>
        GetFunction(returnType, [], false, false, oldStyleParameters);

    private FunctionType GetFunction(QualifiedType ret, IReadOnlyList<QualifiedType> parameters, bool variadic, bool prototyped, IReadOnlyList<QualifiedType>? oldStyle)
    {
        var key = new FunctionKey(ret, parameters, variadic, prototyped, oldStyle);
        if (_functions.TryGetValue(key, out var f)) return f;
        var copy = parameters.ToArray();
        var oldCopy = oldStyle?.ToArray();
        f = new FunctionType(this, ret, copy, variadic, prototyped, oldCopy);
        _functions.Add(new FunctionKey(ret, copy, variadic, prototyped, oldCopy), f);

        // Canonical: no sugar, and parameters without top-level qualifiers (C11 6.7.6.3p15).
        var cret = ret.Canonical;
        var changed = !cret.Equals(ret);
        var cparams = new QualifiedType[copy.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            var cp = copy[i].Canonical;
            var unq = cp.Type is ArrayType ? cp : new QualifiedType(cp.Type, cp.Qualifiers & TypeQualifiers.Atomic);
            cparams[i] = unq;
            changed |= !unq.Equals(copy[i]);
        }
        QualifiedType[]? cold = null;
        if (oldCopy is not null)
        {
            cold = new QualifiedType[oldCopy.Length];
            for (var i = 0; i < oldCopy.Length; i++)
            {
                cold[i] = oldCopy[i].Canonical;
                changed |= !cold[i].Equals(oldCopy[i]);
            }
        }
        f.SetCanonical(changed ? new QualifiedType(GetFunction(cret, cparams, variadic, prototyped, cold)) : new QualifiedType(f));
        return f;
    }

    /// <summary><c>_Complex T</c> for a real floating or (GNU) integer type.</summary>
    public ComplexType Complex(CType element)
    {
        element = element.Canonical.Type;
        if (_complex.TryGetValue(element, out var c)) return c;
        c = new ComplexType(this, element);
        _complex.Add(element, c);
        return c;
    }

    /// <summary>
    /// <c>T __attribute__((vector_size(N)))</c>. gcc requires an integer or real floating
    /// element type and N a power-of-two multiple of its size; null (with gcc's error) otherwise.
    /// </summary>
    public VectorType? Vector(QualifiedType element, long byteSize, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        var e = element.Canonical.Type;
        if (e is EnumType en) e = en.CompatibleType;
        if (e is not IntegerType && e is not FloatingType || e is IntegerType { IsBool: true })
        {
            diagnostics.Error("invalid vector type for attribute 'vector_size'", location);
            return null;
        }
        var elementSize = SizeOf(new QualifiedType(e)) ?? 1;
        if (byteSize <= 0 || byteSize % elementSize != 0)
        {
            diagnostics.Error("vector size not an integral multiple of component size", location);
            return null;
        }
        var count = byteSize / elementSize;
        if ((count & (count - 1)) != 0)
        {
            diagnostics.Error("number of components of the vector not a power of two", location);
            return null;
        }
        if (_vectors.TryGetValue((e, (int)count), out var v)) return v;
        v = new VectorType(this, e, (int)count, (int)byteSize);
        v.SetCanonical(new QualifiedType(v));
        _vectors.Add((e, (int)count), v);
        return v;
    }

    /// <summary>A typedef name for <paramref name="underlying"/>; <paramref name="alignment"/> from an <c>aligned</c> attribute on it.</summary>
    public TypedefType Typedef(string name, QualifiedType underlying, int? alignment = null) => new(this, name, underlying, alignment);

    /// <summary>A new, incomplete struct type (one per tag declaration that introduces a new type).</summary>
    public RecordType NewStruct(string? tag) => new(this, TypeKind.Struct, tag);
    /// <summary>A new, incomplete union type.</summary>
    public RecordType NewUnion(string? tag) => new(this, TypeKind.Union, tag);
    /// <summary>A new, incomplete enum type.</summary>
    public EnumType NewEnum(string? tag) => new(this, tag);

    // ---- Array qualifier normalisation (used by QualifiedType) ---------------------------

    /// <summary>Moves qualifiers on an array type (canonical) to its element type, recursively.</summary>
    internal QualifiedType PushArrayQualifiers(QualifiedType array)
    {
        var a = (ArrayType)array.Type;
        var element = new QualifiedType(a.Element.Type, a.Element.Qualifiers | array.Qualifiers,
            array.AddressSpace != AddressSpace.Generic ? array.AddressSpace : a.Element.AddressSpace);
        if (element.Type is ArrayType) element = PushArrayQualifiers(element);
        return new QualifiedType(ArrayLike(a, element));
    }

    /// <summary>A canonical array type with the qualifiers of its innermost element removed (gcc's TYPE_MAIN_VARIANT).</summary>
    internal QualifiedType StripArrayQualifiers(QualifiedType array)
    {
        var a = (ArrayType)array.Type;
        var element = a.Element.Type is ArrayType ? StripArrayQualifiers(a.Element) : new QualifiedType(a.Element.Type);
        return element.Equals(a.Element) ? new QualifiedType(a) : new QualifiedType(ArrayLike(a, element));
    }

    // ---- Builtins ------------------------------------------------------------------------

    private (RecordType Tag, TypedefType VaList) BuildVaList()
    {
        var diags = new DiagnosticBag();
        var voidPtr = new QualifiedType(Pointer(Void));
        // Built at compiler start-up, so laid out under the -fpack-struct=n value only.
        var attrs = new RecordAttributes { MaxFieldAlignment = Packing.InitialMaxFieldAlignment };
        if (Target.VaList == VaListKind.X86_64ArrayOfTag)
        {
            var tag = NewStruct("__va_list_tag");
            tag.Complete([
                new RecordMember("gp_offset", UnsignedInt),
                new RecordMember("fp_offset", UnsignedInt),
                new RecordMember("overflow_arg_area", voidPtr),
                new RecordMember("reg_save_area", voidPtr),
            ], attrs, diags);
            return (tag, Typedef("__builtin_va_list", Array(tag, 1)));
        }
        var st = NewStruct("__va_list");
        st.Complete([
            new RecordMember("__stack", voidPtr),
            new RecordMember("__gr_top", voidPtr),
            new RecordMember("__vr_top", voidPtr),
            new RecordMember("__gr_offs", Int),
            new RecordMember("__vr_offs", Int),
        ], attrs, diags);
        return (st, Typedef("__builtin_va_list", st));
    }

    private readonly struct FunctionKey : IEquatable<FunctionKey>
    {
        private readonly QualifiedType _ret;
        private readonly IReadOnlyList<QualifiedType> _params;
        private readonly IReadOnlyList<QualifiedType>? _old;
        private readonly bool _variadic, _prototyped;

        public FunctionKey(QualifiedType ret, IReadOnlyList<QualifiedType> parameters, bool variadic, bool prototyped, IReadOnlyList<QualifiedType>? old)
        {
            _ret = ret;
            _params = parameters;
            _variadic = variadic;
            _prototyped = prototyped;
            _old = old;
        }

        public bool Equals(FunctionKey o)
        {
            if (!_ret.Equals(o._ret) || _variadic != o._variadic || _prototyped != o._prototyped) return false;
            if (!SameList(_params, o._params)) return false;
            if (_old is null || o._old is null) return _old is null && o._old is null;
            return SameList(_old, o._old);
        }

        private static bool SameList(IReadOnlyList<QualifiedType> a, IReadOnlyList<QualifiedType> b)
        {
            if (a.Count != b.Count) return false;
            for (var i = 0; i < a.Count; i++) if (!a[i].Equals(b[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is FunctionKey k && Equals(k);

        public override int GetHashCode()
        {
            var h = new HashCode();
            h.Add(_ret);
            h.Add(_variadic);
            h.Add(_prototyped);
            foreach (var p in _params) h.Add(p);
            h.Add(_old?.Count ?? -1);
            return h.ToHashCode();
        }
    }
}
