using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Semantics;

public class TypeModelTests
{
    private static readonly TypeContext X86 = new(TargetInfo.For(TargetArch.X86_64));
    private static readonly TypeContext Arm = new(TargetInfo.For(TargetArch.AArch64));

    [Fact]
    public void PlainCharSignednessFollowsTarget()
    {
        X86.Char.IsSigned.ShouldBeTrue();
        Arm.Char.IsSigned.ShouldBeFalse();
        X86.WcharType.ShouldBeSameAs(X86.Int);
        Arm.WcharType.ShouldBeSameAs(Arm.UnsignedInt);
        X86.LongDouble.Format.ShouldBe(FloatFormat.X87Extended);
        Arm.LongDouble.Format.ShouldBe(FloatFormat.Binary128);
        X86.Float64x.Format.ShouldBe(FloatFormat.X87Extended);
    }

    [Fact]
    public void DerivedTypesAreInterned()
    {
        var ctx = new TypeContext(TargetInfo.For(TargetArch.X86_64));
        ctx.Pointer(ctx.Int).ShouldBeSameAs(ctx.Pointer(ctx.Int));
        ctx.Pointer(new QualifiedType(ctx.Int, TypeQualifiers.Const)).ShouldNotBeSameAs(ctx.Pointer(ctx.Int));
        ctx.Array(ctx.Int, 4).ShouldBeSameAs(ctx.Array(ctx.Int, 4));
        ctx.Function(ctx.Int, [ctx.Int, ctx.Double]).ShouldBeSameAs(ctx.Function(ctx.Int, [ctx.Int, ctx.Double]));
        ctx.Function(ctx.Int, [ctx.Int], isVariadic: true).ShouldNotBeSameAs(ctx.Function(ctx.Int, [ctx.Int]));
        ctx.VariableArray(ctx.Int, null).ShouldNotBeSameAs(ctx.VariableArray(ctx.Int, null));
    }

    [Fact]
    public void TypedefsAreSugarWithCanonicalForms()
    {
        var ctx = new TypeContext(TargetInfo.For(TargetArch.X86_64));
        var size_t = ctx.Typedef("size_t", ctx.UnsignedLong);
        var p = ctx.Pointer(size_t);
        p.IsCanonical.ShouldBeFalse();
        p.Canonical.Type.ShouldBeSameAs(ctx.Pointer(ctx.UnsignedLong));
        new QualifiedType(p).SameTypeAs(ctx.Pointer(ctx.UnsignedLong)).ShouldBeTrue();
        new QualifiedType(p).ToString().ShouldBe("size_t *");

        var cint = ctx.Typedef("cint", new QualifiedType(ctx.Int, TypeQualifiers.Const));
        var v = new QualifiedType(cint, TypeQualifiers.Volatile);
        v.EffectiveQualifiers.ShouldBe(TypeQualifiers.Const | TypeQualifiers.Volatile);
        v.Canonical.ShouldBe(new QualifiedType(ctx.Int, TypeQualifiers.Const | TypeQualifiers.Volatile));
        v.IsInteger.ShouldBeTrue();
        v.IsSignedInteger.ShouldBeTrue();
    }

    [Fact]
    public void ArrayQualifiersBelongToTheElements()
    {
        var ctx = new TypeContext(TargetInfo.For(TargetArch.X86_64));
        var a4 = ctx.Typedef("A", ctx.Array(ctx.Int, 4));
        var constA = new QualifiedType(a4, TypeQualifiers.Const);
        constA.Canonical.ShouldBe(new QualifiedType(ctx.Array(new QualifiedType(ctx.Int, TypeQualifiers.Const), 4)));
        constA.Unqualified.ShouldBe(new QualifiedType(ctx.Array(ctx.Int, 4)));
        TypePrinter.Print(new QualifiedType(ctx.Array(ctx.Int, 4), TypeQualifiers.Const)).ShouldBe("const int[4]");
    }

