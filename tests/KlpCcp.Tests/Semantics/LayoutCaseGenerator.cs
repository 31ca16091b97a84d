using System.Text;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Semantics.Types.Layout;

namespace KlpCcp.Tests.Semantics;

/// <summary>
/// Generates random struct and union definitions (fixed seed) as C source and, in step, as
/// engine types; the C side records what gcc computed (sizeof, _Alignof, offsetof of every
/// named member, and each named bit-field's bits via an initialised object) so the test can
/// compare both. Covers bit-fields of every integer, enum and over/under-aligned typedef type
/// (width 0 included, named and unnamed), packed and aligned on members and records,
/// #pragma pack push/pop, anonymous struct/union members, nesting, zero-length and
/// flexible arrays, vectors, complex and _FloatN members.
/// </summary>
internal sealed class LayoutCaseGenerator
{
    public const string Preamble = """
        typedef int ai8 __attribute__((aligned(8)));
        typedef int ai2 __attribute__((aligned(2)));
        typedef long al4 __attribute__((aligned(4)));
        typedef char ac4 __attribute__((aligned(4)));
        typedef short as1 __attribute__((aligned(1)));
        typedef long long all2 __attribute__((aligned(2)));
        typedef unsigned char auc16 __attribute__((aligned(16)));
        enum eu { EU0, EU1 = 100 };
        enum es { ES0 = -1, ES1 = 5 };
        enum __attribute__((packed)) ep { EP0, EP1 = 200 };
        enum __attribute__((packed)) ep2 { EP20 = -1, EP21 = 300 };
        enum el { EL0 = 0x100000000 };
        typedef int v4si __attribute__((vector_size(16)));
        typedef char v8qi __attribute__((vector_size(8)));
        typedef double v4df __attribute__((vector_size(32)));
        typedef _Complex double cd;
        typedef _Complex char cc;
        typedef void *vp;

        """;

    /// <summary>A member type the generator can use.</summary>
    private sealed record Choice(string Spelling, QualifiedType Type, bool BitFieldOk, int Bits, bool ArrayOk);

    /// <summary>What the engine predicts for one generated record, in the order the C side emits the values.</summary>
    public sealed record Case(string Name, string Definition, long[] Expected, string[] ValueNames, List<(string Object, long BitOffset, long Width)> BitFields);

    private readonly Random _rng;
    private readonly TypeContext _ctx;
    private readonly List<Choice> _scalars = new();
    private readonly List<Choice> _bitFieldTypes = new();
    private readonly List<Choice> _records = new();
    private readonly PragmaPackState _pack;
    private readonly DiagnosticBag _diags = new();
    private readonly bool _pragmas;

