using System.Text;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Types;

namespace KlpCcp.Engine.Semantics.Constants;

/// <summary>
/// Character constants as gcc 12 evaluates them (libcpp charset.cc cpp_interpret_charconst,
/// c-lex.cc lex_charconst), source charset UTF-8:
/// <list type="bullet">
/// <item><c>'a'</c>: type int; one char is the value of a plain char (so <c>'\xff'</c> is -1
/// where char is signed, 255 on aarch64); several chars (bytes) form a big-endian int with
/// "multi-character character constant", over four "character constant too long for its type".</item>
/// <item><c>L'x'</c> (wchar_t), <c>u'x'</c> (char16_t), <c>U'x'</c> (char32_t): the last code
/// unit counts, several warn "character constant too long for its type".</item>
/// <item><c>u8'x'</c> (C2X): type char, a single byte.</item>
/// </list>
/// Escapes: simple ones, <c>\e</c>/<c>\E</c>, octal, hex, <c>\u</c>/<c>\U</c>; unknown ones warn and stand for themselves.
/// </summary>
public static class CharacterConstant
{
    /// <summary>Evaluates a character constant spelled with its prefix and quotes; null after an error.</summary>
    public static IntegerConstant? Parse(string spelling, TypeContext ctx, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        var quote = spelling.IndexOf('\'');
        if (quote < 0 || spelling.Length < quote + 2 || spelling[^1] != '\'')
        {
            diagnostics.Error("missing terminating ' character", location);
            return null;
        }
        var prefix = spelling[..quote];
        var body = spelling[(quote + 1)..^1];
        var kind = prefix switch
        {
            "" => CharKind.Plain,
            "L" => CharKind.Wide,
            "u" => CharKind.Utf16,
            "U" => CharKind.Utf32,
            "u8" => CharKind.Utf8,
            _ => (CharKind?)null,
        };
        if (kind is not CharKind k)
        {
            diagnostics.Error($"invalid character constant prefix '{prefix}'", location);
            return null;
        }
        var unitBits = k switch
        {
            CharKind.Wide => ctx.WcharType.Bits,
            CharKind.Utf16 => 16,
            CharKind.Utf32 => 32,
            _ => 8,
        };
        var units = new List<uint>();
        if (!Decode(body, unitBits, units, diagnostics, location)) return null;
        if (units.Count == 0)
        {
            diagnostics.Error("empty character constant", location);
            return null;
        }
        return unitBits == 8 ? Narrow(k, units, ctx, diagnostics, location) : Wide(k, units, unitBits, ctx, diagnostics, location);
    }

    private enum CharKind { Plain, Wide, Utf16, Utf32, Utf8 }

    private static IntegerConstant? Narrow(CharKind kind, List<uint> units, TypeContext ctx, DiagnosticBag diagnostics, DiagnosticLocation? location)
    {
        var maxChars = kind == CharKind.Utf8 ? 1 : ctx.Int.Bits / 8;
        uint result = 0;
        foreach (var u in units) result = (result << 8) | (u & 0xff);
        var count = units.Count;
        if (count > maxChars)
        {
            if (kind == CharKind.Utf8)
            {
                diagnostics.Error("character constant too long for its type", location);
                return null;
            }
            diagnostics.Warning("character constant too long for its type", location);
            count = maxChars;
        }
        else if (count > 1)
        {
            diagnostics.Warning("multi-character character constant", location);
        }
        var type = kind == CharKind.Utf8 ? ctx.Char : ctx.Int;
        if (count > 1) return IntegerConstant.Create((int)result, ctx.Int);
        // A single char has the value of a plain char object, converted to the constant's type.
        var asChar = IntegerConstant.CreateUnsigned(result & 0xff, ctx.Char);
        return asChar.ConvertTo(type);
    }

    private static IntegerConstant Wide(CharKind kind, List<uint> units, int unitBits, TypeContext ctx, DiagnosticBag diagnostics, DiagnosticLocation? location)
    {
        if (units.Count > 1) diagnostics.Warning("character constant too long for its type", location);
        var type = kind switch
        {
            CharKind.Wide => ctx.WcharType,
            CharKind.Utf16 => ctx.Char16Type,
            _ => ctx.Char32Type,
        };
        var mask = unitBits >= 32 ? uint.MaxValue : (1u << unitBits) - 1;
        return IntegerConstant.CreateUnsigned(units[^1] & mask, type);
    }

