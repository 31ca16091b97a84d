using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Semantics.Types.Layout;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Semantics;

/// <summary>One test per layout rule, with numbers worked out by hand (and agreeing with gcc 12).</summary>
public class LayoutTests
{
    private static TypeContext Ctx(TargetArch arch = TargetArch.X86_64, StructPackingOptions packing = default) => new(TargetInfo.For(arch), packing);

    private static RecordType Struct(TypeContext c, RecordAttributes attrs, params RecordMember[] members)
    {
        var s = c.NewStruct(null);
        var d = new DiagnosticBag();
        s.Complete(members, attrs, d);
        d.Items.Where(x => x.Severity == Severity.Error).ShouldBeEmpty();
        return s;
    }

    private static RecordType Struct(TypeContext c, params RecordMember[] members) => Struct(c, default, members);
    private static RecordMember M(string? name, QualifiedType t, int? width = null, bool packed = false, int? aligned = null) =>
        new(name, t, width) { IsPacked = packed, Alignment = aligned };
    private static long[] BitOffsets(RecordType r) => r.Layout.Members.Select(m => m.BitOffset).ToArray();

    [Theory]
    [InlineData(TargetArch.X86_64)]
    [InlineData(TargetArch.AArch64)]
    public void BasicTypeSizes(TargetArch arch)
    {
        var c = Ctx(arch);
        c.SizeOf(c.Bool).ShouldBe(1);
        c.SizeOf(c.Long).ShouldBe(8);
        c.SizeOf(c.Int128).ShouldBe(16);
        c.AlignOf(c.Int128).ShouldBe(16);
        c.SizeOf(c.LongDouble).ShouldBe(16);
        c.AlignOf(c.LongDouble).ShouldBe(16);
        c.SizeOf(c.Float16).ShouldBe(2);
        c.SizeOf(c.Float32x).ShouldBe(8);
        c.SizeOf(c.Float64x).ShouldBe(16);
        c.SizeOf(c.Complex(c.LongDouble)).ShouldBe(32);
        c.AlignOf(c.Complex(c.LongDouble)).ShouldBe(16);
        c.SizeOf(c.Complex(c.Char)).ShouldBe(2);
        c.SizeOf(c.Void).ShouldBe(1);
        c.SizeOf(c.Function(c.Int, [])).ShouldBe(1);
        c.AlignOf(c.Function(c.Int, [])).ShouldBe(arch == TargetArch.X86_64 ? 1 : 4);
        c.SizeOf(c.Array(c.Int, 0)).ShouldBe(0);
        c.SizeOf(c.IncompleteArray(c.Int)).ShouldBeNull();
        c.SizeOf(c.VariableArray(c.Int, null)).ShouldBeNull();
    }

    [Fact]
    public void VectorSizesAndAlignments()
    {
        var d = new DiagnosticBag();
        var x = Ctx();
        var arm = Ctx(TargetArch.AArch64);
        x.AlignOf(x.Vector(x.Int, 64, d)!).ShouldBe(64);
        x.C11AlignOf(x.Vector(x.Int, 64, d)!).ShouldBe(16);   // capped at __BIGGEST_ALIGNMENT__ without AVX
        arm.AlignOf(arm.Vector(arm.Int, 64, d)!).ShouldBe(16);
        x.AlignOf(x.Vector(x.Char, 2, d)!).ShouldBe(2);
        x.SizeOf(x.Vector(x.Double, 32, d)!).ShouldBe(32);
        // A struct with a 32-byte vector: __alignof__ 32, _Alignof 16 on x86 without AVX.
        var s = Struct(x, M("c", x.Char), M("v", x.Vector(x.Double, 32, d)!));
        s.Layout.Alignment.ShouldBe(32);
        x.C11AlignOf(s).ShouldBe(16);
        s.Layout.Members[1].ByteOffset.ShouldBe(32);
    }

    [Fact]
    public void AtomicRaisesAlignmentToPowerOfTwoSizes()
    {
        var c = Ctx();
        var s3 = Struct(c, M("a", c.Array(c.Char, 3)));
        var s2 = Struct(c, M("a", c.Array(c.Char, 2)));
        var s16 = Struct(c, M("a", c.Array(c.Char, 16)));
        c.AlignOf(new QualifiedType(s3, TypeQualifiers.Atomic)).ShouldBe(1);
        c.AlignOf(new QualifiedType(s2, TypeQualifiers.Atomic)).ShouldBe(2);
        c.AlignOf(new QualifiedType(s16, TypeQualifiers.Atomic)).ShouldBe(16);
        c.AlignOf(new QualifiedType(c.Complex(c.Float), TypeQualifiers.Atomic)).ShouldBe(8);
    }