    public LayoutCaseGenerator(TypeContext ctx, int seed, bool pragmas = true)
    {
        _ctx = ctx;
        _rng = new Random(seed);
        _pack = new PragmaPackState(ctx.Packing);
        _pragmas = pragmas && !ctx.Packing.PackAll;

        void Scalar(string spelling, QualifiedType t, bool bitField = false, bool arrayOk = true)
        {
            var c = new Choice(spelling, t, bitField, (int)(ctx.SizeOf(t)!.Value * 8), arrayOk);
            _scalars.Add(c);
            if (bitField) _bitFieldTypes.Add(c);
        }

        Scalar("char", ctx.Char, true);
        Scalar("signed char", ctx.SignedChar, true);
        Scalar("unsigned char", ctx.UnsignedChar, true);
        Scalar("short", ctx.Short, true);
        Scalar("unsigned short", ctx.UnsignedShort, true);
        Scalar("int", ctx.Int, true);
        Scalar("unsigned int", ctx.UnsignedInt, true);
        Scalar("long", ctx.Long, true);
        Scalar("unsigned long", ctx.UnsignedLong, true);
        Scalar("long long", ctx.LongLong, true);
        Scalar("unsigned long long", ctx.UnsignedLongLong, true);
        Scalar("__int128", ctx.Int128, true);
        Scalar("unsigned __int128", ctx.UnsignedInt128, true);
        Scalar("_Bool", ctx.Bool, true);
        Scalar("float", ctx.Float);
        Scalar("double", ctx.Double);
        Scalar("long double", ctx.LongDouble);
        Scalar("_Float16", ctx.Float16);
        Scalar("_Float128", ctx.Float128);
        Scalar("_Float64x", ctx.Float64x);
        Scalar("ai8", ctx.Typedef("ai8", ctx.Int, 8), true, arrayOk: false);
        Scalar("ai2", ctx.Typedef("ai2", ctx.Int, 2), true);
        Scalar("al4", ctx.Typedef("al4", ctx.Long, 4), true);
        Scalar("ac4", ctx.Typedef("ac4", ctx.Char, 4), true, arrayOk: false);
        Scalar("as1", ctx.Typedef("as1", ctx.Short, 1), true);
        Scalar("all2", ctx.Typedef("all2", ctx.LongLong, 2), true);
        Scalar("auc16", ctx.Typedef("auc16", ctx.UnsignedChar, 16), true, arrayOk: false);
        Scalar("enum eu", Enum("eu", false, ("EU0", null), ("EU1", 100)), true);
        Scalar("enum es", Enum("es", false, ("ES0", -1), ("ES1", 5)), true);
        Scalar("enum ep", Enum("ep", true, ("EP0", null), ("EP1", 200)), true);
        Scalar("enum ep2", Enum("ep2", true, ("EP20", -1), ("EP21", 300)), true);
        var el = ctx.NewEnum("el");
        el.AddEnumerator("EL0", IntegerConstant.Create(0x100000000, ctx.Long), _diags);
        el.Complete(false, _diags);
        Scalar("enum el", el, true);
        Scalar("v4si", ctx.Typedef("v4si", ctx.Vector(ctx.Int, 16, _diags)!));
        Scalar("v8qi", ctx.Typedef("v8qi", ctx.Vector(ctx.Char, 8, _diags)!));
        Scalar("v4df", ctx.Typedef("v4df", ctx.Vector(ctx.Double, 32, _diags)!));
        Scalar("cd", ctx.Typedef("cd", ctx.Complex(ctx.Double)));
        Scalar("cc", ctx.Typedef("cc", ctx.Complex(ctx.Char)));
        Scalar("vp", ctx.Typedef("vp", ctx.Pointer(ctx.Void)));
        Scalar("__builtin_va_list", ctx.BuiltinVaList);
        Scalar("_Atomic cd", new QualifiedType(ctx.Typedef("cd", ctx.Complex(ctx.Double)), TypeQualifiers.Atomic));
        Scalar("_Atomic cc", new QualifiedType(ctx.Typedef("cc", ctx.Complex(ctx.Char)), TypeQualifiers.Atomic));
        Scalar("_Atomic long double", new QualifiedType(ctx.LongDouble, TypeQualifiers.Atomic));
        Scalar("_Atomic short", new QualifiedType(ctx.Short, TypeQualifiers.Atomic));
    }

    public IReadOnlyList<Diagnostic> EngineDiagnostics => _diags.Items;

    private EnumType Enum(string tag, bool packed, params (string Name, int? Value)[] values)
    {
        var e = _ctx.NewEnum(tag);
        foreach (var (name, value) in values)
            e.AddEnumerator(name, value is int v ? IntegerConstant.Create(v, _ctx.Int) : null, _diags);
        e.Complete(packed, _diags);
        return e;
    }

    private bool Chance(double p) => _rng.NextDouble() < p;
    private T Pick<T>(IReadOnlyList<T> list) => list[_rng.Next(list.Count)];
    private int PickAlign() => Pick([1, 2, 4, 8, 16, 32]);

