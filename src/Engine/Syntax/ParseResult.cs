using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Syntax;

/// <summary>The tree of a unit and whether parsing reported errors (the diagnostics are in <see cref="Diagnostics"/>).</summary>
public sealed class ParseResult
{
    internal ParseResult(PreprocessedUnit unit, TranslationUnit root, DiagnosticBag diagnostics, int errors, int warnings, int deepestNesting)
    {
        DeepestNesting = deepestNesting;
        Unit = unit;
        Root = root;
        Diagnostics = diagnostics;
        ErrorCount = errors;
        WarningCount = warnings;
    }

    public PreprocessedUnit Unit { get; }
    public TranslationUnit Root { get; }
    public DiagnosticBag Diagnostics { get; }
    /// <summary>Syntax errors reported by the parser (not counting what the bag held before).</summary>
    public int ErrorCount { get; }
    public int WarningCount { get; }
    public bool HasErrors => ErrorCount > 0;
    /// <summary>The deepest nesting level reached (see <see cref="ParserOptions.MaxNestingDepth"/>).</summary>
    public int DeepestNesting { get; }
}
