namespace KlpCcp.Engine.Preprocessing;

[Flags]
public enum TokenFlags : ushort
{
    None = 0,
    /// <summary>Whitespace (or a comment) precedes the token.</summary>
    PrevWhite = 1 << 0,
    /// <summary>First token of a logical line.</summary>
    StartOfLine = 1 << 1,
    /// <summary>An identifier that must never be macro-expanded (painted blue).</summary>
    NoExpand = 1 << 2,
    /// <summary>In a macro body: the argument is stringified (#).</summary>
    Stringify = 1 << 3,
    /// <summary>In a macro body: the token is the left operand of ##.</summary>
    PasteLeft = 1 << 4,
    /// <summary>Spelled as a digraph (&lt;: :&gt; &lt;% %&gt; %: %:%:).</summary>
    Digraph = 1 << 5,
    /// <summary>Padding whose source token is null (gcc's avoid_paste padding).</summary>
    PaddingSourceNull = 1 << 6,
    /// <summary>Padding whose source token had PrevWhite.</summary>
    PaddingSourceWhite = 1 << 7,
    /// <summary>The token was produced by stringification or pasting (its spelling is in scratch space).</summary>
    Synthesized = 1 << 8,
    /// <summary>In a macro body: this token opens a __VA_OPT__ group.</summary>
    VaOpt = 1 << 9,
    /// <summary>Token was lexed while a spliced line (backslash-newline) was inside it.</summary>
    Spliced = 1 << 10,
    /// <summary>An identifier that was a macro name when the token was produced by expansion.</summary>
    WasMacro = 1 << 11,
    /// <summary>
    /// In the unit: gcc -E would print a blank (or start a line) before this token — source
    /// whitespace carried through macro expansion by padding, or a blank to avoid a paste.
    /// Writing expanded tokens uses it to put blanks where the source had whitespace.
    /// </summary>
    SpaceBefore = 1 << 12,
    /// <summary>The value of __LINE__ or __COUNTER__ (kept through later expansions).</summary>
    LineOrCounterValue = 1 << 13,
}
