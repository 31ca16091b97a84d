namespace KlpCcp.Engine.Preprocessing;

/// <summary>Sees the token stream as gcc's output stage does, padding and line changes included.</summary>
public interface ITokenObserver
{
    /// <summary>Every token of the unit in order, including <see cref="TokenKind.Padding"/>.</summary>
    void OnToken(in Token token);

    /// <summary>The first token of a new source line was read at file level (gcc's line_change callback).</summary>
    void OnLineChange(in Token token);
}
