using System.Globalization;
using System.Text;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Toolchain;
using Xunit.Abstractions;

namespace KlpCcp.Tests.Semantics;

/// <summary>
/// Constant evaluation against gcc: integer and character literals (type and value), random
/// integer expressions over typed operands up to 128 bits (type and value), and floating
/// literals (type and exact bit pattern, long double and _Float16/_Float128 included), all
/// compiled into initialised data by gcc for x86_64 and, when installed, aarch64.
/// </summary>
public class ConstantsVsGccTests(ITestOutputHelper output)
{
    private static readonly string TypeCode =
        "_Generic(({0}), int: 1, unsigned int: 2, long: 3, unsigned long: 4, long long: 5, unsigned long long: 6, " +
        "__int128: 7, unsigned __int128: 8, char: 9, signed char: 10, unsigned char: 11, short: 12, unsigned short: 13, _Bool: 14, default: 0)";

    private static int CodeOf(TypeContext c, IntegerType t) => t.Kind switch
    {
        TypeKind.Int => 1, TypeKind.UnsignedInt => 2, TypeKind.Long => 3, TypeKind.UnsignedLong => 4,
        TypeKind.LongLong => 5, TypeKind.UnsignedLongLong => 6, TypeKind.Int128 => 7, TypeKind.UnsignedInt128 => 8,
        TypeKind.Char => 9, TypeKind.SignedChar => 10, TypeKind.UnsignedChar => 11, TypeKind.Short => 12,
        TypeKind.UnsignedShort => 13, TypeKind.Bool => 14, _ => 0,
    };

    private sealed record Item(string Text, IntegerConstant Value);

