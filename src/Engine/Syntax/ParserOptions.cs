using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine.Syntax;

/// <summary>Dialect switches of the parser.</summary>
public sealed class ParserOptions
{
    /// <summary><c>typeof</c> and <c>asm</c> are keywords (GNU modes; not with -std=c89/c99/c11).</summary>
    public bool GnuKeywords { get; init; } = true;

    /// <summary>Names the compiler predeclares as types (gcc registers them as builtin type declarations).</summary>
    public IReadOnlyList<string> BuiltinTypeNames { get; init; } = X86_64BuiltinTypeNames;

    /// <summary>Nesting bound (parentheses, blocks, declarators, initializers, casts, unary operators); beyond it: "nesting too deep".</summary>
    public int MaxNestingDepth { get; init; } = 1000;

    /// <summary>After this many errors the parser stops.</summary>
    public int MaxErrors { get; init; } = 100;

    public static readonly IReadOnlyList<string> X86_64BuiltinTypeNames = new[]
    {
        "__builtin_va_list", "__builtin_ms_va_list", "__builtin_sysv_va_list",
        "__int128_t", "__uint128_t", "__float128", "__float80", "__bf16",
    };

    public static readonly IReadOnlyList<string> AArch64BuiltinTypeNames = new[]
    {
        "__builtin_va_list", "__int128_t", "__uint128_t", "__fp16", "__bf16",
        "__Int8x8_t", "__Int16x4_t", "__Int32x2_t", "__Int64x1_t", "__Float16x4_t", "__Float32x2_t",
        "__Poly8x8_t", "__Poly16x4_t", "__Uint8x8_t", "__Uint16x4_t", "__Uint32x2_t", "__Float64x1_t",
        "__Uint64x1_t", "__Int8x16_t", "__Int16x8_t", "__Int32x4_t", "__Int64x2_t", "__Float16x8_t",
        "__Float32x4_t", "__Float64x2_t", "__Poly8x16_t", "__Poly16x8_t", "__Poly64x2_t", "__Poly64x1_t",
        "__Uint8x16_t", "__Uint16x8_t", "__Uint32x4_t", "__Uint64x2_t", "__Bfloat16x4_t", "__Bfloat16x8_t",
        "__Poly8_t", "__Poly16_t", "__Poly64_t", "__Poly128_t",
    };

    /// <summary>x86_64, GNU keywords (declared after the name lists it uses).</summary>
    public static readonly ParserOptions Default = new();

    /// <summary>
    /// Options for a compiler and its command line: the target's builtin type names, and
    /// <c>typeof</c>/<c>asm</c> as keywords only in GNU modes (gcc's D_ASM/D_EXT keywords are
    /// off with -std=c89/c99/c11/c17).
    /// </summary>
    public static ParserOptions For(CompilerSpec spec, CompilerInvocation invocation)
    {
        var std = invocation.Standard ?? CStandard.DefaultFor(spec.Major);
        return ForArchitecture(CompilerSpec.ArchName(spec.Arch), std.Gnu);
    }

    /// <summary>Options for a target architecture name as the toolchain spells it ("x86_64", "aarch64").</summary>
    public static ParserOptions ForArchitecture(string arch, bool gnuKeywords = true) => new()
    {
        GnuKeywords = gnuKeywords,
        BuiltinTypeNames = arch.StartsWith("aarch64", StringComparison.Ordinal) || arch.StartsWith("arm64", StringComparison.Ordinal)
            ? AArch64BuiltinTypeNames : X86_64BuiltinTypeNames,
    };
}
