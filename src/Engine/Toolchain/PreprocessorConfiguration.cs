using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// Turns a compiler (--compiler) and its command line into the preprocessor's options: the
/// predefined macros of that gcc for those flags, -D/-U in order, the include chains, the
/// pre-includes, the dialect's lexical rules and the target's character types.
/// </summary>
public static class PreprocessorConfiguration
{
    /// <param name="readFile">The preprocessor's file hook (<see cref="PreprocessorOptions.ReadFile"/>): from-diff reads the patched tree through it.</param>
    public static PreprocessorOptions Create(CompilerSpec spec, CompilerInvocation inv, string workingDirectory, DiagnosticBag diags,
        Func<string, string?>? readFile = null)
    {
        var macros = PredefinedMacros.Compute(spec, inv, diags);
        var target = TargetInfo.For(spec, macros);
        var features = GccFeatureTables.For(spec, inv);
        var search = IncludeSearchPath.Create(spec, inv, workingDirectory);
        var std = inv.Standard ?? CStandard.DefaultFor(spec.Major);
        bool c2x = std.Revision >= CStandardRevision.C2x;
        return new PreprocessorOptions
        {
            MainFile = inv.InputFile ?? "",
            WorkingDirectory = workingDirectory,
            PredefinedMacros = macros.Text,
            CommandLineDirectives = inv.MacroOperations.Select(m => m.Directive).ToArray(),
            PreIncludes = inv.PreIncludes,
            IMacros = inv.MacroIncludes,
            ImplicitPreInclude = search.ImplicitPreinclude,
            SearchPath = search,
            MacroPrefixMap = inv.MacroPrefixMaps.Select(m => (m.Old, m.New)).ToArray(),
            Lexer = new LexerOptions
            {
                Digraphs = !(std.Strict && std.Revision == CStandardRevision.C89),
                RawStrings = std.Gnu && std.AtLeastC99,
                Utf8CharLiterals = c2x,
                ScopeToken = c2x,
                DigitSeparators = c2x,
                StrictIso = std.Strict,
            },
            HasAttribute = features.HasAttribute,
            HasCAttribute = features.HasCAttribute,
            HasBuiltin = features.HasBuiltin,
            WarnUndef = inv.Options.Any(o => o.Name == "-Wundef"),
            CharIsUnsigned = !target.CharIsSigned,
            WCharIsUnsigned = target.WcharType.Contains("unsigned", StringComparison.Ordinal),
            WCharBits = target.Wchar.Size * 8,
            ReadFile = readFile,
        };
    }
}