    [Fact]
    public void OrdinaryMembersArePaddedToTheirAlignment()
    {
        var c = Ctx();
        var s = Struct(c, M("c", c.Char), M("l", c.Long), M("s", c.Short));
        BitOffsets(s).ShouldBe([0, 64, 128]);
        s.Layout.Size.ShouldBe(24);
        s.Layout.Alignment.ShouldBe(8);
    }

    [Fact]
    public void BitFieldsShareTheirTypesStorageUnitWithoutStraddling()
    {
        var c = Ctx();
        // int a:3, b:30 -> b does not fit in the first int unit: bit 32; char c:4 at 62 would
        // straddle a char unit: bit 64; 68 bits round up to 12 bytes.
        var s = Struct(c, M("a", c.Int, 3), M("b", c.Int, 30), M("c", c.Char, 4));
        BitOffsets(s).ShouldBe([0, 32, 64]);
        s.Layout.Size.ShouldBe(12);
        // char c; long x:32 -> x fits in the first 64-bit unit at bit 8.
        var t = Struct(c, M("c", c.Char), M("x", c.Long, 32));
        BitOffsets(t).ShouldBe([0, 8]);
        t.Layout.Size.ShouldBe(8);
        t.Layout.Alignment.ShouldBe(8);
        // Bit-fields of _Bool, enum and long long types.
        var d = new DiagnosticBag();
        var e = c.NewEnum("e");
        e.AddEnumerator("A", IntegerConstant.Create(3, c.Int), d);
        e.Complete(false, d);
        var u = Struct(c, M("b", c.Bool, 1), M("e", e, 2), M("ll", c.LongLong, 40), M("z", c.Bool, 1));
        BitOffsets(u).ShouldBe([0, 1, 3, 43]);
        u.Layout.Size.ShouldBe(8);
    }

    [Fact]
    public void ZeroWidthBitFieldRealignsTheNextField()
    {
        var x = Struct(Ctx(), M("c", Ctx().Char), M(null, Ctx().Int, 0), M("d", Ctx().Char));
        BitOffsets(x).ShouldBe([0, 32, 32]);
        x.Layout.Size.ShouldBe(5);  // x86_64: unnamed bit-fields do not align the struct
        x.Layout.Alignment.ShouldBe(1);
        var a = Ctx(TargetArch.AArch64);
        var y = Struct(a, M("c", a.Char), M(null, a.Int, 0), M("d", a.Char));
        y.Layout.Size.ShouldBe(8);  // aarch64: they do
        y.Layout.Alignment.ShouldBe(4);
    }

    [Fact]
    public void UnnamedBitFieldsAlignTheStructOnlyOnAArch64()
    {
        var x = Ctx();
        Struct(x, M("c", x.Char), M(null, x.Int, 3)).Layout.Size.ShouldBe(2);
        var a = Ctx(TargetArch.AArch64);
        Struct(a, M("c", a.Char), M(null, a.Int, 3)).Layout.Size.ShouldBe(4);
        // A union too.
        var u = x.NewUnion(null);
        u.Complete([M("c", x.Char), M(null, x.Int, 20)], default, new DiagnosticBag());
        u.Layout.Size.ShouldBe(3);
        var ua = a.NewUnion(null);
        ua.Complete([M("c", a.Char), M(null, a.Int, 20)], default, new DiagnosticBag());
        ua.Layout.Size.ShouldBe(4);
    }

    [Fact]
    public void PackedStructAndMembers()
    {
        var c = Ctx();
        var s = Struct(c, new RecordAttributes { Packed = true }, M("c", c.Char), M("i", c.Int), M("b", c.Int, 4), M("x", c.Int, 30));
        BitOffsets(s).ShouldBe([0, 8, 40, 44]);
        s.Layout.Size.ShouldBe(10);
        s.Layout.Alignment.ShouldBe(1);
        // packed on one member only.
        var t = Struct(c, M("c", c.Char), M("i", c.Int, packed: true), M("s", c.Short));
        BitOffsets(t).ShouldBe([0, 8, 48]);
        t.Layout.Size.ShouldBe(8);
        t.Layout.Alignment.ShouldBe(2);
        // packed + aligned(2) on a member: the explicit alignment is kept.
        var u = Struct(c, M("c", c.Char), M("i", c.Int, packed: true, aligned: 2));
        BitOffsets(u).ShouldBe([0, 16]);
        u.Layout.Size.ShouldBe(6);
    }

