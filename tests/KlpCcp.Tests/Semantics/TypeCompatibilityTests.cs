using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Semantics;

/// <summary>Expected values are gcc 12's <c>__builtin_types_compatible_p</c> / comptypes results.</summary>
public class TypeCompatibilityTests
{
    private readonly TypeContext c = new(TargetInfo.For(TargetArch.X86_64));
    private readonly EnumType e;   // enum E { A }     -> unsigned int
    private readonly EnumType f;   // enum F { B = -1 } -> int

    public TypeCompatibilityTests()
    {
        var d = new DiagnosticBag();
        e = c.NewEnum("E");
        e.AddEnumerator("A", null, d);
        e.Complete(false, d);
        f = c.NewEnum("F");
        f.AddEnumerator("B", IntegerConstant.Create(-1, c.Int), d);
        f.Complete(false, d);
    }

    private QualifiedType Const(QualifiedType t) => t.WithQualifiers(TypeQualifiers.Const);
    private static bool Builtin(QualifiedType a, QualifiedType b) => TypeCompatibility.BuiltinTypesCompatible(a, b);

    [Fact]
    public void EnumsAndTheirCompatibleIntegerType()
    {
        Builtin(e, c.UnsignedInt).ShouldBeTrue();
        Builtin(f, c.Int).ShouldBeTrue();
        Builtin(e, c.Int).ShouldBeFalse();
        Builtin(e, f).ShouldBeFalse();
        // gcc quirk: the enum's integer type is taken unqualified.
        Builtin(c.Pointer(Const(e)), c.Pointer(Const(c.UnsignedInt))).ShouldBeFalse();
        Builtin(c.Pointer(c.Pointer(Const(e))), c.Pointer(c.Pointer(Const(c.UnsignedInt)))).ShouldBeFalse();
        Builtin(c.Pointer(e), c.Pointer(c.UnsignedInt)).ShouldBeTrue();
    }

    [Fact]
    public void UnprototypedFunctions()
    {
        var old = c.Pointer(c.UnprototypedFunction(c.Int));
        Builtin(old, c.Pointer(c.Function(c.Int, [c.Int]))).ShouldBeTrue();
        Builtin(old, c.Pointer(c.Function(c.Int, [c.Char]))).ShouldBeFalse();
        Builtin(old, c.Pointer(c.Function(c.Int, [c.Float]))).ShouldBeFalse();
        Builtin(old, c.Pointer(c.Function(c.Int, [c.Int], isVariadic: true))).ShouldBeFalse();
        Builtin(old, c.Pointer(c.Function(c.Int, []))).ShouldBeTrue();
        Builtin(old, c.Pointer(c.Function(c.Int, [e]))).ShouldBeTrue();
        Builtin(old, c.Pointer(c.UnprototypedFunction(c.Long))).ShouldBeFalse();
    }

    [Fact]
    public void Prototypes()
    {
        Builtin(c.Pointer(c.Function(c.Int, [Const(c.Int)])), c.Pointer(c.Function(c.Int, [c.Int]))).ShouldBeTrue();
        Builtin(c.Function(c.Int, [c.Int]), c.Function(c.Int, [c.Int, c.Int])).ShouldBeFalse();
        Builtin(c.Function(c.Int, [c.Int], true), c.Function(c.Int, [c.Int])).ShouldBeFalse();
        Builtin(c.Function(c.Int, [c.Pointer(c.Int)]), c.Function(c.Int, [c.Pointer(Const(c.Int))])).ShouldBeFalse();
        // A volatile return type is ignored.
        Builtin(c.Function(new QualifiedType(c.Int, TypeQualifiers.Volatile), []), c.Function(c.Int, [])).ShouldBeTrue();
    }

    [Fact]
    public void UntaggedUnionParameterMatchesAMember()
    {
        var d = new DiagnosticBag();
        var u = c.NewUnion(null);
        u.Complete([new RecordMember("i", c.Pointer(c.Int)), new RecordMember("l", c.Pointer(c.Long))], default, d);
        TypeCompatibility.AreCompatible(c.Function(c.Void, [u]), c.Function(c.Void, [c.Pointer(c.Long)])).ShouldBeTrue();
        var composite = TypeCompatibility.Composite(c.Function(c.Void, [u]), c.Function(c.Void, [c.Pointer(c.Long)]));
        ((FunctionType)composite.Type).Parameters[0].ShouldBe(new QualifiedType(c.Pointer(c.Long)));
        var tagged = c.NewUnion("w");
        tagged.Complete([new RecordMember("i", c.Pointer(c.Int))], default, d);
        TypeCompatibility.AreCompatible(c.Function(c.Void, [tagged]), c.Function(c.Void, [c.Pointer(c.Int)])).ShouldBeFalse();
    }

