using System.Text;

namespace KlpCcp.Engine.Preprocessing;

/// <summary>Spelling of tokens and gcc's rule for when two tokens must be printed apart.</summary>
public static class TokenSpelling
{
    private static readonly string[] Punctuators = BuildPunctuators();
    private static readonly string[] Digraphs = BuildDigraphs();

    private static string[] BuildPunctuators()
    {
        var p = new string[(int)TokenKind.LastPunctuator + 1];
        void S(TokenKind k, string s) => p[(int)k] = s;
        S(TokenKind.Eq, "="); S(TokenKind.Not, "!"); S(TokenKind.Greater, ">"); S(TokenKind.Less, "<");
        S(TokenKind.Plus, "+"); S(TokenKind.Minus, "-"); S(TokenKind.Mult, "*"); S(TokenKind.Div, "/");
        S(TokenKind.Mod, "%"); S(TokenKind.And, "&"); S(TokenKind.Or, "|"); S(TokenKind.Xor, "^");
        S(TokenKind.RShift, ">>"); S(TokenKind.LShift, "<<"); S(TokenKind.Compl, "~"); S(TokenKind.AndAnd, "&&");
        S(TokenKind.OrOr, "||"); S(TokenKind.Query, "?"); S(TokenKind.Colon, ":"); S(TokenKind.Comma, ",");
        S(TokenKind.OpenParen, "("); S(TokenKind.CloseParen, ")"); S(TokenKind.EqEq, "=="); S(TokenKind.NotEq, "!=");
        S(TokenKind.GreaterEq, ">="); S(TokenKind.LessEq, "<="); S(TokenKind.PlusEq, "+="); S(TokenKind.MinusEq, "-=");
        S(TokenKind.MultEq, "*="); S(TokenKind.DivEq, "/="); S(TokenKind.ModEq, "%="); S(TokenKind.AndEq, "&=");
        S(TokenKind.OrEq, "|="); S(TokenKind.XorEq, "^="); S(TokenKind.RShiftEq, ">>="); S(TokenKind.LShiftEq, "<<=");
        S(TokenKind.Hash, "#"); S(TokenKind.Paste, "##"); S(TokenKind.OpenSquare, "["); S(TokenKind.CloseSquare, "]");
        S(TokenKind.OpenBrace, "{"); S(TokenKind.CloseBrace, "}"); S(TokenKind.Semicolon, ";"); S(TokenKind.Ellipsis, "...");
        S(TokenKind.PlusPlus, "++"); S(TokenKind.MinusMinus, "--"); S(TokenKind.Deref, "->"); S(TokenKind.Dot, ".");
        S(TokenKind.Scope, "::");
        return p;
    }

    private static string[] BuildDigraphs()
    {
        var p = new string[(int)TokenKind.LastPunctuator + 1];
        p[(int)TokenKind.OpenSquare] = "<:";
        p[(int)TokenKind.CloseSquare] = ":>";
        p[(int)TokenKind.OpenBrace] = "<%";
        p[(int)TokenKind.CloseBrace] = "%>";
        p[(int)TokenKind.Hash] = "%:";
        p[(int)TokenKind.Paste] = "%:%:";
        return p;
    }

    public static bool IsPunctuator(TokenKind k) => k <= TokenKind.LastPunctuator;

    /// <summary>The fixed spelling of a punctuator kind (not its digraph form).</summary>
    public static string PunctuatorText(TokenKind k) => Punctuators[(int)k];

    public static string Spell(in Token t, NameTable names)
    {
        if (t.Kind <= TokenKind.LastPunctuator)
            return (t.Flags & TokenFlags.Digraph) != 0 ? Digraphs[(int)t.Kind] : Punctuators[(int)t.Kind];
        return t.Kind switch
        {
            TokenKind.Padding or TokenKind.EndOfDirective or TokenKind.EndOfFile => "",
            TokenKind.MacroArg => "<arg " + t.Text + ">",
            _ => names[t.Text],
        };
    }

    public static void Append(StringBuilder sb, in Token t, NameTable names)
    {
        if (t.Kind <= TokenKind.LastPunctuator)
            sb.Append((t.Flags & TokenFlags.Digraph) != 0 ? Digraphs[(int)t.Kind] : Punctuators[(int)t.Kind]);
        else if (t.Kind < TokenKind.MacroArg)
            sb.Append(names[t.Text]);
    }

    public static bool IsStringOrChar(TokenKind k) =>
        k is TokenKind.String or TokenKind.WString or TokenKind.String16 or TokenKind.String32 or TokenKind.Utf8String
            or TokenKind.CharConst or TokenKind.WCharConst or TokenKind.Char16Const or TokenKind.Char32Const or TokenKind.Utf8CharConst;

    public static bool IsString(TokenKind k) =>
        k is TokenKind.String or TokenKind.WString or TokenKind.String16 or TokenKind.String32 or TokenKind.Utf8String;

    /// <summary>
    /// gcc's cpp_avoid_paste: whether printing <paramref name="b"/> right after
    /// <paramref name="a"/> would lex differently, so a space is needed.
    /// </summary>
    public static bool AvoidPaste(in Token a, in Token b, NameTable names)
    {
        TokenKind ka = a.Kind, kb = b.Kind;
        char c = '\0';
        if (kb <= TokenKind.LastPunctuator)
            c = (b.Flags & TokenFlags.Digraph) != 0 ? Digraphs[(int)kb][0] : Punctuators[(int)kb][0];

        if (ka <= TokenKind.LastEq && c == '=') return true;
        switch (ka)
        {
            case TokenKind.Greater: return c == '>';
            case TokenKind.Less: return c == '<' || c == '%' || c == ':';
            case TokenKind.Plus: return c == '+';
            case TokenKind.Minus: return c == '-' || c == '>';
            case TokenKind.Div: return c == '/' || c == '*';
            case TokenKind.Mod: return c == ':' || c == '%';
            case TokenKind.And: return c == '&';
            case TokenKind.Or: return c == '|';
            case TokenKind.Colon: return c == ':' || c == '>';
            case TokenKind.Deref: return c == '*';
            case TokenKind.Dot: return c == '.' || c == '%' || kb == TokenKind.Number;
            case TokenKind.Hash: return c == '#' || c == '%';
            case TokenKind.Identifier:
                return (kb == TokenKind.Number && IsIdentifierLike(names[b.Text]))
                    || kb == TokenKind.Identifier || kb == TokenKind.CharConst || kb == TokenKind.String;
            case TokenKind.Number:
                return kb == TokenKind.Number || kb == TokenKind.Identifier || kb == TokenKind.CharConst
                    || c == '.' || c == '+' || c == '-';
            case TokenKind.Other:
                {
                    var s = names[a.Text];
                    if (s.Length > 0 && s[0] == '\\' && kb == TokenKind.Identifier) return true;
                    return false;
                }
        }
        return false;
    }

    private static bool IsIdentifierLike(string s)
    {
        if (s.Length == 0 || !CharInfo.IsIdStart(s[0])) return false;
        foreach (var ch in s)
            if (!CharInfo.IsIdChar(ch)) return false;
        return true;
    }
}