    [Fact]
    public void AlignedOnMembersAndStructs()
    {
        var c = Ctx();
        var s = Struct(c, M("c", c.Char), M("i", c.Int, aligned: 16));
        BitOffsets(s).ShouldBe([0, 128]);
        s.Layout.Size.ShouldBe(32);
        s.Layout.Alignment.ShouldBe(16);
        // aligned(1) on a member cannot lower its alignment (not packed).
        Struct(c, M("c", c.Char), M("i", c.Int, aligned: 1)).Layout.Members[1].ByteOffset.ShouldBe(4);
        // Struct-level aligned raises alignment and size; it cannot lower them on a definition.
        Struct(c, new RecordAttributes { Alignment = 8 }, M("c", c.Char)).Layout.Size.ShouldBe(8);
        Struct(c, new RecordAttributes { Alignment = 1 }, M("i", c.Int)).Layout.Alignment.ShouldBe(4);
        // packed + aligned(4): members packed, the whole rounded to 4.
        Struct(c, new RecordAttributes { Packed = true, Alignment = 4 }, M("c", c.Char), M("i", c.Int)).Layout.Size.ShouldBe(8);
        // "aligned" without a value: the biggest alignment.
        Struct(c, new RecordAttributes { Alignment = c.Target.BiggestAlignment }, M("c", c.Char)).Layout.Size.ShouldBe(16);
    }

    [Fact]
    public void TypedefAlignmentAppliesToMembersAndMayLowerIt()
    {
        var c = Ctx();
        var ai8 = c.Typedef("ai8", c.Int, 8);
        c.SizeOf(ai8).ShouldBe(4);
        c.AlignOf(ai8).ShouldBe(8);
        var s = Struct(c, M("c", c.Char), M("i", ai8));
        BitOffsets(s).ShouldBe([0, 64]);
        s.Layout.Size.ShouldBe(16);
        // typedef struct S S1 __attribute__((aligned(1))): lowers the alignment.
        var inner = Struct(c, M("i", c.Int));
        var s1 = c.Typedef("S1", inner, 1);
        c.AlignOf(s1).ShouldBe(1);
        Struct(c, M("c", c.Char), M("s", s1)).Layout.Size.ShouldBe(5);
        // packed beats a typedef's alignment (not an explicit one on the member).
        Struct(c, new RecordAttributes { Packed = true }, M("c", c.Char), M("i", ai8)).Layout.Size.ShouldBe(5);
        // A bit-field of an over-aligned typedef: int a; aint b:32 -> b becomes an ordinary int at 4.
        var t = Struct(c, M("a", c.Int), M("b", ai8, 32));
        BitOffsets(t).ShouldBe([0, 32]);
        t.Layout.Size.ShouldBe(8);
        // ... whereas a narrower one may not straddle its 8-byte "unit" that is larger than its size.
        var u = Struct(c, M("a", c.Int), M("b", ai8, 31));
        BitOffsets(u).ShouldBe([0, 64]);
        u.Layout.Size.ShouldBe(16);
        // Arrays of under-aligned typedefs keep the element alignment.
        c.AlignOf(c.Array(c.Typedef("as1", c.Short, 1), 3)).ShouldBe(1);
    }

    [Fact]
    public void PragmaPack()
    {
        var c = Ctx();
        var d = new DiagnosticBag();
        var pack = new PragmaPackState();
        pack.Push(null, 2, d);
        var s = Struct(c, new RecordAttributes { MaxFieldAlignment = pack.Current }, M("c", c.Char), M("l", c.Long), M("b", c.Int, 20), M("x", c.Int, 20));
        BitOffsets(s).ShouldBe([0, 16, 80, 100]);  // no straddling rule under #pragma pack
        s.Layout.Size.ShouldBe(16);
        s.Layout.Alignment.ShouldBe(2);
        pack.Pop(null, d);
        pack.Current.ShouldBe(0);
        // #pragma pack caps even an explicit member alignment.
        Struct(c, new RecordAttributes { MaxFieldAlignment = 1 }, M("c", c.Char), M("i", c.Int, aligned: 8)).Layout.Size.ShouldBe(5);
        // ... but not the struct's own aligned attribute.
        Struct(c, new RecordAttributes { MaxFieldAlignment = 1, Alignment = 8 }, M("c", c.Char), M("i", c.Int)).Layout.Size.ShouldBe(8);
        d.Items.ShouldBeEmpty();
    }

