using System.Numerics;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Types;

namespace KlpCcp.Engine.Semantics.Constants;

/// <summary>
/// C operators on integer constants with the target's widths and gcc's folding behaviour:
/// operands are promoted and converted as C requires; signed overflow wraps, sets
/// <see cref="IntegerConstant.Overflow"/> and warns "integer overflow in expression of type
/// 'T' results in 'V'" (once, where it first happens); unsigned arithmetic wraps silently.
/// A division by zero or a negative shift count (after gcc truncates the count to the
/// shifted type's width) gives gcc's warning and no constant (null):
/// gcc then reports the context's error ("initializer element is not constant"...). A shift
/// count at least the width warns and gives 0 (left) or the sign fill (right).
/// </summary>
public static class IntegerArithmetic
{
    public static IntegerConstant? Binary(IntegerOperator op, IntegerConstant left, IntegerConstant right,
        DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        var ctx = left.Type.Context;
        switch (op)
        {
            case IntegerOperator.ShiftLeft:
            case IntegerOperator.ShiftRight:
                return Shift(op == IntegerOperator.ShiftLeft, left, right, diagnostics, location);
            case IntegerOperator.LogicalAnd:
                return Bool(ctx, !left.IsZero && !right.IsZero, left.Overflow || right.Overflow);
            case IntegerOperator.LogicalOr:
                return Bool(ctx, !left.IsZero || !right.IsZero, left.Overflow || right.Overflow);
        }

        var type = (IntegerType)ArithmeticConversions.UsualArithmeticConversion(left.Type, right.Type);
        var a = left.ConvertTo(type);
        var b = right.ConvertTo(type);
        var inheritedOverflow = left.Overflow || right.Overflow;

        switch (op)
        {
            case IntegerOperator.Less: return Bool(ctx, Compare(a, b) < 0, inheritedOverflow);
            case IntegerOperator.Greater: return Bool(ctx, Compare(a, b) > 0, inheritedOverflow);
            case IntegerOperator.LessEqual: return Bool(ctx, Compare(a, b) <= 0, inheritedOverflow);
            case IntegerOperator.GreaterEqual: return Bool(ctx, Compare(a, b) >= 0, inheritedOverflow);
            case IntegerOperator.Equal: return Bool(ctx, a.Bits == b.Bits, inheritedOverflow);
            case IntegerOperator.NotEqual: return Bool(ctx, a.Bits != b.Bits, inheritedOverflow);
            case IntegerOperator.BitAnd: return IntegerConstant.FromBits(a.Bits & b.Bits, type, inheritedOverflow);
            case IntegerOperator.BitOr: return IntegerConstant.FromBits(a.Bits | b.Bits, type, inheritedOverflow);
            case IntegerOperator.BitXor: return IntegerConstant.FromBits(a.Bits ^ b.Bits, type, inheritedOverflow);
        }

        if ((op == IntegerOperator.Divide || op == IntegerOperator.Remainder) && b.IsZero)
        {
            diagnostics.Warning("division by zero", location);
            return null;
        }

        UInt128 bits;
        bool overflow;
        if (!type.IsSigned)
        {
            bits = op switch
            {
                IntegerOperator.Add => a.Bits + b.Bits,
                IntegerOperator.Subtract => a.Bits - b.Bits,
                IntegerOperator.Multiply => a.Bits * b.Bits,
                IntegerOperator.Divide => a.Bits / b.Bits,
                _ => a.Bits % b.Bits,
            };
            overflow = false;
        }
        else if (type.Bits <= 64)
        {
            // Exact in 128 bits; overflow is a result outside the type.
            var x = a.Value;
            var y = b.Value;
            var exact = op switch
            {
                IntegerOperator.Add => x + y,
                IntegerOperator.Subtract => x - y,
                IntegerOperator.Multiply => x * y,
                IntegerOperator.Divide => x / y,
                _ => x % y,
            };
            bits = (UInt128)exact;
            overflow = exact < type.MinValue || exact > (Int128)type.MaxValue
                || (op == IntegerOperator.Remainder && y == -1 && x == type.MinValue);
        }
        else
        {
            var x = (BigInteger)a.Value;
            var y = (BigInteger)b.Value;
            var exact = op switch
            {
                IntegerOperator.Add => x + y,
                IntegerOperator.Subtract => x - y,
                IntegerOperator.Multiply => x * y,
                IntegerOperator.Divide => BigInteger.Divide(x, y),
                _ => BigInteger.Remainder(x, y),
            };
            overflow = exact < (BigInteger)Int128.MinValue || exact > (BigInteger)Int128.MaxValue
                || (op == IntegerOperator.Remainder && y == BigInteger.MinusOne && a.Value == Int128.MinValue);
            bits = (UInt128)(exact & (BigInteger)UInt128.MaxValue);
        }

        var result = IntegerConstant.FromBits(bits, type, inheritedOverflow || overflow);
        if (overflow && !inheritedOverflow) WarnOverflow(result, diagnostics, location);
        return result;
    }

