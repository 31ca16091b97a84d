using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine.Preprocessing;

/// <summary>Everything the preprocessor needs from the compiler invocation and the target.</summary>
public sealed class PreprocessorOptions
{
    /// <summary>The input file as given on the command line.</summary>
    public required string MainFile { get; init; }
    /// <summary>Directory relative paths are resolved against (the compiler's working directory).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
    /// <summary>gcc's predefined macros as #define lines (read as the &lt;built-in&gt; buffer).</summary>
    public string PredefinedMacros { get; init; } = "";
    /// <summary>The -D/-U options as the directives cpp runs for them (<c>#define X 1</c>, <c>#undef Y</c>), in order.</summary>
    public IReadOnlyList<string> CommandLineDirectives { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> PreIncludes { get; init; } = Array.Empty<string>();
    /// <summary>gcc's implicit pre-include (stdc-predef.h when hosted): searched like &lt;f&gt;, silently skipped when absent.</summary>
    public string? ImplicitPreInclude { get; init; }
    public IReadOnlyList<string> IMacros { get; init; } = Array.Empty<string>();
    public IncludeSearchPath SearchPath { get; init; } = IncludeSearchPath.Empty;
    /// <summary>-fmacro-prefix-map pairs in command-line order (the last matching one applies).</summary>
    public IReadOnlyList<(string From, string To)> MacroPrefixMap { get; init; } = Array.Empty<(string, string)>();
    public LexerOptions Lexer { get; init; } = LexerOptions.Gnu;
    public Func<string, int>? HasAttribute { get; init; }
    public Func<string, int>? HasCAttribute { get; init; }
    public Func<string, bool>? HasBuiltin { get; init; }
    /// <summary>-Wundef: warn about undefined identifiers in #if.</summary>
    public bool WarnUndef { get; init; }
    /// <summary>Plain char is unsigned (character constants in #if).</summary>
    public bool CharIsUnsigned { get; init; }
    /// <summary>wchar_t is unsigned (and its width in bits).</summary>
    public bool WCharIsUnsigned { get; init; }
    public int WCharBits { get; init; } = 32;
    /// <summary>gcc's limit on #include nesting.</summary>
    public int MaxIncludeDepth { get; init; } = 200;
    /// <summary>Bound on nested macro expansion contexts, so pathological input cannot exhaust memory.</summary>
    public int MaxContextDepth { get; init; } = 20000;
    /// <summary>Bound on macro invocations nested in arguments (their pre-expansion recurses).</summary>
    public int MaxExpansionNesting { get; init; } = 256;
    /// <summary>Bound on the tokens all function-like expansions may produce (exponential macros).</summary>
    public long MaxExpandedTokens { get; init; } = 500_000_000;
    /// <summary>Bound on parentheses and operators nested in one #if expression.</summary>
    public int MaxConditionNesting { get; init; } = 1000;
    /// <summary>
    /// Reads a file by full path (Latin-1 text), or returns null when it does not exist. Tests
    /// supply in-memory files; the default reads the disk.
    /// </summary>
    public Func<string, string?>? ReadFile { get; init; }
    /// <summary>Fixed time for __DATE__/__TIME__ (tests); null means now.</summary>
    public DateTime? Now { get; init; }
}