    [Theory]
    [InlineData(TargetArch.X86_64)]
    [InlineData(TargetArch.AArch64)]
    public void IntegerConstantsAgreeWithGcc(TargetArch arch)
    {
        if (GccObjectData.CompilerFor(arch) is null) { output.WriteLine($"skipped: no gcc for {arch}"); return; }
        var c = new TypeContext(TargetInfo.For(arch));
        var d = new DiagnosticBag();
        var items = new List<Item>();

        string[] literals =
        [
            "0", "7", "2147483647", "2147483648", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808",
            "18446744073709551615", "18446744073709551616", "36893488147419103232", "0x7fffffff", "0x80000000", "0xffffffff",
            "0x100000000", "0x7fffffffffffffff", "0x8000000000000000", "0xffffffffffffffff", "017777777777", "020000000000",
            "037777777777", "040000000000", "0777777777777777777777", "01777777777777777777777", "0b1010",
            "0b11111111111111111111111111111111", "0b100000000000000000000000000000000", "1u", "4294967296u", "1l", "2147483648l",
            "4294967295L", "9223372036854775808l", "0x8000000000000000l", "1ll", "1LL", "9223372036854775808LL", "1ull", "1LLU",
            "1uLL", "1LU", "1Ul", "0xffffffffffffffffll", "077L", "0", "00", "0x0", "1234567890123",
        ];
        foreach (var lit in literals) items.Add(new Item(lit, NumericLiteral.ParseInteger(lit, c, d)!.Value.Value));

        string[] chars =
        [
            "'a'", "'\\377'", "'\\xff'", "'\\x7f'", "'\\200'", "'ab'", "'abcd'", "'abcde'", "'\\n'", "'\\0'", "'\\e'", "'\\q'",
            "'é'", "'\\u00e9'", "'\\xffab'", "L'a'", "L'\\xffffffff'", "L'\\377'", "L'ab'", "L'é'", "L'\\U0001F600'",
            "u'\\xffff'", "u'\\U0001F600'", "u'é'", "U'\\U0010FFFF'", "U'\\xffffffff'", "U'ab'", "'\\''", "'\"'", "'\\\\'",
        ];
        foreach (var ch in chars) items.Add(new Item(ch, CharacterConstant.Parse(ch, c, d)!.Value));

        // Typed operands, then random expressions over them.
        var ops = new List<Item>();
        void Operand(string text, IntegerConstant v) => ops.Add(new Item(text, v));
        IntegerConstant I(long v, IntegerType t) => IntegerConstant.Create(v, t);
        foreach (var v in new long[] { 0, 1, 2, 3, 7, 31, 32, 33, 63, 64, 100, 127, 2147483647 }) Operand(v.ToString(CultureInfo.InvariantCulture), I(v, c.Int));
        Operand("(-2147483647-1)", I(int.MinValue, c.Int));
        Operand("(-1)", I(-1, c.Int));
        Operand("(-7)", I(-7, c.Int));
        Operand("0u", I(0, c.UnsignedInt));
        Operand("1u", I(1, c.UnsignedInt));
        Operand("4294967295u", I(4294967295, c.UnsignedInt));
        Operand("2147483648u", I(2147483648, c.UnsignedInt));
        Operand("(-1L)", I(-1, c.Long));
        Operand("9223372036854775807L", I(long.MaxValue, c.Long));
        Operand("(-9223372036854775807L-1)", I(long.MinValue, c.Long));
        Operand("4294967296L", I(4294967296, c.Long));
        Operand("18446744073709551615UL", IntegerConstant.CreateUnsigned(ulong.MaxValue, c.UnsignedLong));
        Operand("1UL", I(1, c.UnsignedLong));
        Operand("(-5LL)", I(-5, c.LongLong));
        Operand("9223372036854775808ULL", IntegerConstant.CreateUnsigned(9223372036854775808UL, c.UnsignedLongLong));
        Operand("((__int128)-1)", I(-1, c.Int128));
        Operand("((unsigned __int128)-1)", I(-1, c.UnsignedInt128));
        Operand("((__int128)1 << 100)", IntegerConstant.Create(Int128.One << 100, c.Int128));
        Operand("((__int128)0x7fffffffffffffff << 64)", IntegerConstant.Create((Int128)long.MaxValue << 64, c.Int128));
        Operand("((unsigned char)200)", I(200, c.UnsignedChar));
        Operand("((signed char)-100)", I(-100, c.SignedChar));
        Operand("((char)-3)", I(-3, c.Char));
        Operand("((short)-5)", I(-5, c.Short));
        Operand("((unsigned short)65535)", I(65535, c.UnsignedShort));
        Operand("((_Bool)1)", I(1, c.Bool));

        (string, IntegerOperator)[] binary =
        [
            ("+", IntegerOperator.Add), ("-", IntegerOperator.Subtract), ("*", IntegerOperator.Multiply), ("/", IntegerOperator.Divide),
            ("%", IntegerOperator.Remainder), ("<<", IntegerOperator.ShiftLeft), (">>", IntegerOperator.ShiftRight),
            ("&", IntegerOperator.BitAnd), ("|", IntegerOperator.BitOr), ("^", IntegerOperator.BitXor), ("<", IntegerOperator.Less),
            (">", IntegerOperator.Greater), ("<=", IntegerOperator.LessEqual), (">=", IntegerOperator.GreaterEqual),
            ("==", IntegerOperator.Equal), ("!=", IntegerOperator.NotEqual), ("&&", IntegerOperator.LogicalAnd), ("||", IntegerOperator.LogicalOr),
        ];
        (string, IntegerUnaryOperator)[] unary = [("-", IntegerUnaryOperator.Negate), ("~", IntegerUnaryOperator.BitNot), ("!", IntegerUnaryOperator.LogicalNot), ("+", IntegerUnaryOperator.Plus)];
        var rng = new Random(7);
        Item? Expr(int depth)
        {
            if (depth == 0 || rng.Next(3) == 0) return ops[rng.Next(ops.Count)];
            if (rng.Next(5) == 0)
            {
                var (t, op) = unary[rng.Next(unary.Length)];
                var a = Expr(depth - 1);
                if (a is null) return null;
                return new Item($"({t}{a.Text})", IntegerArithmetic.Unary(op, a.Value, d));
            }
            var (bt, bop) = binary[rng.Next(binary.Length)];
            var l = Expr(depth - 1);
            var r = Expr(depth - 1);
            if (l is null || r is null) return null;
            var v = IntegerArithmetic.Binary(bop, l.Value, r.Value, d);
            return v is null ? null : new Item($"({l.Text} {bt} {r.Text})", v.Value);
        }
        var generated = 0;
        while (generated < 3000)
        {
            var e = Expr(3);
            if (e is null) continue;
            items.Add(e);
            generated++;
        }

        var src = new StringBuilder("long V[] = {\n");
        foreach (var it in items)
        {
            src.Append("  ").Append(string.Format(CultureInfo.InvariantCulture, TypeCode, it.Text)).Append(",\n");
            src.Append("  (long)(unsigned long)(unsigned __int128)(").Append(it.Text).Append("),\n");
            src.Append("  (long)(unsigned long)((unsigned __int128)(").Append(it.Text).Append(") >> 64),\n");
        }
        src.Append("};\n");
        var data = GccObjectData.Compile(arch, src.ToString())["V"];

        var failures = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var code = GccObjectData.ReadInt64(data, 3 * i);
            var lo = (ulong)GccObjectData.ReadInt64(data, 3 * i + 1);
            var hi = (ulong)GccObjectData.ReadInt64(data, 3 * i + 2);
            var bits = ((UInt128)hi << 64) | lo;
            var expectedCode = CodeOf(c, it.Value.Type);
            if (code != expectedCode || bits != it.Value.Bits)
                failures.Add($"{it.Text}: gcc type {code} value 0x{bits:x}, engine type {expectedCode} ({TypePrinter.Print(it.Value.Type)}) value 0x{it.Value.Bits:x}");
        }
        output.WriteLine($"{arch}: {items.Count} constants, {failures.Count} disagreements");
        foreach (var f in failures.Take(20)) output.WriteLine(f);
        failures.Count.ShouldBe(0, string.Join("\n", failures.Take(5)));
    }

    [Theory]
    [InlineData(TargetArch.X86_64)]
    [InlineData(TargetArch.AArch64)]
    public void FloatingConstantsAgreeWithGcc(TargetArch arch)
    {
        if (GccObjectData.CompilerFor(arch) is null) { output.WriteLine($"skipped: no gcc for {arch}"); return; }
        var c = new TypeContext(TargetInfo.For(arch));
        var d = new DiagnosticBag();
        var literals = new List<string>
        {
            "1.0", "0.1", "0.1f", "0.1L", "1e308", "1e-320", "4.9406564584124654e-324", "2e-324", "3e-324", "1e-400", "1e400",
            "0x1.fffffffffffffp1023", "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "3.14159265358979323846264338327950288L",
            "0.1f16", "65504.0f16", "65519.0f16", "65520.0f16", "6e-8f16", "0.1f128", "0.1q", "1.7976931348623158e308",
            "1.7976931348623159e308", "1.797693134862315807e308", "2.5e-8f", "1.5", "123456789012345678901234567890.0", "0x.8p1",
            "0x1.8p+3f", "1e10f32", "1e10f64", "1e10f32x", "1e10f64x", "1e-4950L", "1e4932L", "1e4933L", "0.3f64x", "1.0e-45f",
            "7e-46f", "7.1e-46f", "3.4028235e38f", "3.4028236e38f", "1.17549435e-38f", "0.5", ".5", "5.", "1E+2", "1e-2f",
            "0X1P-2", "0x1.0000000000000018p0", "0x1.0000000000000008p0", "0x1.00000000000000000000000000008p0L",
            "9007199254740993.0", "9007199254740995.0", "0.30000000000000004", "1e23", "8.98846567431158e307",
        };
        if (arch == TargetArch.X86_64) literals.AddRange(["0.1w", "1e4933w", "0x1.0000000000000001p0L", "0x1.00000000000000008p0L"]);
        var rng = new Random(11);
        for (var i = 0; i < 600; i++)
        {
            var digits = new StringBuilder();
            var n = rng.Next(1, 30);
            for (var k = 0; k < n; k++) digits.Append((char)('0' + rng.Next(10)));
            var dot = rng.Next(n + 1);
            var mant = digits.ToString().Insert(dot, ".");
            var suffix = new[] { "", "f", "L", "f16", "f128", "f32x" }[rng.Next(6)];
            var maxExp = suffix switch { "f" => 40, "f16" => 6, "L" or "f128" => 4950, _ => 310 };
            literals.Add($"{mant}e{rng.Next(-maxExp - 20, maxExp)}{suffix}");
        }

        var values = new List<FloatConstant>();
        var src = new StringBuilder();
        var types = new StringBuilder("long T[] = {\n");
        for (var i = 0; i < literals.Count; i++)
        {
            var v = NumericLiteral.ParseFloating(literals[i], c, d)!.Value.Value;
            values.Add(v);
            var typeName = v.Type.Kind switch
            {
                TypeKind.Float => "float", TypeKind.Double => "double", TypeKind.LongDouble => "long double",
                TypeKind.Float16 => "_Float16", TypeKind.Float32 => "_Float32", TypeKind.Float64 => "_Float64",
                TypeKind.Float128 => "_Float128", TypeKind.Float32x => "_Float32x", _ => "_Float64x",
            };
            src.Append(typeName).Append(" F").Append(i).Append(" = ").Append(literals[i]).Append(";\n");
            types.Append($"  _Generic(({literals[i]}), float: 1, double: 2, long double: 3, _Float16: 4, _Float32: 5, _Float64: 6, _Float128: 7, _Float32x: 8, _Float64x: 9, default: 0),\n");
        }
        src.Append(types).Append("};\n");
        var data = GccObjectData.Compile(arch, src.ToString());

        var failures = new List<string>();
        var typeCodes = data["T"];
        for (var i = 0; i < literals.Count; i++)
        {
            var v = values[i];
            var expectedCode = v.Type.Kind switch
            {
                TypeKind.Float => 1, TypeKind.Double => 2, TypeKind.LongDouble => 3, TypeKind.Float16 => 4, TypeKind.Float32 => 5,
                TypeKind.Float64 => 6, TypeKind.Float128 => 7, TypeKind.Float32x => 8, _ => 9,
            };
            var code = GccObjectData.ReadInt64(typeCodes, i);
            var storageBytes = v.Type.Format.StorageBits / 8;
            UInt128 gccBits = 0;
            if (data.TryGetValue("F" + i, out var bytes))
                for (var b = storageBytes - 1; b >= 0; b--) gccBits = (gccBits << 8) | bytes[b];
            var engineBits = v.EncodeBits();
            if (code != expectedCode || gccBits != engineBits)
                failures.Add($"{literals[i]}: gcc type {code} bits 0x{gccBits:x}, engine type {expectedCode} bits 0x{engineBits:x}");
        }
        output.WriteLine($"{arch}: {literals.Count} floating constants, {failures.Count} disagreements");
        foreach (var f in failures.Take(20)) output.WriteLine(f);
        failures.Count.ShouldBe(0, string.Join("\n", failures.Take(5)));
    }
}