    /// <summary>Generates one top-level record and appends its C text (definition and checks) to <paramref name="c"/>.</summary>
    public Case Next(int index, StringBuilder c)
    {
        var name = "s" + index;
        var isUnion = Chance(0.2);
        var def = new StringBuilder();

        // #pragma pack around some records.
        var pushed = false;
        if (_pragmas && Chance(0.15))
        {
            var n = Pick([1, 2, 4, 8, 16]);
            def.Append("#pragma pack(push, ").Append(n).Append(")\n");
            _pack.Push(null, n, _diags);
            pushed = true;
        }
        else if (_pragmas && Chance(0.03))
        {
            var n = Pick([1, 2, 4]);
            def.Append("#pragma pack(").Append(n).Append(")\n");
            _pack.Set(n, _diags);
        }
        else if (_pragmas && Chance(0.05))
        {
            def.Append("#pragma pack()\n");
            _pack.Set(null, _diags);
        }

        var record = isUnion ? _ctx.NewUnion(name) : _ctx.NewStruct(name);
        var names = new List<(string Path, string Display)>();
        var bitFields = new List<(string Member, int Width, bool IsBool)>();
        var counter = 0;
        var attrs = RecordAttributeText(out var recordAttrs);
        def.Append(isUnion ? "union" : "struct").Append(attrs).Append(' ').Append(name).Append(" {\n");
        var members = GenerateMembers(def, isUnion, depth: 0, ref counter, bitFields, "  ");
        def.Append("};\n");
        record.Complete(members, recordAttrs with { MaxFieldAlignment = _pack.Current }, _diags);
        if (pushed)
        {
            def.Append("#pragma pack(pop)\n");
            _pack.Pop(null, _diags);
        }

        var spelled = (isUnion ? "union " : "struct ") + name;
        var hasFam = record.HasFlexibleArrayMember;
        if (!hasFam && record.Layout.Size > 0 && Chance(0.6))
            _records.Add(new Choice(spelled, record, false, (int)record.Layout.Size * 8, record.Layout.Size % record.Layout.Alignment == 0));

        // The values gcc computes, in order.
        var exprs = new List<string> { $"sizeof({spelled})", $"__alignof__({spelled})", $"_Alignof({spelled})" };
        var expected = new List<long> { record.Layout.Size, record.Layout.Alignment, _ctx.C11AlignOf(record) };
        CollectOffsets(record, spelled, exprs, expected);
        c.Append(def);
        c.Append("long L_").Append(name).Append("[] = { ").Append(string.Join(", ", exprs)).Append(" };\n");

        var bfChecks = new List<(string, long, long)>();
        foreach (var (member, width, isBool) in bitFields)
        {
            if (!record.TryFindMember(member, out var path)) continue;
            var obj = $"B_{name}_{member}";
            c.Append(spelled).Append(' ').Append(obj).Append(" = { .").Append(member).Append(isBool ? " = 1 };\n" : " = -1 };\n");
            bfChecks.Add((obj, path.BitOffset, width));
        }
        return new Case(name, def.ToString(), expected.ToArray(), exprs.ToArray(), bfChecks);
    }

    private static void CollectOffsets(RecordType record, string spelled, List<string> exprs, List<long> expected)
    {
        void Walk(RecordType r)
        {
            foreach (var m in r.Members)
            {
                if (m.IsAnonymousRecord) Walk((RecordType)m.Type.CanonicalType);
                else if (m.Name is not null && !m.IsBitField && record.TryFindMember(m.Name, out var p))
                {
                    exprs.Add($"__builtin_offsetof({spelled}, {m.Name})");
                    expected.Add(p.ByteOffset);
                }
            }
        }
        Walk(record);
    }

    private string RecordAttributeText(out RecordAttributes attrs)
    {
        var parts = new List<string>();
        attrs = default;
        if (Chance(0.2))
        {
            parts.Add("packed");
            attrs = attrs with { Packed = true };
        }
        if (Chance(0.12))
        {
            if (Chance(0.2))
            {
                parts.Add("aligned");
                attrs = attrs with { Alignment = _ctx.DefaultAlignedAttributeValue };
            }
            else
            {
                var a = PickAlign();
                parts.Add($"aligned({a})");
                attrs = attrs with { Alignment = a };
            }
        }
        return parts.Count == 0 ? "" : " __attribute__((" + string.Join(", ", parts) + "))";
    }