    [Fact]
    public void Arrays()
    {
        Builtin(c.IncompleteArray(c.Int), c.Array(c.Int, 4)).ShouldBeTrue();
        Builtin(c.Array(c.Int, 0), c.IncompleteArray(c.Int)).ShouldBeTrue();
        Builtin(c.Array(c.Int, 0), c.Array(c.Int, 4)).ShouldBeFalse();
        Builtin(c.Array(c.Int, 3), c.Array(c.Int, 4)).ShouldBeFalse();
        Builtin(c.VariableArray(c.Int, null), c.Array(c.Int, 4)).ShouldBeTrue();
        Builtin(new QualifiedType(c.Array(c.Int, 4), TypeQualifiers.Const), c.Array(c.Int, 4)).ShouldBeTrue();
        TypeCompatibility.AreCompatible(new QualifiedType(c.Array(c.Int, 4), TypeQualifiers.Const), c.Array(c.Int, 4)).ShouldBeFalse();
        TypeCompatibility.AreCompatible(new QualifiedType(c.Array(c.Int, 4), TypeQualifiers.Const), c.Array(Const(c.Int), 4)).ShouldBeTrue();
    }

    [Fact]
    public void BasicTypesAndQualifiers()
    {
        Builtin(c.Long, c.LongLong).ShouldBeFalse();
        Builtin(c.Char, c.SignedChar).ShouldBeFalse();
        Builtin(c.Float64, c.Double).ShouldBeFalse();
        Builtin(c.Float32x, c.Double).ShouldBeFalse();
        Builtin(c.LongDouble, c.Float64x).ShouldBeFalse();
        Builtin(new QualifiedType(c.Int, TypeQualifiers.Volatile), c.Int).ShouldBeTrue();
        Builtin(c.Pointer(c.Int), new QualifiedType(c.Pointer(c.Int), TypeQualifiers.Const)).ShouldBeTrue();
        Builtin(new QualifiedType(c.Int, TypeQualifiers.Atomic), c.Int).ShouldBeTrue();
        TypeCompatibility.AreCompatible(Const(c.Int), c.Int).ShouldBeFalse();
        Builtin(c.Pointer(new QualifiedType(c.Int, TypeQualifiers.None, AddressSpace.SegGs)), c.Pointer(c.Int)).ShouldBeFalse();
        Builtin(c.Typedef("myint", c.Int), c.Int).ShouldBeTrue();
        Builtin(c.NewStruct("a"), c.NewStruct("a")).ShouldBeFalse();
    }

    [Fact]
    public void CompositeTypes()
    {
        // extern int a[]; int a[4];
        TypeCompatibility.Composite(c.IncompleteArray(c.Int), c.Array(c.Int, 4)).ShouldBe(new QualifiedType(c.Array(c.Int, 4)));
        TypeCompatibility.Composite(c.Array(c.Int, 4), c.VariableArray(c.Int, null)).ShouldBe(new QualifiedType(c.Array(c.Int, 4)));
        // int f(); int f(int);
        TypeCompatibility.Composite(c.UnprototypedFunction(c.Int), c.Function(c.Int, [c.Int])).ShouldBe(new QualifiedType(c.Function(c.Int, [c.Int])));
        // int (*p)[]; int (*p)[3];
        TypeCompatibility.Composite(c.Pointer(c.IncompleteArray(c.Int)), c.Pointer(c.Array(c.Int, 3))).ShouldBe(new QualifiedType(c.Pointer(c.Array(c.Int, 3))));
        // Parameters merge one by one.
        TypeCompatibility.Composite(c.Function(c.Void, [c.Pointer(c.IncompleteArray(c.Int))]), c.Function(c.Void, [c.Pointer(c.Array(c.Int, 2))]))
            .ShouldBe(new QualifiedType(c.Function(c.Void, [c.Pointer(c.Array(c.Int, 2))])));
        // enum vs its integer type: the integer type.
        TypeCompatibility.Composite(e, c.UnsignedInt).ShouldBe(new QualifiedType(c.UnsignedInt));
        // Same type: the left one as written.
        var size_t = c.Typedef("size_t", c.UnsignedLong);
        TypeCompatibility.Composite(size_t, c.UnsignedLong).Type.ShouldBeSameAs(size_t);
    }
}
