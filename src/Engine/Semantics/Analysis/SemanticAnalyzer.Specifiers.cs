using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

public sealed partial class SemanticAnalyzer
{
    /// <summary>The attributes of a declaration, member, type or tag that the analyzer acts on.</summary>
    private struct AttrSet
    {
        public int? Aligned;
        public int AlignedToken;
        public bool Packed;
        public string? Mode;
        public int ModeToken;
        public long? VectorSize;
        public int VectorToken;
        public bool TransparentUnion;
        public int TransparentToken;
        public bool GnuInline;
        public bool AlwaysInline;
        public bool Noreturn;
        public bool Unused;
    }

    /// <summary>What declaration specifiers say.</summary>
    private struct DeclSpec
    {
        public QualifiedType Type;
        public Keyword Storage;
        public int StorageToken;
        public bool Inline;
        public bool Noreturn;
        public bool ThreadLocal;
        public bool AutoType;
        public bool HasTypeSpecifier;
        public bool Error;
        public int? Alignas;
        public AttrSet Attrs;
        /// <summary>The declaration is only <c>struct X;</c> / <c>union X;</c> / <c>enum X;</c>.</summary>
        public TagSymbol? Tag;
    }

    private static string AttributeName(string name) =>
        name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal) ? name[2..^2] : name;

    private void CollectAttributes(AttributeSpecifier[] specs, ref AttrSet set)
    {
        for (int i = 0; i < specs.Length; i++) CollectAttributes(specs[i], ref set);
    }

    private void CollectAttributes(Specifier[] items, ref AttrSet set)
    {
        for (int i = 0; i < items.Length; i++)
            if (items[i] is AttributeSpecifier a) CollectAttributes(a, ref set);
    }

    private void CollectAttributes(AttributeSpecifier spec, ref AttrSet set)
    {
        foreach (var item in spec.Attributes)
        {
            if (item.Namespace >= 0 && AttributeName(_names[item.Namespace]) != "gnu") continue;
            var name = AttributeName(_names[item.Name]);
            switch (name)
            {
                case "aligned":
                {
                    int value = _ctx.DefaultAlignedAttributeValue;
                    if (item.Arguments.Length > 0)
                    {
                        var c = ConstantArgument(item.Arguments[0], "requested alignment is not an integer constant");
                        if (c is not { } v) break;
                        if (v.IsNegative || v.IsZero || (v.UnsignedValue & (v.UnsignedValue - 1)) != 0)
                        {
                            Error(item.NameToken, $"requested alignment '{v}' is not a positive power of 2");
                            break;
                        }
                        if (v.UnsignedValue > (UInt128)(1 << 28))
                        {
                            Error(item.NameToken, $"requested alignment '{v}' exceeds maximum 268435456");
                            break;
                        }
                        value = (int)v.UnsignedValue;
                    }
                    set.Aligned = set.Aligned is int prev ? Math.Max(prev, value) : value;
                    set.AlignedToken = item.NameToken;
                    break;
                }
                case "packed":
                    set.Packed = true;
                    break;
                case "mode":
                    if (item.Arguments.Length > 0 && item.Arguments[0] is IdentifierExpression mid)
                    {
                        set.Mode = _names[mid.Name];
                        set.ModeToken = item.NameToken;
                    }
                    break;
                case "vector_size":
                    if (item.Arguments.Length > 0)
                    {
                        var c = ConstantArgument(item.Arguments[0], "'vector_size' attribute argument value is not an integer constant");
                        if (c is { } v && v.TryGetInt64(out var n))
                        {
                            set.VectorSize = n;
                            set.VectorToken = item.NameToken;
                        }
                    }
                    break;
                case "transparent_union":
                    set.TransparentUnion = true;
                    set.TransparentToken = item.NameToken;
                    break;
                case "gnu_inline":
                    set.GnuInline = true;
                    break;
                case "always_inline":
                    set.AlwaysInline = true;
                    break;
                case "noreturn":
                    set.Noreturn = true;
                    break;
                case "unused":
                    set.Unused = true;
                    break;
                case "cleanup":
                    if (item.Arguments.Length > 0 && item.Arguments[0] is IdentifierExpression cf)
                    {
                        // the cleanup function is called on scope exit: an evaluated use
                        int slot = NewExpressionSlot(cf);
                        var sym = Lookup(cf.Name);
                        ref var info = ref _model.Expressions[slot];
                        info.Selected = -1;
                        if (sym is FunctionSymbol fs)
                        {
                            info.Symbol = fs;
                            info.Type = fs.Type;
                            info.ValueType = new QualifiedType(_ctx.Pointer(fs.Type));
                            info.Flags = ExpressionFlags.FunctionDesignator | (_unevaluated == 0 ? ExpressionFlags.Evaluated : 0);
                        }
                        else
                        {
                            info.Flags = ExpressionFlags.Error;
                            info.Type = info.ValueType = new QualifiedType(_ctx.Int);
                            Error(cf.Token, sym is null
                                ? $"'{_names[cf.Name]}' undeclared (first use in this function)"
                                : $"cleanup argument not a function");
                        }
                    }
                    break;
            }
        }
    }

    /// <summary>An attribute argument that must be an integer constant; null (with an error) otherwise.</summary>
    private IntegerConstant? ConstantArgument(Expression e, string message)
    {
        _unevaluated++;
        _requireConstant++;
        int s = Expr(e);
        _requireConstant--;
        _unevaluated--;
        ref var info = ref _model.Expressions[s];
        if (info.HasError) return null;
        if (info.IsIntegerConstant && info.Type.IsInteger) return _model.IntegerConstants[info.ConstantIndex];
        Error(e.FirstToken, message);
        return null;
    }

    // ------------------------------------------------------------------ declaration specifiers

    private DeclSpec Specifiers(DeclarationSpecifiers specs, bool standalone = false)
    {
        var ds = new DeclSpec();
        int nVoid = 0, nChar = 0, nShort = 0, nInt = 0, nLong = 0, nFloat = 0, nDouble = 0, nSigned = 0, nUnsigned = 0,
            nBool = 0, nComplex = 0, nInt128 = 0, nOther = 0;
        TypeKind floatN = TypeKind.Void;
        QualifiedType other = default; // struct/union/enum/typedef/typeof/_Atomic(T)
        TypeQualifiers quals = TypeQualifiers.None;
        AddressSpace space = AddressSpace.Generic;
        int firstTypeToken = specs.FirstToken;
        var items = specs.Items;
        for (int i = 0; i < items.Length; i++)
        {
            var it = items[i];
            switch (it)
            {
                case KeywordSpecifier k:
                    switch (k.Keyword)
                    {
                        case Keyword.Typedef or Keyword.Extern or Keyword.Static or Keyword.Auto or Keyword.Register:
                            if (ds.Storage != Keyword.None && ds.Storage != k.Keyword)
                                Error(k.Token, "multiple storage classes in declaration specifiers");
                            else
                            {
                                ds.Storage = k.Keyword;
                                ds.StorageToken = k.Token;
                            }
                            break;
                        case Keyword.ThreadLocal: ds.ThreadLocal = true; break;
                        case Keyword.Inline: ds.Inline = true; break;
                        case Keyword.Noreturn: ds.Noreturn = true; break;
                        case Keyword.Const: quals |= TypeQualifiers.Const; break;
                        case Keyword.Volatile: quals |= TypeQualifiers.Volatile; break;
                        case Keyword.Restrict: quals |= TypeQualifiers.Restrict; break;
                        case Keyword.Atomic: quals |= TypeQualifiers.Atomic; break;
                        case Keyword.SegFs: space = AddressSpace.SegFs; break;
                        case Keyword.SegGs: space = AddressSpace.SegGs; break;
                        case Keyword.Void: nVoid++; break;
                        case Keyword.Char: nChar++; break;
                        case Keyword.Short: nShort++; break;
                        case Keyword.Int: nInt++; break;
                        case Keyword.Long: nLong++; break;
                        case Keyword.Float: nFloat++; break;
                        case Keyword.Double: nDouble++; break;
                        case Keyword.Signed: nSigned++; break;
                        case Keyword.Unsigned: nUnsigned++; break;
                        case Keyword.Bool: nBool++; break;
                        case Keyword.Complex: nComplex++; break;
                        case Keyword.Imaginary: nComplex++; break;
                        case Keyword.Int128: nInt128++; break;
                        case Keyword.Float16 or Keyword.Float32 or Keyword.Float64 or Keyword.Float128 or Keyword.Float32x or Keyword.Float64x or Keyword.Float128x:
                            floatN = k.Keyword switch
                            {
                                Keyword.Float16 => TypeKind.Float16,
                                Keyword.Float32 => TypeKind.Float32,
                                Keyword.Float64 => TypeKind.Float64,
                                Keyword.Float128 => TypeKind.Float128,
                                Keyword.Float32x => TypeKind.Float32x,
                                _ => TypeKind.Float64x,
                            };
                            nOther++;
                            break;
                        case Keyword.Decimal32 or Keyword.Decimal64 or Keyword.Decimal128:
                            other = new QualifiedType(k.Keyword == Keyword.Decimal32 ? _ctx.Float : k.Keyword == Keyword.Decimal64 ? _ctx.Double : _ctx.LongDouble);
                            nOther++;
                            break;
                        case Keyword.AutoType:
                            ds.AutoType = true;
                            break;
                    }
                    break;
                case TypedefNameSpecifier tn:
                {
                    var sym = tn.IsUnknown ? null : Lookup(tn.Name) as TypedefSymbol;
                    tn.SemanticSlot = _model.TypedefUseList.Count;
                    _model.TypedefUseList.Add(sym);
                    if (sym is null)
                    {
                        if (!tn.IsUnknown) Error(tn.Token, $"unknown type name '{_names[tn.Name]}'");
                        other = new QualifiedType(_ctx.Int);
                        ds.Error = true;
                    }
                    else other = new QualifiedType(sym.TypedefType);
                    nOther++;
                    break;
                }
                case StructSpecifier ss:
                {
                    var tag = StructSpecifier(ss, standalone && items.Length == 1);
                    other = new QualifiedType(tag.TagType);
                    if (standalone) ds.Tag = tag;
                    nOther++;
                    break;
                }
                case EnumSpecifier es:
                {
                    var tag = EnumSpecifier(es, standalone && items.Length == 1);
                    other = new QualifiedType(tag.TagType);
                    if (standalone) ds.Tag = tag;
                    nOther++;
                    break;
                }
                case TypeofSpecifier tof:
                    other = Typeof(tof);
                    nOther++;
                    break;
                case AtomicTypeSpecifier at:
                {
                    var t = TypeNameType(at.Type);
                    other = t.WithQualifiers(TypeQualifiers.Atomic);
                    nOther++;
                    break;
                }
                case AlignasSpecifier al:
                {
                    int a;
                    if (al.Type is not null) a = _ctx.AlignOf(TypeNameType(al.Type));
                    else
                    {
                        var c = ConstantArgument(al.Expression!, "'_Alignas' specifier is not an integer constant");
                        if (c is not { } v) break;
                        if (v.IsZero) break;
                        if (v.IsNegative || (v.UnsignedValue & (v.UnsignedValue - 1)) != 0)
                        {
                            Error(al.FirstToken, $"requested alignment '{v}' is not a positive power of 2");
                            break;
                        }
                        a = (int)v.UnsignedValue;
                    }
                    ds.Alignas = ds.Alignas is int p ? Math.Max(p, a) : a;
                    break;
                }
                case AttributeSpecifier attr:
                    CollectAttributes(attr, ref ds.Attrs);
                    break;
            }
        }

        int basics = nVoid + nChar + nShort + nInt + nLong + nFloat + nDouble + nSigned + nUnsigned + nBool + nComplex + nInt128;
        ds.HasTypeSpecifier = basics + nOther > 0 || ds.AutoType;
        QualifiedType type;
        if (nOther > 0)
        {
            if (nOther > 1 || (basics > 0 && !(floatN != TypeKind.Void && basics == nComplex)))
            {
                Error(firstTypeToken, "two or more data types in declaration specifiers");
                ds.Error = true;
            }
            type = floatN != TypeKind.Void ? new QualifiedType(_ctx.GetFloating(floatN)) : other;
            if (nComplex > 0 && type.IsRealFloating) type = new QualifiedType(_ctx.Complex(type.CanonicalType));
        }
        else type = BasicType(nVoid, nChar, nShort, nInt, nLong, nFloat, nDouble, nSigned, nUnsigned, nBool, nComplex, nInt128, firstTypeToken, ref ds);

        if (quals != TypeQualifiers.None || space != AddressSpace.Generic)
            type = new QualifiedType(type.Type, type.Qualifiers | quals, space != AddressSpace.Generic ? space : type.AddressSpace);
        ds.Type = type;
        return ds;
    }

    private QualifiedType BasicType(int nVoid, int nChar, int nShort, int nInt, int nLong, int nFloat, int nDouble, int nSigned,
        int nUnsigned, int nBool, int nComplex, int nInt128, int token, ref DeclSpec ds)
    {
        bool conflict = false;
        CType t;
        if (nSigned > 0 && nUnsigned > 0) conflict = true;
        if (nVoid > 0)
        {
            conflict |= nChar + nShort + nInt + nLong + nFloat + nDouble + nSigned + nUnsigned + nBool + nComplex + nInt128 > 0 || nVoid > 1;
            t = _ctx.Void;
        }
        else if (nBool > 0)
        {
            conflict |= nChar + nShort + nInt + nLong + nFloat + nDouble + nSigned + nUnsigned + nInt128 > 0;
            t = _ctx.Bool;
        }
        else if (nFloat > 0)
        {
            conflict |= nChar + nShort + nInt + nLong + nDouble + nSigned + nUnsigned + nInt128 > 0;
            t = _ctx.Float;
        }
        else if (nDouble > 0)
        {
            conflict |= nChar + nShort + nInt + nSigned + nUnsigned + nInt128 > 0 || nLong > 1;
            t = nLong > 0 ? _ctx.LongDouble : _ctx.Double;
        }
        else if (nChar > 0)
        {
            conflict |= nShort + nInt + nLong + nInt128 > 0;
            t = nSigned > 0 ? _ctx.SignedChar : nUnsigned > 0 ? _ctx.UnsignedChar : _ctx.Char;
        }
        else if (nInt128 > 0)
        {
            conflict |= nShort + nLong > 0;
            t = nUnsigned > 0 ? _ctx.UnsignedInt128 : _ctx.Int128;
        }
        else if (nShort > 0)
        {
            conflict |= nLong > 0;
            t = nUnsigned > 0 ? _ctx.UnsignedShort : _ctx.Short;
        }
        else if (nLong >= 2)
        {
            if (nLong > 2)
            {
                Error(token, "'long long long' is too long for GCC");
                ds.Error = true;
            }
            t = nUnsigned > 0 ? _ctx.UnsignedLongLong : _ctx.LongLong;
        }
        else if (nLong == 1) t = nUnsigned > 0 ? _ctx.UnsignedLong : _ctx.Long;
        else if (nComplex > 0 && nInt + nSigned + nUnsigned == 0) t = _ctx.Double; // plain _Complex: complex double
        else t = nUnsigned > 0 ? _ctx.UnsignedInt : _ctx.Int;
        if (conflict && !ds.Error)
        {
            Error(token, "two or more data types in declaration specifiers");
            ds.Error = true;
        }
        if (nComplex > 0 && t is not VoidType && !(t is IntegerType { IsBool: true })) t = _ctx.Complex(t);
        return new QualifiedType(t);
    }

    private QualifiedType Typeof(TypeofSpecifier tof)
    {
        QualifiedType t;
        if (tof.Type is not null) t = TypeNameType(tof.Type);
        else
        {
            _unevaluated++;
            int s = Expr(tof.Expression!);
            _unevaluated--;
            ref var info = ref _model.Expressions[s];
            if (info.IsBitField) Error(tof.FirstToken, "'typeof' applied to a bit-field");
            t = info.Type;
            // a variably modified operand is evaluated (gcc): mark it so
            if (t.IsVariablyModified && _unevaluated == 0) MarkEvaluated(tof.Expression!);
        }
        if (tof.IsUnqual) t = t.Type is ArrayType ? t.Unqualified : new QualifiedType(t.Type);
        return t;
    }

    /// <summary>The type a type name denotes (recorded for the model).</summary>
    private QualifiedType TypeNameType(TypeName tn)
    {
        var ds = Specifiers(tn.Specifiers);
        var attrs = ds.Attrs;
        var t = ApplyDeclarator(tn.Declarator, ds.Type, out _, null, ref attrs);
        t = ApplyTypeAttributes(t, ref attrs, tn.FirstToken, isTypedef: false);
        SetTypeName(tn, t);
        return t;
    }

    /// <summary>Applies <c>mode</c> and <c>vector_size</c> (which change a declaration's type) to <paramref name="t"/>.</summary>
    private QualifiedType ApplyTypeAttributes(QualifiedType t, ref AttrSet attrs, int token, bool isTypedef)
    {
        if (attrs.Mode is string mode)
        {
            int mark = _scratch.Count;
            var r = ApplyInnermost(t, inner => MachineMode.Apply(mode, inner, _scratch));
            TakeScratch(mark, attrs.ModeToken);
            if (r is { } rt) t = rt;
        }
        if (attrs.VectorSize is long vs)
        {
            int mark = _scratch.Count;
            var r = ApplyInnermost(t, inner =>
            {
                var v = _ctx.Vector(inner, vs, _scratch);
                return v is null ? (QualifiedType?)null : new QualifiedType(v, inner.Qualifiers, inner.AddressSpace);
            });
            TakeScratch(mark, attrs.VectorToken);
            if (r is { } rt) t = rt;
        }
        return t;
    }

    /// <summary>gcc applies <c>mode</c>/<c>vector_size</c> to the innermost type under pointers, arrays and functions (a pointer itself takes a pointer mode).</summary>
    private QualifiedType? ApplyInnermost(QualifiedType t, Func<QualifiedType, QualifiedType?> f)
    {
        var c = t.Type;
        switch (c)
        {
            case PointerType p:
            {
                var inner = ApplyInnermost(p.Pointee, f);
                return inner is { } i ? new QualifiedType(_ctx.Pointer(i), t.Qualifiers, t.AddressSpace) : (QualifiedType?)null;
            }
            case ArrayType a:
            {
                var inner = ApplyInnermost(a.Element, f);
                return inner is { } i ? new QualifiedType(_ctx.ArrayLike(a, i), t.Qualifiers, t.AddressSpace) : (QualifiedType?)null;
            }
            case FunctionType fn:
            {
                var inner = ApplyInnermost(fn.ReturnType, f);
                if (inner is not { } i) return null;
                return new QualifiedType(fn.IsPrototyped ? _ctx.Function(i, fn.Parameters, fn.IsVariadic) : _ctx.UnprototypedFunction(i, fn.OldStyleParameters));
            }
            default:
                return f(t);
        }
    }
}
