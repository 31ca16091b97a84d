using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>Dialect and target switches of the semantic analyzer.</summary>
public sealed class AnalyzerOptions
{
    /// <summary>Which names are gcc builtins (<c>__has_builtin</c> answers: core builtins, and library ones unless -fno-builtin).</summary>
    public GccFeatureTables Features { get; init; } = GccFeatureTables.Gcc12X86_64;
    /// <summary>The target architecture (selects the builtin prototype table).</summary>
    public TargetArch Arch { get; init; } = TargetArch.X86_64;
    /// <summary>C99 and later: non-lvalue arrays decay, <c>inline</c> has C99 semantics (gnu89 inline otherwise).</summary>
    public bool C99 { get; init; } = true;
    /// <summary>-fgnu89-inline or -std=gnu89: <c>extern inline</c> means gnu_inline.</summary>
    public bool Gnu89Inline { get; init; }
    /// <summary>gcc's -Werror=implicit-function-declaration (or -Werror): an implicit declaration is an error.</summary>
    public bool ImplicitFunctionDeclarationIsError { get; init; }
    /// <summary>After this many errors the analyzer stops reporting (and analysing).</summary>
    public int MaxErrors { get; init; } = 100;

    public static readonly AnalyzerOptions Default = new();

    /// <summary>The options for a compiler and its command line.</summary>
    public static AnalyzerOptions For(CompilerSpec spec, CompilerInvocation invocation)
    {
        var std = invocation.Standard ?? CStandard.DefaultFor(spec.Major);
        var gnu89Inline = !std.AtLeastC99;
        bool werror = false, implicitError = false, implicitNoError = false, implicitOff = false;
        foreach (var o in invocation.Options)
        {
            switch (o.Text)
            {
                case "-fgnu89-inline": gnu89Inline = true; break;
                case "-fno-gnu89-inline": gnu89Inline = false; break;
                case "-Werror": werror = true; break;
                case "-Wno-error": werror = false; break;
                case "-Werror=implicit-function-declaration" or "-Werror=implicit": implicitError = true; implicitNoError = false; break;
                case "-Wno-error=implicit-function-declaration" or "-Wno-error=implicit": implicitNoError = true; implicitError = false; break;
                case "-Wno-implicit-function-declaration" or "-Wno-implicit": implicitOff = true; break;
                case "-Wimplicit-function-declaration" or "-Wimplicit": implicitOff = false; break;
            }
        }
        return new AnalyzerOptions
        {
            Features = GccFeatureTables.For(spec, invocation),
            Arch = spec.Arch,
            C99 = std.AtLeastC99,
            Gnu89Inline = gnu89Inline,
            // gcc 12 enables the warning by default from C99 on; -Werror makes every enabled warning an error
            ImplicitFunctionDeclarationIsError = !implicitOff && (implicitError || werror && !implicitNoError && std.AtLeastC99),
        };
    }

    /// <summary>
    /// The type context of a unit compiled with <paramref name="invocation"/>: the target's ABI
    /// with the options that change it, and <c>-fpack-struct[=n]</c>.
    /// </summary>
    public static TypeContext CreateTypeContext(CompilerSpec spec, CompilerInvocation invocation)
    {
        var target = TargetInfo.For(spec, invocation);
        bool packAll = false;
        int packN = 0;
        foreach (var o in invocation.Options)
        {
            if (o.Text == "-fpack-struct") { packAll = true; packN = 0; }
            else if (o.Text == "-fno-pack-struct") { packAll = false; packN = 0; }
            else if (o.Text.StartsWith("-fpack-struct=", StringComparison.Ordinal) && int.TryParse(o.Text.AsSpan("-fpack-struct=".Length), out var n))
            {
                packAll = false;
                packN = n;
            }
        }
        return new TypeContext(target, new StructPackingOptions(packAll, packN));
    }
}
