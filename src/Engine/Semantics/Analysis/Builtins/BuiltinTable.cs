using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine.Semantics.Analysis.Builtins;

/// <summary>
/// The prototypes of gcc's builtin functions, as measured from gcc 12 by <c>gen_builtins.py</c>
/// (<see cref="GccBuiltinData"/>): per builtin its return and parameter types spelled the way gcc
/// prints them. Type-generic builtins (<c>__builtin_add_overflow</c>, <c>__atomic_load_n</c>...)
/// have no prototype there; the analyzer types their calls itself.
/// </summary>
public sealed class BuiltinTable
{
    private static readonly Lazy<BuiltinTable> X86 = new(() => new BuiltinTable(GccBuiltinData.X86_64));
    private static readonly Lazy<BuiltinTable> Arm = new(() => new BuiltinTable(GccBuiltinData.AArch64.Length > 0 ? GccBuiltinData.AArch64 : GccBuiltinData.X86_64));

    private readonly Dictionary<string, (string Return, string[] Parameters, bool Variadic)> _entries = new(StringComparer.Ordinal);

    private BuiltinTable(string data)
    {
        foreach (var line in data.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('|');
            if (parts.Length != 4) continue;
            var ps = parts[2].Length == 0 ? [] : parts[2].Split(';');
            _entries[parts[0]] = (parts[1], ps, parts[3] == "v");
        }
    }

    public static BuiltinTable For(TargetArch arch) => arch == TargetArch.AArch64 ? Arm.Value : X86.Value;

    public int Count => _entries.Count;
    public bool Contains(string name) => _entries.ContainsKey(name);
    public IEnumerable<string> Names => _entries.Keys;

    /// <summary>The builtin's function type in <paramref name="ctx"/>, or null when unknown or not expressible.</summary>
    public QualifiedType? TypeOf(string name, TypeContext ctx)
    {
        if (!_entries.TryGetValue(name, out var e)) return null;
        var ret = ParseType(e.Return, ctx);
        if (ret is null) return null;
        var ps = new List<QualifiedType>(e.Parameters.Length);
        foreach (var p in e.Parameters)
        {
            var t = ParseType(p, ctx);
            if (t is null) return null;
            ps.Add(t.Value);
        }
        return new QualifiedType(ctx.Function(ret.Value, ps, e.Variadic));
    }

