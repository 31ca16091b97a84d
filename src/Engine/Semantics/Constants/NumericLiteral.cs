using System.Numerics;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine.Semantics.Constants;

/// <summary>
/// Turns a preprocessing number into a typed integer or floating constant as gcc 12 does
/// (libcpp cpp_classify_number / cpp_interpret_integer, c-lex.cc interpret_integer /
/// interpret_float). Integer constants get the first type of C11 6.4.4.1's list that holds
/// them, extended with <c>__int128</c>: decimal without <c>u</c> tries int, long, long long,
/// __int128 ("integer constant is so large that it is unsigned" above LLONG_MAX); octal, hex
/// and binary also try the unsigned types. Values beyond 64 bits are truncated with
/// "integer constant is too large for its type" (gcc's preprocessor arithmetic is 64-bit).
/// <c>i</c>/<c>j</c> make an imaginary (complex) constant.
/// </summary>
public static class NumericLiteral
{
    /// <summary>True if the pp-number is a floating constant (has a '.', or an exponent: e/E decimal, p/P hex).</summary>
    public static bool IsFloating(string spelling)
    {
        var hex = spelling.Length > 1 && spelling[0] == '0' && (spelling[1] is 'x' or 'X');
        for (var i = 0; i < spelling.Length; i++)
        {
            var c = spelling[i];
            if (c == '.') return true;
            if (hex ? c is 'p' or 'P' : c is 'e' or 'E') return i > 0 && (hex || IsDecimalMantissaBefore(spelling, i));
        }
        return false;
    }

    private static bool IsDecimalMantissaBefore(string s, int i)
    {
        // "1e5" is floating; an 'e' inside a suffix such as "1ue" is not an exponent.
        for (var k = 0; k < i; k++) if (!char.IsAsciiDigit(s[k])) return false;
        return true;
    }

    /// <summary>Parses an integer constant; null after an error.</summary>
    public static ParsedInteger? ParseInteger(string spelling, TypeContext ctx, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        var s = spelling;
        int radix;
        var pos = 0;
        if (s.Length > 1 && s[0] == '0' && (s[1] is 'x' or 'X')) { radix = 16; pos = 2; }
        else if (s.Length > 1 && s[0] == '0' && (s[1] is 'b' or 'B')) { radix = 2; pos = 2; }
        else if (s[0] == '0') { radix = 8; pos = 1; }
        else radix = 10;

        var digitsStart = pos;
        UInt128 value = 0;
        var tooLarge = false;
        var maxDigit = '\0';
        while (pos < s.Length && IsDigitOfRadix(s[pos], radix == 8 || radix == 2 ? 10 : radix))
        {
            var d = DigitValue(s[pos]);
            if (d >= radix && maxDigit == '\0') maxDigit = s[pos];
            var next = value * (UInt128)radix + (UInt128)d;
            if (value > (UInt128.MaxValue - (UInt128)d) / (UInt128)radix) tooLarge = true;
            value = next;
            pos++;
        }
        if (maxDigit != '\0')
        {
            diagnostics.Error($"invalid digit \"{maxDigit}\" in {(radix == 8 ? "octal" : "binary")} constant", location);
            return null;
        }
        if ((radix == 16 || radix == 2) && pos == digitsStart)
        {
            diagnostics.Error($"invalid suffix \"{s[1..]}\" on integer constant", location);
            return null;
        }
        var suffix = s[pos..];
        if (!TryIntegerSuffix(suffix, out var unsigned, out var longs, out var imaginary))
        {
            diagnostics.Error($"invalid suffix \"{suffix}\" on integer constant", location);
            return null;
        }

        // libcpp computes in intmax_t precision (64 bits) and keeps the low bits.
        if (tooLarge || value > ulong.MaxValue)
        {
            diagnostics.Warning("integer constant is too large for its type", location);
            value &= ulong.MaxValue;
        }
        else if (!unsigned && value > long.MaxValue && radix == 10)
        {
            diagnostics.Warning("integer constant is so large that it is unsigned", location);
        }

        var type = SelectIntegerType(ctx, value, radix == 10, unsigned, longs);
        return new ParsedInteger(IntegerConstant.CreateUnsigned(value, type), imaginary);
    }