    public static IntegerConstant Unary(IntegerUnaryOperator op, IntegerConstant operand, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        var ctx = operand.Type.Context;
        if (op == IntegerUnaryOperator.LogicalNot) return Bool(ctx, operand.IsZero, operand.Overflow);
        var v = ArithmeticConversions.Promote(operand);
        switch (op)
        {
            case IntegerUnaryOperator.Plus:
                return v;
            case IntegerUnaryOperator.BitNot:
                return IntegerConstant.FromBits(~v.Bits, v.Type, v.Overflow);
            default:
                var overflow = v.Type.IsSigned && v.Value == v.Type.MinValue;
                var result = IntegerConstant.FromBits(UInt128.Zero - v.Bits, v.Type, v.Overflow || overflow);
                if (overflow && !v.Overflow) WarnOverflow(result, diagnostics, location);
                return result;
        }
    }

    /// <summary>
    /// Shifts: the result has the promoted left operand's type. gcc folds with the count
    /// truncated (or extended) to that type's width; a count that is then negative is not
    /// folded (no constant), one at least the width gives 0, or the sign fill to the right.
    /// </summary>
    private static IntegerConstant? Shift(bool left, IntegerConstant value, IntegerConstant count, DiagnosticBag diagnostics, DiagnosticLocation? location)
    {
        var v = ArithmeticConversions.Promote(value);
        var c = ArithmeticConversions.Promote(count);
        var type = v.Type;
        var width = type.Bits;
        var direction = left ? "left" : "right";
        if (c.IsNegative)
        {
            diagnostics.Warning($"{direction} shift count is negative", location);
            return null;
        }
        if (!c.FitsIn(type.Context.Int) || c.Value >= width)
            diagnostics.Warning($"{direction} shift count >= width of type", location);
        // int_const_binop: wi::to_wide (count, precision of the shifted type), then a signed sign test.
        var countBits = width >= 128 ? c.Bits : c.Bits & ((UInt128.One << width) - 1);
        if (((countBits >> (width - 1)) & 1) != 0) return null;
        var overflow = v.Overflow || count.Overflow;
        if (countBits >= (UInt128)width)
        {
            var fill = !left && v.IsNegative ? UInt128.MaxValue : UInt128.Zero;
            return IntegerConstant.FromBits(fill, type, overflow);
        }
        var n = (int)countBits;
        if (!left)
        {
            // Arithmetic shift for signed types (the 128-bit pattern is sign-extended already).
            var shifted = type.IsSigned ? (UInt128)((Int128)v.Bits >> n) : v.Bits >> n;
            return IntegerConstant.FromBits(shifted, type, overflow);
        }
        if (type.IsSigned && !v.IsZero) WarnShiftOverflow(v, n, diagnostics, location);
        return IntegerConstant.FromBits(v.Bits << n, type, overflow);
    }

    /// <summary>-Wshift-overflow=1 (on by default for C99 and later): the result needs more bits than the type has.</summary>
    private static void WarnShiftOverflow(IntegerConstant v, int n, DiagnosticBag diagnostics, DiagnosticLocation? location)
    {
        var precision = v.Type.Bits;
        var x = v.Value < 0 ? ~v.Value : v.Value;
        var minPrecision = (x == 0 ? 0 : 128 - (int)Int128.LeadingZeroCount(x)) + 1 + n;
        if (!v.IsNegative && minPrecision == precision + 1) return; // 1 into the sign bit: only -Wshift-overflow=2
        if (minPrecision > precision)
            diagnostics.Warning($"result of '{v} << {n}' requires {minPrecision} bits to represent, but '{TypePrinter.Print(v.Type)}' only has {precision} bits", location);
    }

    private static void WarnOverflow(IntegerConstant result, DiagnosticBag diagnostics, DiagnosticLocation? location) =>
        diagnostics.Warning($"integer overflow in expression of type '{TypePrinter.Print(result.Type)}' results in '{result}'", location);

    private static IntegerConstant Bool(TypeContext ctx, bool value, bool overflow) =>
        IntegerConstant.FromBits(value ? UInt128.One : UInt128.Zero, ctx.Int, overflow);

    /// <summary>Compares the mathematical values of two constants (of any integer types).</summary>
    public static int Compare(IntegerConstant a, IntegerConstant b)
    {
        var an = a.IsNegative;
        var bn = b.IsNegative;
        if (an != bn) return an ? -1 : 1;
        if (an) return a.Value.CompareTo(b.Value);
        return a.UnsignedValue.CompareTo(b.UnsignedValue);
    }

    /// <summary><paramref name="value"/> + 1 in its own type (wrapping), for enumerator defaults.</summary>
    internal static IntegerConstant AddOne(IntegerConstant value) =>
        IntegerConstant.FromBits(value.Bits + UInt128.One, value.Type, value.Overflow);
}