    /// <summary>Parses a type as gcc prints it (<c>long unsigned int</c>, <c>const void *</c>, <c>__vector(4) float</c>, <c>_Complex double</c>).</summary>
    public static QualifiedType? ParseType(string spelling, TypeContext ctx)
    {
        var s = spelling.Trim();
        while (s.StartsWith("__attribute__((", StringComparison.Ordinal))
        {
            int end = s.IndexOf("))", StringComparison.Ordinal);
            if (end < 0) return null;
            s = s[(end + 2)..].Trim();
        }
        int fp = s.IndexOf("(*)(", StringComparison.Ordinal);
        if (fp >= 0 && s.EndsWith(')'))
        {
            // a pointer to function: RET (*)(PARAMS)
            var ret = ParseType(s[..fp], ctx);
            if (ret is null) return null;
            var inner = s[(fp + 4)..^1].Trim();
            if (inner.Length == 0) return new QualifiedType(ctx.Pointer(ctx.UnprototypedFunction(ret.Value)));
            var ps = new List<QualifiedType>();
            bool variadic = false;
            foreach (var part in SplitTopLevel(inner))
            {
                if (part == "...") { variadic = true; continue; }
                if (part == "void") continue;
                var pt = ParseType(part, ctx);
                if (pt is null) return null;
                ps.Add(pt.Value);
            }
            return new QualifiedType(ctx.Pointer(ctx.Function(ret.Value, ps, variadic)));
        }
        if (s.Contains('(') && !s.Contains("__vector(", StringComparison.Ordinal)) return null;
        var words = new List<string>();
        int i = 0;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i])) { i++; continue; }
            if (s[i] == '*') { words.Add("*"); i++; continue; }
            int start = i;
            if (s.AsSpan(i).StartsWith("__vector("))
            {
                int close = s.IndexOf(')', i);
                if (close < 0) return null;
                words.Add(s[start..(close + 1)]);
                i = close + 1;
                continue;
            }
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '*') i++;
            words.Add(s[start..i]);
        }
        int star = words.IndexOf("*");
        var baseWords = star < 0 ? words : words.GetRange(0, star);
        var baseType = Base(baseWords, ctx);
        if (baseType is null) return null;
        var t = baseType.Value;
        if (star < 0) return t;
        var quals = TypeQualifiers.None;
        bool pending = false;
        for (int k = star; k < words.Count; k++)
        {
            var w = words[k];
            if (w == "*")
            {
                if (pending) t = new QualifiedType(ctx.Pointer(t), quals);
                quals = TypeQualifiers.None;
                pending = true;
                continue;
            }
            var q = Qualifier(w);
            if (q is null) return null;
            quals |= q.Value;
        }
        if (pending) t = new QualifiedType(ctx.Pointer(t), quals);
        return t;
    }

    private static IEnumerable<string> SplitTopLevel(string s)
    {
        int depth = 0, start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')') depth--;
            else if (s[i] == ',' && depth == 0)
            {
                yield return s[start..i].Trim();
                start = i + 1;
            }
        }
        yield return s[start..].Trim();
    }

    private static TypeQualifiers? Qualifier(string w) => w switch
    {
        "const" => TypeQualifiers.Const,
        "volatile" => TypeQualifiers.Volatile,
        "restrict" or "__restrict" => TypeQualifiers.Restrict,
        "_Atomic" => TypeQualifiers.Atomic,
        _ => null,
    };

    private static QualifiedType? Base(List<string> words, TypeContext ctx)
    {
        var quals = TypeQualifiers.None;
        int nLong = 0, nShort = 0, nUnsigned = 0, nSigned = 0, nChar = 0, nInt = 0;
        bool complex = false;
        int vector = 0;
        CType? t = null;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (Qualifier(w) is { } q) { quals |= q; continue; }
            switch (w)
            {
                case "long": nLong++; break;
                case "short": nShort++; break;
                case "unsigned": nUnsigned++; break;
                case "signed": nSigned++; break;
                case "char": nChar++; break;
                case "int": nInt++; break;
                case "_Complex" or "complex": complex = true; break;
                case "void": t = ctx.Void; break;
                case "_Bool" or "bool": t = ctx.Bool; break;
                case "float": t = ctx.Float; break;
                case "double": t = ctx.Double; break;
                case "__int128": t = ctx.Int128; break;
                case "_Float16": t = ctx.Float16; break;
                case "_Float32": t = ctx.Float32; break;
                case "_Float64": t = ctx.Float64; break;
                case "_Float128" or "__float128": t = ctx.Float128; break;
                case "_Float32x": t = ctx.Float32x; break;
                case "_Float64x": t = ctx.Float64x; break;
                case "__float80": t = ctx.LongDouble; break;
                case "__bf16" or "__fp16": t = ctx.Float16; break;
                // decimal floating types are modelled by the binary type of their size
                case "_Decimal32": t = ctx.Float; break;
                case "_Decimal64": t = ctx.Double; break;
                case "_Decimal128": t = ctx.LongDouble; break;
                case "__builtin_va_list" or "__gnuc_va_list" or "va_list": t = ctx.BuiltinVaList; break;
                case "__va_list_tag" or "__va_list": t = ctx.VaListTag; break;
                case "struct":
                    if (i + 1 >= words.Count) return null;
                    var tag = words[++i];
                    if (tag == ctx.VaListTag.Tag) t = ctx.VaListTag;
                    else return null;
                    break;
                default:
                    if (w.StartsWith("__vector(", StringComparison.Ordinal) && int.TryParse(w.AsSpan(9, w.Length - 10), out var n)) { vector = n; break; }
                    return null;
            }
        }
        if (t is null)
        {
            if (nChar > 0) t = nUnsigned > 0 ? ctx.UnsignedChar : nSigned > 0 ? ctx.SignedChar : ctx.Char;
            else if (nShort > 0) t = nUnsigned > 0 ? ctx.UnsignedShort : ctx.Short;
            else if (nLong >= 2) t = nUnsigned > 0 ? ctx.UnsignedLongLong : ctx.LongLong;
            else if (nLong == 1) t = nUnsigned > 0 ? ctx.UnsignedLong : ctx.Long;
            else if (nUnsigned + nSigned + nInt > 0) t = nUnsigned > 0 ? ctx.UnsignedInt : ctx.Int;
            else if (complex) t = ctx.Double;
            else return null;
        }
        else if (t == ctx.Double && nLong > 0) t = ctx.LongDouble;
        else if (t == ctx.Int128 && nUnsigned > 0) t = ctx.UnsignedInt128;
        if (complex) t = ctx.Complex(t);
        if (vector > 0)
        {
            var size = ctx.SizeOf(t) ?? 0;
            var v = ctx.Vector(new QualifiedType(t), size * vector, new DiagnosticBag());
            if (v is null) return null;
            t = v;
        }
        return new QualifiedType(t, quals);
    }
}