    [Fact]
    public void Completeness()
    {
        var ctx = new TypeContext(TargetInfo.For(TargetArch.X86_64));
        var s = ctx.NewStruct("s");
        var ps = ctx.Pointer(s);
        s.IsComplete.ShouldBeFalse();
        ctx.SizeOf(s).ShouldBeNull();
        ctx.IncompleteArray(ctx.Int).IsComplete.ShouldBeFalse();
        ctx.Array(s, 2).IsComplete.ShouldBeFalse();
        ctx.Void.IsComplete.ShouldBeFalse();
        ctx.Function(ctx.Int, []).IsComplete.ShouldBeFalse();
        s.Complete([new RecordMember("x", ctx.Int)], default, new DiagnosticBag());
        // The same object is completed: earlier references see it.
        ((PointerType)ps).Pointee.IsComplete.ShouldBeTrue();
        ctx.Array(s, 2).IsComplete.ShouldBeTrue();
        ctx.SizeOf(ctx.Array(s, 2)).ShouldBe(8);
        var e = ctx.NewEnum("e");
        e.IsComplete.ShouldBeFalse();
        e.CompatibleType.ShouldBeSameAs(ctx.UnsignedInt);
    }

    [Fact]
    public void Classification()
    {
        var ctx = X86;
        new QualifiedType(ctx.Bool).IsInteger.ShouldBeTrue();
        new QualifiedType(ctx.NewEnum("x")).IsInteger.ShouldBeTrue();
        new QualifiedType(ctx.Float128).IsArithmetic.ShouldBeTrue();
        new QualifiedType(ctx.Complex(ctx.Double)).IsArithmetic.ShouldBeTrue();
        new QualifiedType(ctx.Complex(ctx.Double)).IsRealType.ShouldBeFalse();
        new QualifiedType(ctx.Pointer(ctx.Void)).IsScalar.ShouldBeTrue();
        new QualifiedType(ctx.Array(ctx.Int, 2)).IsScalar.ShouldBeFalse();
        new QualifiedType(ctx.Array(ctx.Int, 2)).IsAggregate.ShouldBeTrue();
        new QualifiedType(ctx.Function(ctx.Int, [])).IsObject.ShouldBeFalse();
        new QualifiedType(ctx.VariableArray(ctx.Int, null)).IsVariablyModified.ShouldBeTrue();
        new QualifiedType(ctx.Pointer(ctx.VariableArray(ctx.Int, null))).IsVariablyModified.ShouldBeTrue();
        new QualifiedType(ctx.UnsignedInt128).IsUnsignedInteger.ShouldBeTrue();
    }

    [Fact]
    public void BuiltinVaList()
    {
        var x = X86.BuiltinVaList;
        x.Name.ShouldBe("__builtin_va_list");
        var arr = x.Underlying.Type.ShouldBeOfType<ArrayType>();
        arr.Length.ShouldBe(1);
        var tag = arr.Element.Type.ShouldBeOfType<RecordType>();
        tag.Tag.ShouldBe("__va_list_tag");
        tag.Members.Select(m => m.Name).ShouldBe(["gp_offset", "fp_offset", "overflow_arg_area", "reg_save_area"]);
        X86.SizeOf(x).ShouldBe(24);
        X86.AlignOf(x).ShouldBe(8);

        var a = Arm.BuiltinVaList.Underlying.Type.ShouldBeOfType<RecordType>();
        a.Tag.ShouldBe("__va_list");
        a.Members.Select(m => m.Name).ShouldBe(["__stack", "__gr_top", "__vr_top", "__gr_offs", "__vr_offs"]);
        Arm.SizeOf(Arm.BuiltinVaList).ShouldBe(32);
        a.TryFindMember("__vr_offs", out var path).ShouldBeTrue();
        path.ByteOffset.ShouldBe(28);
    }