    private List<RecordMember> GenerateMembers(StringBuilder def, bool isUnion, int depth, ref int counter,
        List<(string, int, bool)> bitFields, string indent)
    {
        var members = new List<RecordMember>();
        var count = Chance(0.03) ? 0 : _rng.Next(1, depth == 0 ? 9 : 5);
        for (var i = 0; i < count; i++)
        {
            var memberName = "m" + counter++;
            if (depth == 0 && Chance(0.07))
            {
                // Anonymous struct/union member defined inline.
                var innerUnion = Chance(0.5);
                var inner = innerUnion ? _ctx.NewUnion(null) : _ctx.NewStruct(null);
                var attrs = RecordAttributeText(out var innerAttrs);
                def.Append(indent).Append(innerUnion ? "union" : "struct").Append(attrs).Append(" {\n");
                var innerMembers = GenerateMembers(def, innerUnion, depth + 1, ref counter, bitFields, indent + "  ");
                if (innerMembers.Count == 0)
                {
                    innerMembers.Add(new RecordMember("m" + counter, _ctx.Int));
                    def.Append(indent).Append("  int m").Append(counter++).Append(";\n");
                }
                def.Append(indent).Append("};\n");
                inner.Complete(innerMembers, innerAttrs with { MaxFieldAlignment = _pack.Current }, _diags);
                var anon = new RecordMember(null, inner);
                members.Add(anon);
                continue;
            }

            if (Chance(0.32))
            {
                var t = Pick(_bitFieldTypes);
                var maxWidth = t.Type.CanonicalType is IntegerType { IsBool: true } ? 1 : t.Bits;
                var width = Chance(0.12) ? 0 : _rng.Next(1, maxWidth + 1);
                var named = width > 0 && !Chance(0.2);
                var (packedAttr, alignAttr, attrText) = MemberAttributes();
                def.Append(indent).Append(t.Spelling).Append(' ').Append(named ? memberName : "").Append(" : ").Append(width).Append(attrText).Append(";\n");
                members.Add(new RecordMember(named ? memberName : null, t.Type, width) { IsPacked = packedAttr, Alignment = alignAttr });
                if (named) bitFields.Add((memberName, width, t.Type.CanonicalType is IntegerType { IsBool: true }));
                continue;
            }

            var choice = _records.Count > 0 && Chance(0.15) ? Pick(_records) : Pick(_scalars);
            var type = choice.Type;
            var suffix = "";
            if (choice.ArrayOk && Chance(0.18))
            {
                var n = Chance(0.25) ? 0 : _rng.Next(1, 5);
                type = _ctx.Array(type, n);
                suffix = $"[{n}]";
            }
            else if (!isUnion && depth == 0 && i == count - 1 && members.Any(m => m.Name is not null) && choice.ArrayOk && Chance(0.25))
            {
                type = _ctx.IncompleteArray(type);
                suffix = "[]";
            }
            var (p, a, text) = MemberAttributes();
            def.Append(indent).Append(choice.Spelling).Append(' ').Append(memberName).Append(suffix).Append(text).Append(";\n");
            members.Add(new RecordMember(memberName, type) { IsPacked = p, Alignment = a });
        }
        return members;
    }

    private (bool Packed, int? Align, string Text) MemberAttributes()
    {
        var parts = new List<string>();
        var packed = false;
        int? align = null;
        if (Chance(0.1))
        {
            packed = true;
            parts.Add("packed");
        }
        if (Chance(0.08))
        {
            align = PickAlign();
            parts.Add($"aligned({align})");
        }
        return (packed, align, parts.Count == 0 ? "" : " __attribute__((" + string.Join(", ", parts) + "))");
    }
}