    /// <summary>gcc's interpret_integer: narrowest signed / unsigned type from the suffix's starting width.</summary>
    private static IntegerType SelectIntegerType(TypeContext ctx, UInt128 value, bool isDecimal, bool unsigned, int longs)
    {
        IntegerType[] signedTypes = [ctx.Int, ctx.Long, ctx.LongLong, ctx.Int128];
        IntegerType[] unsignedTypes = [ctx.UnsignedInt, ctx.UnsignedLong, ctx.UnsignedLongLong, ctx.UnsignedInt128];
        int NarrowestIndex(IntegerType[] types)
        {
            for (var i = longs; i < types.Length; i++) if (value <= types[i].MaxValue) return i;
            return types.Length;
        }
        var u = NarrowestIndex(unsignedTypes);
        if (unsigned) return unsignedTypes[u];
        var sIndex = NarrowestIndex(signedTypes);
        if (isDecimal) return sIndex < signedTypes.Length ? signedTypes[sIndex] : unsignedTypes[u];
        // Octal/hex/binary: signed or unsigned, whichever fits first in rank order (int, unsigned, long, ...).
        return sIndex <= u ? signedTypes[sIndex] : unsignedTypes[u];
    }

    /// <summary>libcpp interpret_int_suffix: u, l, ll (same case, adjacent), i/j, in any order.</summary>
    private static bool TryIntegerSuffix(string s, out bool unsigned, out int longs, out bool imaginary)
    {
        int u = 0, l = 0, i = 0;
        for (var k = s.Length - 1; k >= 0; k--)
        {
            switch (s[k])
            {
                case 'u' or 'U': u++; break;
                case 'i' or 'I' or 'j' or 'J': i++; break;
                case 'l' or 'L':
                    l++;
                    if (l == 2 && (k + 1 >= s.Length || s[k] != s[k + 1])) goto invalid;
                    break;
                default: goto invalid;
            }
        }
        if (l > 2 || u > 1 || i > 1) goto invalid;
        unsigned = u == 1;
        longs = l;
        imaginary = i == 1;
        return true;
    invalid:
        unsigned = false;
        longs = 0;
        imaginary = false;
        return false;
    }

    /// <summary>Parses a floating constant (decimal or hexadecimal) into its type's format; null after an error.</summary>
    public static ParsedFloat? ParseFloating(string spelling, TypeContext ctx, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        var s = spelling;
        var pos = 0;
        var hex = s.Length > 1 && s[0] == '0' && (s[1] is 'x' or 'X');
        if (s.Length > 1 && s[0] == '0' && (s[1] is 'b' or 'B'))
        {
            diagnostics.Error("invalid prefix \"0b\" for floating constant", location);
            return null;
        }
        if (hex) pos = 2;
        var radix = hex ? 16 : 10;
        BigInteger mantissa = 0;
        var fractionDigits = 0;
        var anyDigits = false;
        var seenPoint = false;
        for (; pos < s.Length; pos++)
        {
            var c = s[pos];
            if (c == '.' && !seenPoint) { seenPoint = true; continue; }
            if (!IsDigitOfRadix(c, radix)) break;
            anyDigits = true;
            mantissa = mantissa * radix + DigitValue(c);
            if (seenPoint) fractionDigits++;
        }
        if (!anyDigits && hex)
        {
            diagnostics.Error("no digits in hexadecimal floating constant", location);
            return null;
        }
        long exponent = 0;
        var hasExponent = pos < s.Length && (hex ? s[pos] is 'p' or 'P' : s[pos] is 'e' or 'E');
        if (hasExponent)
        {
            pos++;
            var negativeExponent = false;
            if (pos < s.Length && s[pos] is '+' or '-') { negativeExponent = s[pos] == '-'; pos++; }
            var expStart = pos;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                if (exponent < 100_000_000) exponent = exponent * 10 + (s[pos] - '0');
                pos++;
            }
            if (pos == expStart)
            {
                diagnostics.Error("exponent has no digits", location);
                return null;
            }
            if (negativeExponent) exponent = -exponent;
        }
        else if (hex)
        {
            diagnostics.Error("hexadecimal floating constants require an exponent", location);
            return null;
        }

