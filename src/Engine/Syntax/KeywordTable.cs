using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Syntax;

/// <summary>Keyword of each name id: every spelling is interned once, then lookups are array reads.</summary>
public sealed class KeywordTable
{
    private readonly Keyword[] _byName;

    public KeywordTable(NameTable names, bool gnuKeywords = true)
    {
        var pairs = new List<(string, Keyword)>(128);
        void K(Keyword k, params string[] spellings)
        {
            foreach (var s in spellings) pairs.Add((s, k));
        }
        K(Keyword.Typedef, "typedef"); K(Keyword.Extern, "extern"); K(Keyword.Static, "static");
        K(Keyword.Auto, "auto"); K(Keyword.Register, "register"); K(Keyword.ThreadLocal, "_Thread_local", "__thread");
        K(Keyword.Inline, "inline", "__inline", "__inline__"); K(Keyword.Noreturn, "_Noreturn");
        K(Keyword.Const, "const", "__const", "__const__"); K(Keyword.Volatile, "volatile", "__volatile", "__volatile__");
        K(Keyword.Restrict, "restrict", "__restrict", "__restrict__"); K(Keyword.Atomic, "_Atomic");
        K(Keyword.SegFs, "__seg_fs"); K(Keyword.SegGs, "__seg_gs");
        K(Keyword.Void, "void"); K(Keyword.Char, "char"); K(Keyword.Short, "short"); K(Keyword.Int, "int");
        K(Keyword.Long, "long"); K(Keyword.Float, "float"); K(Keyword.Double, "double");
        K(Keyword.Signed, "signed", "__signed", "__signed__"); K(Keyword.Unsigned, "unsigned"); K(Keyword.Bool, "_Bool");
        K(Keyword.Complex, "_Complex", "__complex", "__complex__"); K(Keyword.Imaginary, "_Imaginary");
        K(Keyword.Int128, "__int128"); K(Keyword.Float16, "_Float16"); K(Keyword.Float32, "_Float32");
        K(Keyword.Float64, "_Float64"); K(Keyword.Float128, "_Float128"); K(Keyword.Float32x, "_Float32x");
        K(Keyword.Float64x, "_Float64x"); K(Keyword.Float128x, "_Float128x");
        K(Keyword.Decimal32, "_Decimal32"); K(Keyword.Decimal64, "_Decimal64"); K(Keyword.Decimal128, "_Decimal128");
        K(Keyword.AutoType, "__auto_type");
        K(Keyword.Struct, "struct"); K(Keyword.Union, "union"); K(Keyword.Enum, "enum");
        K(Keyword.Typeof, "__typeof", "__typeof__"); K(Keyword.TypeofUnqual, "typeof_unqual", "__typeof_unqual__");
        K(Keyword.Alignas, "_Alignas"); K(Keyword.Alignof, "_Alignof", "__alignof", "__alignof__");
        K(Keyword.Attribute, "__attribute", "__attribute__"); K(Keyword.Asm, "__asm", "__asm__");
        K(Keyword.Extension, "__extension__"); K(Keyword.Label, "__label__");
        K(Keyword.Real, "__real", "__real__"); K(Keyword.Imag, "__imag", "__imag__");
        K(Keyword.Sizeof, "sizeof"); K(Keyword.Generic, "_Generic"); K(Keyword.StaticAssert, "_Static_assert");
        K(Keyword.BuiltinVaArg, "__builtin_va_arg"); K(Keyword.BuiltinOffsetof, "__builtin_offsetof");
        K(Keyword.BuiltinTypesCompatibleP, "__builtin_types_compatible_p");
        K(Keyword.BuiltinConvertVector, "__builtin_convertvector");
        K(Keyword.Break, "break"); K(Keyword.Case, "case"); K(Keyword.Continue, "continue"); K(Keyword.Default, "default");
        K(Keyword.Do, "do"); K(Keyword.Else, "else"); K(Keyword.For, "for"); K(Keyword.Goto, "goto"); K(Keyword.If, "if");
        K(Keyword.Return, "return"); K(Keyword.Switch, "switch"); K(Keyword.While, "while");
        if (gnuKeywords)
        {
            // Not keywords in strict ISO modes (-std=c11): gcc's D_ASM / D_EXT.
            K(Keyword.Typeof, "typeof");
            K(Keyword.Asm, "asm");
        }
        var ids = new int[pairs.Count];
        for (int i = 0; i < pairs.Count; i++) ids[i] = names.Intern(pairs[i].Item1);
        _byName = new Keyword[names.Count];
        for (int i = 0; i < pairs.Count; i++) _byName[ids[i]] = pairs[i].Item2;
    }

    public int Count => _byName.Length;

    /// <summary>The keyword spelled by a name id (<see cref="Keyword.None"/> for any other name).</summary>
    public Keyword this[int nameId] => (uint)nameId < (uint)_byName.Length ? _byName[nameId] : Keyword.None;
}