    /// <summary>Decodes the body into code units of <paramref name="unitBits"/> bits (8: UTF-8 bytes, 16: UTF-16, 32: code points).</summary>
    internal static bool Decode(string body, int unitBits, List<uint> units, DiagnosticBag diagnostics, DiagnosticLocation? location)
    {
        var mask = unitBits >= 32 ? uint.MaxValue : (1u << unitBits) - 1;
        for (var i = 0; i < body.Length;)
        {
            var c = body[i];
            if (c != '\\')
            {
                var cp = (uint)char.ConvertToUtf32(body, i);
                i += char.IsSurrogatePair(body, i) ? 2 : 1;
                AppendCodePoint(cp, unitBits, units);
                continue;
            }
            i++;
            if (i >= body.Length)
            {
                diagnostics.Error("missing terminating ' character", location);
                return false;
            }
            var e = body[i++];
            switch (e)
            {
                case 'n': units.Add('\n'); break;
                case 't': units.Add('\t'); break;
                case 'v': units.Add('\v'); break;
                case 'b': units.Add('\b'); break;
                case 'r': units.Add('\r'); break;
                case 'f': units.Add('\f'); break;
                case 'a': units.Add(7); break;
                case '\\' or '\'' or '"' or '?': units.Add(e); break;
                case 'e' or 'E': units.Add(27); break;
                case >= '0' and <= '7':
                {
                    uint v = (uint)(e - '0');
                    for (var n = 1; n < 3 && i < body.Length && body[i] is >= '0' and <= '7'; n++, i++) v = v * 8 + (uint)(body[i] - '0');
                    if (v > mask)
                    {
                        diagnostics.Warning("octal escape sequence out of range", location);
                        v &= mask;
                    }
                    units.Add(v);
                    break;
                }
                case 'x':
                {
                    var start = i;
                    ulong v = 0;
                    var overflow = false;
                    while (i < body.Length && char.IsAsciiHexDigit(body[i]))
                    {
                        v = v * 16 + (ulong)Convert.ToInt32(body[i].ToString(), 16);
                        if (v > mask) overflow = true;
                        i++;
                    }
                    if (i == start)
                    {
                        diagnostics.Error("\\x used with no following hex digits", location);
                        return false;
                    }
                    if (overflow) diagnostics.Warning("hex escape sequence out of range", location);
                    units.Add((uint)(v & mask));
                    break;
                }
                case 'u' or 'U':
                {
                    var length = e == 'u' ? 4 : 8;
                    var start = i - 2;
                    uint v = 0;
                    var n = 0;
                    for (; n < length && i < body.Length && char.IsAsciiHexDigit(body[i]); n++, i++)
                        v = v * 16 + (uint)Convert.ToInt32(body[i].ToString(), 16);
                    var text = body[start..i];
                    if (n < length)
                    {
                        diagnostics.Error($"incomplete universal character name {text}", location);
                        return false;
                    }
                    if ((v < 0xa0 && v is not (0x24 or 0x40 or 0x60)) || (v & 0x80000000) != 0 || v is >= 0xd800 and <= 0xdfff)
                    {
                        diagnostics.Error($"{text} is not a valid universal character", location);
                        v = 1;
                    }
                    else if (v > 0x10ffff)
                    {
                        diagnostics.Error($"{text} is outside the UCS codespace", location);
                        v = 1;
                    }
                    AppendCodePoint(v, unitBits, units);
                    break;
                }
                default:
                    diagnostics.Warning($"unknown escape sequence: '\\{e}'", location);
                    AppendCodePoint(e, unitBits, units);
                    break;
            }
        }
        return true;
    }

    private static void AppendCodePoint(uint cp, int unitBits, List<uint> units)
    {
        if (unitBits == 8)
        {
            Span<byte> buf = stackalloc byte[4];
            var r = new Rune((int)Math.Min(cp, 0x10ffff));
            var n = r.EncodeToUtf8(buf);
            for (var k = 0; k < n; k++) units.Add(buf[k]);
        }
        else if (unitBits == 16 && cp > 0xffff)
        {
            var v = cp - 0x10000;
            units.Add(0xd800 + (v >> 10));
            units.Add(0xdc00 + (v & 0x3ff));
        }
        else
        {
            units.Add(cp);
        }
    }
}