    [Fact]
    public void PragmaPackStack()
    {
        var d = new DiagnosticBag();
        var p = new PragmaPackState(new StructPackingOptions(InitialMaxFieldAlignment: 4));
        p.Current.ShouldBe(4);
        p.Push("a", 1, d);
        p.Push(null, 2, d);
        p.Set(8, d);
        p.Current.ShouldBe(8);
        p.Pop("a", d);
        p.Current.ShouldBe(4);        // the value before the first push
        p.Set(2, d);
        p.Set(null, d);               // pack(): back to -fpack-struct=n
        p.Current.ShouldBe(4);
        p.Push(null, null, d);
        p.Set(1, d);
        p.Pop(null, d);
        p.Current.ShouldBe(4);
        p.Pop(null, d);
        p.Set(3, d);
        d.Items.Select(x => x.Message).ShouldBe([
            "#pragma pack (pop) encountered without matching #pragma pack (push)",
            "alignment must be a small power of two, not 3",
        ]);
        var all = new PragmaPackState(new StructPackingOptions(PackAll: true));
        all.Set(2, d);
        all.Current.ShouldBe(0);
        d.Items[^1].Message.ShouldBe("#pragma pack has no effect with -fpack-struct - ignored");
    }

    [Fact]
    public void PackStructOptions()
    {
        var packAll = Ctx(packing: new StructPackingOptions(PackAll: true));
        Struct(packAll, M("c", packAll.Char), M("i", packAll.Int)).Layout.Size.ShouldBe(5);
        var pack2 = Ctx(packing: new StructPackingOptions(InitialMaxFieldAlignment: 2));
        var s = Struct(pack2, new RecordAttributes { MaxFieldAlignment = 2 }, M("c", pack2.Char), M("i", pack2.Int));
        s.Layout.Size.ShouldBe(6);
        // The builtin va_list record is laid out under -fpack-struct=n as well.
        pack2.AlignOf(pack2.BuiltinVaList).ShouldBe(2);
    }

    [Fact]
    public void FlexibleAndZeroLengthArrays()
    {
        var c = Ctx();
        var s = Struct(c, M("n", c.Int), M("c", c.Char), M("data", c.IncompleteArray(c.Long)));
        s.HasFlexibleArrayMember.ShouldBeTrue();
        BitOffsets(s).ShouldBe([0, 32, 64]);
        s.Layout.Size.ShouldBe(8);
        s.Layout.Alignment.ShouldBe(8);
        var z = Struct(c, M("c", c.Char), M("z", c.Array(c.Int, 0)));
        BitOffsets(z).ShouldBe([0, 32]);
        z.Layout.Size.ShouldBe(4);
        Struct(c).Layout.Size.ShouldBe(0);
        Struct(c).Layout.Alignment.ShouldBe(1);
    }

    [Fact]
    public void AnonymousMembersExposeTheirFields()
    {
        var c = Ctx();
        var inner = c.NewUnion(null);
        inner.Complete([M("a", c.Int), M("b", c.Double)], default, new DiagnosticBag());
        var deeper = c.NewStruct(null);
        deeper.Complete([M("x", c.Char), M("y", c.Short)], default, new DiagnosticBag());
        var s = Struct(c, M("c", c.Char), M(null, inner), M(null, deeper), M("z", c.Int));
        s.TryFindMember("b", out var b).ShouldBeTrue();
        b.ByteOffset.ShouldBe(8);
        b.Indices.ShouldBe([1, 1]);
        b.IsDirect.ShouldBeFalse();
        s.TryFindMember("y", out var y).ShouldBeTrue();
        y.ByteOffset.ShouldBe(18);
        s.TryFindMember("z", out var z).ShouldBeTrue();
        z.ByteOffset.ShouldBe(20);
        s.TryFindMember("nope", out _).ShouldBeFalse();
        s.Layout.Size.ShouldBe(24);
    }

