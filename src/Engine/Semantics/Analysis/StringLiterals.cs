using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>The type of a (concatenated) string literal: its element type and its length in code units, terminating zero included.</summary>
internal static class StringLiterals
{
    public static (CType Element, long Length) Measure(PreprocessedUnit unit, StringLiteral s, TypeContext ctx)
    {
        var toks = unit.Tokens;
        // the widest prefix wins
        var kind = TokenKind.String;
        for (int i = s.FirstToken; i <= s.LastToken && i < unit.Count; i++)
        {
            var k = toks[i].Kind;
            if (k is TokenKind.WString or TokenKind.String16 or TokenKind.String32) kind = k;
            else if (k == TokenKind.Utf8String && kind == TokenKind.String) kind = k;
        }
        int unitBits = kind switch
        {
            TokenKind.WString => ctx.WcharType.Bits,
            TokenKind.String16 => 16,
            TokenKind.String32 => 32,
            _ => 8,
        };
        CType element = kind switch
        {
            TokenKind.WString => ctx.WcharType,
            TokenKind.String16 => ctx.Char16Type,
            TokenKind.String32 => ctx.Char32Type,
            _ => ctx.Char,
        };
        long length = 0;
        for (int i = s.FirstToken; i <= s.LastToken && i < unit.Count; i++)
        {
            var k = toks[i].Kind;
            if (k is < TokenKind.String or > TokenKind.Utf8String) continue;
            length += Count(unit.Names[toks[i].Text], unitBits);
        }
        return (element, length + 1);
    }

    private static long Count(string spelling, int unitBits)
    {
        int q = spelling.IndexOf('"');
        if (q < 0) return 0;
        var prefix = spelling.AsSpan(0, q);
        if (prefix.EndsWith("R"))
        {
            // raw string: R"delim( ... )delim"
            int open = spelling.IndexOf('(', q);
            int close = spelling.LastIndexOf(')');
            if (open < 0 || close < open) return 0;
            return CountRaw(spelling.AsSpan(open + 1, close - open - 1), unitBits);
        }
        var body = spelling.AsSpan(q + 1, Math.Max(0, spelling.Length - q - 2));
        long n = 0;
        int i = 0;
        while (i < body.Length)
        {
            char c = body[i];
            if (c != '\\')
            {
                int len = Utf8Length(body, i, out var cp);
                n += Units(cp, unitBits, len);
                i += len;
                continue;
            }
            i++;
            if (i >= body.Length) break;
            c = body[i];
            if (c is 'x')
            {
                i++;
                while (i < body.Length && Uri.IsHexDigit(body[i])) i++;
                n++;
            }
            else if (c is >= '0' and <= '7')
            {
                int k = 0;
                while (i < body.Length && k < 3 && body[i] is >= '0' and <= '7') { i++; k++; }
                n++;
            }
            else if (c is 'u' or 'U')
            {
                int digits = c == 'u' ? 4 : 8;
                i++;
                uint cp = 0;
                for (int k = 0; k < digits && i < body.Length && Uri.IsHexDigit(body[i]); k++, i++) cp = cp * 16 + (uint)Convert.ToInt32(body[i].ToString(), 16);
                n += Units(cp, unitBits, cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
            }
            else
            {
                i++;
                n++;
            }
        }
        return n;
    }

    private static long CountRaw(ReadOnlySpan<char> body, int unitBits)
    {
        long n = 0;
        int i = 0;
        while (i < body.Length)
        {
            int len = Utf8Length(body, i, out var cp);
            n += Units(cp, unitBits, len);
            i += len;
        }
        return n;
    }

    /// <summary>Code units of one source character: its UTF-8 bytes for a narrow string, one (or a surrogate pair) for wide ones.</summary>
    private static long Units(uint cp, int unitBits, int utf8Length) => unitBits switch
    {
        8 => utf8Length,
        16 => cp >= 0x10000 ? 2 : 1,
        _ => 1,
    };

    /// <summary>The length of the UTF-8 sequence at <paramref name="i"/> (the file is read as Latin-1: one char per byte); invalid bytes count one each.</summary>
    private static int Utf8Length(ReadOnlySpan<char> s, int i, out uint cp)
    {
        uint b = s[i];
        cp = b;
        if (b < 0x80) return 1;
        int need = b >= 0xF0 && b < 0xF8 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
        if (need == 0 || i + need >= s.Length + 0 && i + need > s.Length - 1 + 1) return 1;
        uint v = b & (0x3Fu >> need);
        for (int k = 1; k <= need; k++)
        {
            if (i + k >= s.Length) return 1;
            uint c = s[i + k];
            if ((c & 0xC0) != 0x80) return 1;
            v = v << 6 | (c & 0x3F);
        }
        cp = v;
        return need + 1;
    }
}
