using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Constants;

namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// An enum type: one object per tag declaration, completed in place at the closing brace.
/// Enumerators are added one by one (<see cref="AddEnumerator"/>) so later initializers can
/// use earlier ones; <see cref="Complete"/> then picks the compatible integer type as gcc does:
/// <c>unsigned int</c> if no value is negative and all fit, else <c>int</c>, else the
/// narrowest of long / long long / __int128 of the needed precision; with <c>packed</c> (or a
/// <c>mode</c>) the narrowest type of the needed precision.
/// </summary>
public sealed class EnumType : CType
{
    private readonly List<Enumerator> _enumerators = new();
    private IntegerConstant? _next;
    private bool _nextOverflowed;

    internal EnumType(TypeContext context, string? tag) : base(context, TypeKind.Enum)
    {
        Tag = tag;
        SetCanonicalToSelf();
        CompatibleType = context.UnsignedInt;
    }

    public string? Tag { get; }
    public bool IsDefined { get; private set; }
    public override bool IsComplete => IsDefined;
    public IReadOnlyList<Enumerator> Enumerators => _enumerators;
    public bool IsPacked { get; private set; }
    /// <summary>
    /// The integer type the enum is compatible with and laid out as (its underlying type).
    /// Before completion gcc treats the enum like <c>unsigned int</c>.
    /// </summary>
    public IntegerType CompatibleType { get; private set; }
    /// <summary>The tag declaration or definition, for the semantic analyzer (opaque here).</summary>
    public object? Declaration { get; set; }

    /// <summary>
    /// Adds an enumerator with an explicit (already evaluated) value, or the previous value + 1
    /// when <paramref name="value"/> is null. Reports "overflow in enumeration values".
    /// </summary>
    public Enumerator AddEnumerator(string name, IntegerConstant? value, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        var ctx = Context;
        IntegerConstant v;
        if (value is { } given)
        {
            v = ArithmeticConversions.Promote(given);
        }
        else
        {
            v = _next ?? IntegerConstant.Create(0, ctx.Int);
            if (_nextOverflowed) diagnostics.Error("overflow in enumeration values", location);
        }
        if (v.FitsIn(ctx.Int)) v = v.ConvertTo(ctx.Int);

        // Next default value: v + 1 in v's type; gcc flags overflow when it wrapped.
        var next = IntegerArithmetic.AddOne(v);
        _nextOverflowed = IntegerArithmetic.Compare(next, v) < 0;
        _next = next;

        var type = ctx.IntegerTypeForSize(Math.Max(v.Type.Bits, ctx.Int.Bits), v.Type.Bits >= ctx.Int.Bits && !v.Type.IsSigned)!;
        var e = new Enumerator(this, name, v.ConvertTo(type), type);
        _enumerators.Add(e);
        return e;
    }

    /// <summary>
    /// Completes the enum at its closing brace. <paramref name="modeBits"/> is the precision
    /// of a <c>mode</c> attribute on the enum, if any.
    /// </summary>
    public void Complete(bool packed, DiagnosticBag diagnostics, DiagnosticLocation? location = null, int? modeBits = null)
    {
        var ctx = Context;
        if (IsDefined)
        {
            diagnostics.Error($"redeclaration of 'enum {Tag}'", location);
            return;
        }
        Int128 min = 0, max = 0;
        UInt128 maxUnsigned = 0;
        var anyUnsignedHuge = false;
        for (var i = 0; i < _enumerators.Count; i++)
        {
            var v = _enumerators[i].Value;
            if (v.IsNegative) { if (v.Value < min) min = v.Value; }
            else if (v.UnsignedValue > (UInt128)Int128.MaxValue) { anyUnsignedHuge = true; maxUnsigned = UInt128.Max(maxUnsigned, v.UnsignedValue); }
            else if (v.Value > max) max = v.Value;
        }
        var unsigned = min >= 0;
        int precision;
        if (anyUnsignedHuge) precision = unsigned ? 128 : 129;
        else precision = Math.Max(MinPrecision(min, unsigned), MinPrecision(max, unsigned));

        IntegerType? tem;
        if (modeBits is int mb)
        {
            if (precision > mb)
            {
                diagnostics.Error("specified mode too small for enumerated values", location);
                tem = ctx.IntegerTypeForSize(precision, unsigned);
            }
            else tem = ctx.IntegerTypeForSize(mb, unsigned);
        }
        else if (packed || precision > ctx.Int.Bits)
        {
            tem = ctx.IntegerTypeForSize(precision, unsigned);
        }
        else tem = unsigned ? ctx.UnsignedInt : ctx.Int;
        if (tem is null)
        {
            diagnostics.Warning("enumeration values exceed range of largest integer", location);
            tem = ctx.LongLong;
        }

        CompatibleType = tem;
        IsPacked = packed;
        IsDefined = true;
        foreach (var e in _enumerators)
        {
            if (!ReferenceEquals(e.Value.Type, ctx.Int))
            {
                e.Value = e.Value.ConvertTo(tem);
                e.Type = this;
            }
            else e.Type = ctx.Int;
        }
        _next = null;
    }

    /// <summary>gcc's tree_int_cst_min_precision.</summary>
    private static int MinPrecision(Int128 value, bool unsigned)
    {
        if (value < 0) value = ~value;
        if (value == 0) return 1;
        var log2 = 127 - (int)Int128.LeadingZeroCount(value);
        return log2 + 1 + (unsigned ? 0 : 1);
    }
}