    [Fact]
    public void TransparentUnionHasTheUnionsLayout()
    {
        var c = Ctx();
        var u = c.NewUnion("w");
        var d = new DiagnosticBag();
        u.Complete([M("ip", c.Pointer(c.Int)), M("lp", c.Pointer(c.Long))], new RecordAttributes { TransparentUnion = true }, d);
        u.IsTransparentUnion.ShouldBeTrue();
        u.Layout.Size.ShouldBe(8);
        var empty = c.NewUnion("e");
        empty.Complete([], new RecordAttributes { TransparentUnion = true }, d);
        d.Items.Single().Message.ShouldBe("union cannot be made transparent");
        var s = c.NewStruct("s");
        s.MarkTransparentUnion(d);
        d.Items[^1].Message.ShouldBe("'transparent_union' attribute ignored");
    }

    [Fact]
    public void MemberErrors()
    {
        var c = Ctx();
        var d = new DiagnosticBag();
        var s = c.NewStruct("s");
        var incomplete = c.NewStruct("inc");
        s.Complete([
            M("f", c.Double, 3),
            M("z", c.Int, 0),
            M("w", c.Int, 33),
            M("b", c.Bool, 2),
            M("n", c.Int, -1),
            M("i", incomplete),
            M("fn", c.Function(c.Int, [])),
            M("fam", c.IncompleteArray(c.Int)),
            M("w", c.Int),
            M("at", new QualifiedType(c.Int, TypeQualifiers.Atomic), 3),
        ], default, d);
        d.Items.Select(x => x.Message).ShouldBe([
            "bit-field 'f' has invalid type",
            "zero width for bit-field 'z'",
            "width of 'w' exceeds its type",
            "width of 'b' exceeds its type",
            "negative width in bit-field 'n'",
            "field 'i' has incomplete type",
            "field 'fn' declared as a function",
            "flexible array member not at end of struct",
            "duplicate member 'w'",
            "bit-field 'at' has atomic type",
        ]);
        var u = c.NewUnion("u");
        u.Complete([M("a", c.Int), M("fam", c.IncompleteArray(c.Int))], default, d);
        d.Items[^1].Message.ShouldBe("flexible array member in union");
        s.Complete([], default, d);
        d.Items[^1].Message.ShouldBe("redefinition of 'struct s'");
    }

    [Fact]
    public void EnumBitFieldsNarrowerThanTheirValuesWarn()
    {
        var c = Ctx();
        var d = new DiagnosticBag();
        var eu = c.NewEnum("eu");
        eu.AddEnumerator("EU0", null, d);
        eu.AddEnumerator("EU1", IntegerConstant.Create(100, c.Int), d);
        eu.Complete(false, d);
        var es = c.NewEnum("es");
        es.AddEnumerator("ES0", IntegerConstant.Create(-1, c.Int), d);
        es.AddEnumerator("ES1", IntegerConstant.Create(5, c.Int), d);
        es.Complete(false, d);
        c.NewStruct("a").Complete([M("x", eu, 7), M("y", eu, 6), M("z", es, 4), M("w", es, 3), M("v", eu, 32)], default, d);
        // As gcc 12 reports for the same declarations.
        d.Items.Select(x => x.Message).ShouldBe(["'y' is narrower than values of its type", "'w' is narrower than values of its type"]);
        d.Items.ShouldAllBe(x => x.Severity == Severity.Warning);
    }

    [Fact]
    public void EnumUnderlyingTypes()
    {
        var c = Ctx();
        EnumType E(bool packed, params long[] values)
        {
            var d = new DiagnosticBag();
            var e = c.NewEnum(null);
            var i = 0;
            foreach (var v in values) e.AddEnumerator("E" + i++, IntegerConstant.Create(v, c.Long), d);
            e.Complete(packed, d);
            return e;
        }
        E(false, 0, 5).CompatibleType.ShouldBeSameAs(c.UnsignedInt);
        E(false, -1, 5).CompatibleType.ShouldBeSameAs(c.Int);
        E(false, 0xffffffffL).CompatibleType.ShouldBeSameAs(c.UnsignedInt);
        E(false, -1, 0xffffffffL).CompatibleType.ShouldBeSameAs(c.Long);
        E(false, 0x100000000L).CompatibleType.ShouldBeSameAs(c.UnsignedLong);
        E(false, long.MinValue).CompatibleType.ShouldBeSameAs(c.Long);
        E(true, 0, 200).CompatibleType.ShouldBeSameAs(c.UnsignedChar);
        E(true, -1, 100).CompatibleType.ShouldBeSameAs(c.SignedChar);
        E(true, -1, 300).CompatibleType.ShouldBeSameAs(c.Short);
        E(true, 0, 70000).CompatibleType.ShouldBeSameAs(c.UnsignedInt);
        c.SizeOf(E(true, 0, 200)).ShouldBe(1);
    }