        var suffix = s[pos..];
        var type = FloatSuffixType(ctx, suffix, out var imaginary, out var suffixError);
        if (type is null)
        {
            diagnostics.Error(suffixError!, location);
            return null;
        }

        FloatConstant value;
        if (mantissa.IsZero) value = FloatConstant.Zero(type);
        else if (hex)
        {
            var e = exponent - 4L * fractionDigits;
            value = FloatConstant.FromRational(type, false, mantissa, BigInteger.One, (int)Math.Clamp(e, -1_000_000, 1_000_000));
        }
        else
        {
            var e10 = exponent - fractionDigits;
            var digits = (long)(mantissa.GetBitLength() * 0.30103) + 1;
            if (e10 + digits > 6000) value = FloatConstant.Infinity(type);
            else if (e10 + digits < -6000) value = FloatConstant.Zero(type);
            else if (e10 >= 0) value = FloatConstant.FromRational(type, false, mantissa * BigInteger.Pow(10, (int)e10), BigInteger.One, 0);
            else value = FloatConstant.FromRational(type, false, mantissa, BigInteger.Pow(10, (int)-e10), 0);
        }
        if (value.IsInfinity)
            diagnostics.Warning($"floating constant exceeds range of '{TypePrinter.Print(type)}'", location);
        else if (value.IsZero && !mantissa.IsZero)
            diagnostics.Warning("floating constant truncated to zero", location);
        return new ParsedFloat(value, imaginary);
    }

    /// <summary>gcc's floating suffixes: f, l, fN, fNx (N = 16, 32, 64, 128; 32x, 64x), x86 w (long double) and q (_Float128), aarch64 q (long double); i/j imaginary.</summary>
    private static FloatingType? FloatSuffixType(TypeContext ctx, string suffix, out bool imaginary, out string? error)
    {
        imaginary = false;
        error = null;
        var s = suffix;
        // The imaginary marker may come first or last.
        if (s.Length > 0 && s[0] is 'i' or 'I' or 'j' or 'J') { imaginary = true; s = s[1..]; }
        else if (s.Length > 0 && s[^1] is 'i' or 'I' or 'j' or 'J') { imaginary = true; s = s[..^1]; }
        var x86 = ctx.Target.Arch == TargetArch.X86_64;
        switch (s)
        {
            case "": return ctx.Double;
            case "f" or "F": return ctx.Float;
            case "l" or "L": return ctx.LongDouble;
            case "f16" or "F16": return ctx.Float16;
            case "f32" or "F32": return ctx.Float32;
            case "f64" or "F64": return ctx.Float64;
            case "f128" or "F128": return ctx.Float128;
            case "f32x" or "F32x": return ctx.Float32x;
            case "f64x" or "F64x": return ctx.Float64x;
            case "w" or "W" when x86: return ctx.LongDouble;
            case "q" or "Q": return x86 ? ctx.Float128 : ctx.LongDouble;
            case "w" or "W" or "f128x" or "F128x":
                error = "unsupported non-standard suffix on floating constant";
                return null;
            case "df" or "dd" or "dl" or "DF" or "DD" or "DL":
                error = "decimal floating-point constants are not supported";
                return null;
            default:
                error = $"invalid suffix \"{suffix}\" on floating constant";
                return null;
        }
    }

    private static bool IsDigitOfRadix(char c, int radix) => radix == 16 ? char.IsAsciiHexDigit(c) : c >= '0' && c < '0' + radix;

    private static int DigitValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