    [Theory]
    [InlineData("int", "int")]
    [InlineData("ulong", "long unsigned int")]
    [InlineData("ushort", "short unsigned int")]
    [InlineData("ll", "long long int")]
    [InlineData("ull", "long long unsigned int")]
    [InlineData("u128", "__int128 unsigned")]
    [InlineData("constcharptr", "const char *")]
    [InlineData("charconstptr", "char * const")]
    [InlineData("ptrarr", "int (*)[4]")]
    [InlineData("arrptr", "int *[4]")]
    [InlineData("fnptr", "void (*)(int, ...)")]
    [InlineData("fnvoid", "int(void)")]
    [InlineData("fnold", "int()")]
    [InlineData("fnret", "int (*(*)(void))[3]")]
    [InlineData("structptr", "struct foo *")]
    [InlineData("anon", "struct <anonymous>")]
    [InlineData("union", "union u")]
    [InlineData("enum", "enum e")]
    [InlineData("incomplete", "char[]")]
    [InlineData("matrix", "int[2][3]")]
    [InlineData("complex", "complex double")]
    [InlineData("vector", "__vector(4) int")]
    [InlineData("volatileptr", "volatile int *")]
    [InlineData("seg", "__seg_gs int *")]
    [InlineData("restrict", "int * restrict")]
    [InlineData("atomic", "_Atomic int")]
    public void PrintsLikeGcc(string which, string expected)
    {
        var c = new TypeContext(TargetInfo.For(TargetArch.X86_64));
        QualifiedType t = which switch
        {
            "int" => c.Int,
            "ulong" => c.UnsignedLong,
            "ushort" => c.UnsignedShort,
            "ll" => c.LongLong,
            "ull" => c.UnsignedLongLong,
            "u128" => c.UnsignedInt128,
            "constcharptr" => c.Pointer(new QualifiedType(c.Char, TypeQualifiers.Const)),
            "charconstptr" => new QualifiedType(c.Pointer(c.Char), TypeQualifiers.Const),
            "ptrarr" => c.Pointer(c.Array(c.Int, 4)),
            "arrptr" => c.Array(c.Pointer(c.Int), 4),
            "fnptr" => c.Pointer(c.Function(c.Void, [c.Int], isVariadic: true)),
            "fnvoid" => c.Function(c.Int, []),
            "fnold" => c.UnprototypedFunction(c.Int),
            "fnret" => c.Pointer(c.Function(c.Pointer(c.Array(c.Int, 3)), [])),
            "structptr" => c.Pointer(c.NewStruct("foo")),
            "anon" => c.NewStruct(null),
            "union" => c.NewUnion("u"),
            "enum" => c.NewEnum("e"),
            "incomplete" => c.IncompleteArray(c.Char),
            "matrix" => c.Array(c.Array(c.Int, 3), 2),
            "complex" => c.Complex(c.Double),
            "vector" => c.Vector(c.Int, 16, new DiagnosticBag())!,
            "volatileptr" => c.Pointer(new QualifiedType(c.Int, TypeQualifiers.Volatile)),
            "seg" => c.Pointer(new QualifiedType(c.Int, TypeQualifiers.None, AddressSpace.SegGs)),
            "restrict" => new QualifiedType(c.Pointer(c.Int), TypeQualifiers.Restrict),
            "atomic" => new QualifiedType(c.Int, TypeQualifiers.Atomic),
            _ => throw new ArgumentException(which),
        };
        TypePrinter.Print(t).ShouldBe(expected);
    }

    [Fact]
    public void PrintsWithDeclarator()
    {
        var c = X86;
        TypePrinter.Print(c.Pointer(c.Function(c.Int, [c.Int])), "fp").ShouldBe("int (*fp)(int)");
        TypePrinter.Print(c.Array(c.Int, 4), "a").ShouldBe("int a[4]");
    }

    [Fact]
    public void VectorTypesAreValidated()
    {
        var c = new TypeContext(TargetInfo.For(TargetArch.X86_64));
        var d = new DiagnosticBag();
        c.Vector(c.Int, 16, d)!.Count.ShouldBe(4);
        c.Vector(c.Int, 12, d).ShouldBeNull();
        c.Vector(c.Int, 6, d).ShouldBeNull();
        c.Vector(c.Pointer(c.Int), 16, d).ShouldBeNull();
        d.Items.Select(x => x.Message).ShouldBe([
            "number of components of the vector not a power of two",
            "vector size not an integral multiple of component size",
            "invalid vector type for attribute 'vector_size'",
        ]);
    }
}
