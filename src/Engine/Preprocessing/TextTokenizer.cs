namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// Splits C text into preprocessing-token spellings without running directives or macros,
/// e.g. to compare preprocessed outputs token by token regardless of layout.
/// </summary>
public static class TextTokenizer
{
    public static List<string> Spellings(string text, LexerOptions? options = null)
    {
        var names = new NameTable();
        var lexer = new Lexer(text, 1, names, options ?? LexerOptions.Gnu, (_, _, _) => { }) { Quiet = true };
        var result = new List<string>(text.Length / 4);
        while (true)
        {
            lexer.Lex(out var t);
            if (t.Kind == TokenKind.EndOfFile) break;
            result.Add(TokenSpelling.Spell(t, names));
        }
        return result;
    }
}
