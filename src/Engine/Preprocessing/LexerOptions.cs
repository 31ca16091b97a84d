namespace KlpCcp.Engine.Preprocessing;

/// <summary>Language options that change how characters form tokens.</summary>
public sealed class LexerOptions
{
    /// <summary>Digraphs (&lt;: :&gt; &lt;% %&gt; %: %:%:), from C94 on.</summary>
    public bool Digraphs { get; init; } = true;
    /// <summary>gcc's raw string literals R"d(...)d", enabled in the GNU C dialects from gnu99 on.</summary>
    public bool RawStrings { get; init; } = true;
    /// <summary>u8 character constants (C2X).</summary>
    public bool Utf8CharLiterals { get; init; }
    /// <summary>'::' is one token (C2X attributes).</summary>
    public bool ScopeToken { get; init; }
    /// <summary>Digit separators 1'000 (C2X).</summary>
    public bool DigitSeparators { get; init; }

    /// <summary>A strict ISO mode (-std=c99, c11, ...): gcc keeps the comma of ", ## __VA_ARGS__" for a lone empty variadic argument.</summary>
    public bool StrictIso { get; init; }

    public static readonly LexerOptions Gnu = new();
}
