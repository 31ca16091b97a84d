namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// One expansion of a macro. Ids start at 1; a token's <see cref="Token.Expansion"/> names the
/// innermost invocation whose replacement list it was part of. Locations are spelling
/// locations: for a top-level invocation (<see cref="Parent"/> 0) they are in the file, and
/// [<see cref="NameLoc"/>, <see cref="EndLoc"/>) is the invocation's raw source range.
/// </summary>
public struct MacroInvocation
{
    public int Macro;
    /// <summary>The invocation whose expansion (or argument pre-expansion) produced this one; 0 at top level.</summary>
    public int Parent;
    /// <summary>The top-level ancestor (itself when top level).</summary>
    public int TopLevel;
    public int NameLoc;
    /// <summary>Just past the invocation: past the closing parenthesis, or past the name.</summary>
    public int EndLoc;
    /// <summary>Where gcc considers the expansion to happen (outermost expansion point of the name).</summary>
    public int ExpansionPointLoc;
    /// <summary>Index of the first argument range in <see cref="PreprocessingRecord.ArgumentRanges"/>.</summary>
    public int FirstArgument;
    public int ArgumentCount;
    /// <summary>Index of the first token of the unit produced by this invocation (top-level invocations).</summary>
    public int OutputStart;
    /// <summary>One past the last token of the unit produced by this invocation (top-level invocations).</summary>
    public int OutputEnd;
}