    [Fact]
    public void EnumeratorTypesAndOverflow()
    {
        var c = Ctx();
        var d = new DiagnosticBag();
        var e = c.NewEnum("e");
        var a = e.AddEnumerator("A", IntegerConstant.Create(0x80000000L, c.Long), d);
        a.Type.Type.ShouldBeSameAs(c.Long);  // inside the body: the value's (promoted) type
        var b = e.AddEnumerator("B", null, d);
        b.Value.Value.ShouldBe(0x80000001L);
        var small = e.AddEnumerator("C", IntegerConstant.Create(7, c.Long), d);
        small.Type.Type.ShouldBeSameAs(c.Int);
        e.Complete(false, d);
        e.CompatibleType.ShouldBeSameAs(c.UnsignedInt);
        a.Type.Type.ShouldBeSameAs(e);       // after the brace: the enum type
        a.Value.Type.ShouldBeSameAs(c.UnsignedInt);
        small.Type.Type.ShouldBeSameAs(c.Int);
        d.Items.ShouldBeEmpty();

        var o = c.NewEnum("o");
        o.AddEnumerator("M", IntegerConstant.Create(int.MaxValue, c.Int), d);
        o.AddEnumerator("N", null, d);
        d.Items.Single().Message.ShouldBe("overflow in enumeration values");
    }

    [Fact]
    public void MachineModes()
    {
        var c = Ctx();
        var arm = Ctx(TargetArch.AArch64);
        var d = new DiagnosticBag();
        MachineMode.Apply("QI", c.Int, d)!.Value.Type.ShouldBeSameAs(c.SignedChar);
        MachineMode.Apply("QI", c.Char, d)!.Value.Type.ShouldBeSameAs(c.SignedChar);
        MachineMode.Apply("__HI__", c.UnsignedInt, d)!.Value.Type.ShouldBeSameAs(c.UnsignedShort);
        MachineMode.Apply("SI", c.Long, d)!.Value.Type.ShouldBeSameAs(c.Int);
        MachineMode.Apply("DI", c.Int, d)!.Value.Type.ShouldBeSameAs(c.Long);
        MachineMode.Apply("TI", c.UnsignedInt, d)!.Value.Type.ShouldBeSameAs(c.UnsignedInt128);
        MachineMode.Apply("word", c.UnsignedInt, d)!.Value.Type.ShouldBeSameAs(c.UnsignedLong);
        MachineMode.Apply("pointer", c.Int, d)!.Value.Type.ShouldBeSameAs(c.Long);
        MachineMode.Apply("byte", c.UnsignedInt, d)!.Value.Type.ShouldBeSameAs(c.UnsignedChar);
        MachineMode.Apply("unwind_word", c.Int, d)!.Value.Type.ShouldBeSameAs(c.Long);
        MachineMode.Apply("SF", c.Double, d)!.Value.Type.ShouldBeSameAs(c.Float);
        MachineMode.Apply("XF", c.Double, d)!.Value.Type.ShouldBeSameAs(c.LongDouble);
        MachineMode.Apply("TF", c.Double, d)!.Value.Type.ShouldBeSameAs(c.Float128);
        MachineMode.Apply("TF", arm.Double, d)!.Value.Type.ShouldBeSameAs(arm.LongDouble);
        MachineMode.Apply("DC", c.Complex(c.Float), d)!.Value.Type.ShouldBeSameAs(c.Complex(c.Double));
        MachineMode.Apply("DI", new QualifiedType(c.Int, TypeQualifiers.Const), d)!.Value.ShouldBe(new QualifiedType(c.Long, TypeQualifiers.Const));
        d.Items.ShouldBeEmpty();
        MachineMode.Apply("XF", arm.Double, d).ShouldBeNull();
        MachineMode.Apply("SF", c.Int, d).ShouldBeNull();
        MachineMode.Apply("QQ", c.Int, d).ShouldBeNull();
        MachineMode.Apply("SI", c.Pointer(c.Int), d).ShouldBeNull();
        d.Items.Select(x => x.Message).ShouldBe([
            "unable to emulate 'XF'",
            "mode 'SF' applied to inappropriate type",
            "unknown machine mode 'QQ'",
            "invalid pointer mode 'SI'",
        ]);
    }
}
