using KlpCcp.Engine.Source;

namespace KlpCcp.Engine.Preprocessing;

/// <summary>Where a token's raw text lies in its file (for copying original source text).</summary>
public static class TokenExtent
{
    /// <summary>
    /// Start and end offsets, in its region's file, of a token spelled in a file (its
    /// <see cref="Token.Loc"/> must be a file location, i.e. not a synthesized token).
    /// </summary>
    public static (SourceRegion Region, int Start, int End) Of(PreprocessedUnit unit, in Token t)
    {
        var region = unit.Sources.GetRegion(t.Loc) ?? throw new ArgumentException("token without a source location");
        int start = t.Loc - region.Base;
        string spelling = unit.Spell(t);
        var text = region.File.Text;
        if (start + spelling.Length <= text.Length && text.AsSpan(start, spelling.Length).SequenceEqual(spelling))
            return (region, start, start + spelling.Length);
        return (region, start, Lexer.RawTokenEnd(text, start, LexerOptions.Gnu));
    }
}
