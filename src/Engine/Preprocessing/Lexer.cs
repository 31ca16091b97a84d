using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Source;

namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// Turns one file region into preprocessing tokens on demand. Line splices (backslash-newline)
/// are handled where they occur instead of in a cleaning pass, so token offsets stay raw byte
/// offsets of the file: the depreprocessor copies original text by these offsets.
/// </summary>
internal sealed class Lexer
{
    private static readonly SearchValues<char> SkipLineStops = SearchValues.Create("\n\r/\"'\\");
    private static readonly SearchValues<char> LineEnds = SearchValues.Create("\n\r");

    private readonly string _text;
    private readonly int _end;
    private readonly int _base;
    private readonly NameTable _names;
    private readonly LexerOptions _opts;
    private readonly Action<int, Severity, string> _report;
    private int _pos;
    private bool _atLineStart = true;
    private bool _directiveEnded;

    public Lexer(SourceRegion region, NameTable names, LexerOptions opts, Action<int, Severity, string> report)
        : this(region.File.Text, region.Base, names, opts, report)
    {
        Region = region;
    }

    /// <summary>A lexer over a piece of text that is not a file (token pasting, _Pragma strings).</summary>
    public Lexer(string text, int baseLoc, NameTable names, LexerOptions opts, Action<int, Severity, string> report)
    {
        _text = text;
        _end = text.Length;
        _base = baseLoc;
        _names = names;
        _opts = opts;
        _report = report;
    }

    public SourceRegion? Region { get; }

    /// <summary>Within a directive a new line ends the directive (<see cref="TokenKind.EndOfDirective"/>).</summary>
    public bool InDirective { get; private set; }

    /// <summary>'&lt;' begins a header name (#include, __has_include).</summary>
    public bool AngledHeaders;

    /// <summary>Collecting macro arguments: a new line counts as whitespace (gcc: parsing_args == 2).</summary>
    public bool ParsingArgs;

    /// <summary>Suppress diagnostics (e.g. text of #error, skipped groups).</summary>
    public bool Quiet;

    public int Position => _pos;
    public int Base => _base;
    public bool AtEnd => _pos >= _end;
    public bool AtLineStart => _atLineStart;
    public string Text => _text;

    /// <summary>
    /// The raw end offset of the token that starts at <paramref name="offset"/> (a token's
    /// raw text can be longer than its spelling when a line splice lies inside it).
    /// </summary>
    public static int RawTokenEnd(string text, int offset, LexerOptions options)
    {
        var lexer = new Lexer(text, 0, new NameTable(), options, (_, _, _) => { }) { Quiet = true };
        lexer._pos = offset;
        lexer._atLineStart = false;
        lexer.Lex(out _);
        return lexer._pos;
    }

    public void BeginDirective()
    {
        InDirective = true;
        _directiveEnded = false;
    }

    /// <summary>Discards what is left of the directive line and returns to normal lexing.</summary>
    public void EndDirective()
    {
        if (!_directiveEnded)
        {
            bool quiet = Quiet;
            Quiet = true;
            Token t;
            do Lex(out t); while (t.Kind != TokenKind.EndOfDirective);
            Quiet = quiet;
        }
        InDirective = false;
        AngledHeaders = false;
    }

    /// <summary>Position after any line splices starting at <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SkipSplices(int p)
    {
        while (p < _end && _text[p] == '\\')
        {
            int q = SpliceEnd(p);
            if (q == p) break;
            p = q;
        }
        return p;
    }

    /// <summary>If a splice (backslash, optional blanks, newline) starts at p, its end; else p.</summary>
    private int SpliceEnd(int p)
    {
        int q = p + 1;
        while (q < _end && (_text[q] == ' ' || _text[q] == '\t' || _text[q] == '\f' || _text[q] == '\v')) q++;
        if (q >= _end) return p;
        char c = _text[q];
        if (c == '\n') return q + 1;
        if (c == '\r') return q + 1 < _end && _text[q + 1] == '\n' ? q + 2 : q + 1;
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private char PeekSpliced(ref int p)
    {
        if (p < _end && _text[p] == '\\') p = SkipSplices(p);
        return p < _end ? _text[p] : '\0';
    }

    private int ConsumeNewline(int p)
    {
        if (_text[p] == '\r' && p + 1 < _end && _text[p + 1] == '\n') return p + 2;
        return p + 1;
    }

    private void Report(int offset, Severity sev, string msg)
    {
        if (!Quiet) _report(_base + offset, sev, msg);
    }

    public void Lex(out Token t)
    {
        TokenFlags flags = _atLineStart ? TokenFlags.StartOfLine : TokenFlags.None;
        if (_directiveEnded && InDirective)
        {
            t = new Token(TokenKind.EndOfDirective, flags, 0, _base + _pos);
            return;
        }
        int p = _pos;
        string text = _text;
        while (true)
        {
            if (p >= _end)
            {
                _pos = p;
                if (InDirective)
                {
                    _directiveEnded = true;
                    t = new Token(TokenKind.EndOfDirective, flags, 0, _base + p);
                    return;
                }
                t = new Token(TokenKind.EndOfFile, flags | TokenFlags.StartOfLine, 0, _base + p);
                return;
            }
            char c = text[p];
            if (c == ' ' || c == '\t' || (c < 256 && CharInfo.IsHSpace(c)))
            {
                p++;
                flags |= TokenFlags.PrevWhite;
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                if (InDirective)
                {
                    _pos = ConsumeNewline(p);
                    _atLineStart = true;
                    _directiveEnded = true;
                    t = new Token(TokenKind.EndOfDirective, flags, 0, _base + p);
                    return;
                }
                p = ConsumeNewline(p);
                _atLineStart = true;
                flags = ParsingArgs ? TokenFlags.StartOfLine | TokenFlags.PrevWhite : TokenFlags.StartOfLine;
                continue;
            }
            if (c == '\\')
            {
                int q = SpliceEnd(p);
                if (q != p)
                {
                    if (q >= _end) Report(p, Severity.Warning, "backslash-newline at end of file");
                    p = q;
                    continue;
                }
                break;
            }
            if (c == '/')
            {
                int q = p + 1;
                char n = PeekSpliced(ref q);
                if (n == '*')
                {
                    p = SkipBlockComment(p, q + 1);
                    flags |= TokenFlags.PrevWhite;
                    continue;
                }
                if (n == '/')
                {
                    p = SkipLineComment(q + 1);
                    flags |= TokenFlags.PrevWhite;
                    continue;
                }
            }
            break;
        }

        _atLineStart = false;
        LexToken(p, flags, out t);
    }

    private int SkipBlockComment(int start, int p)
    {
        string text = _text;
        while (true)
        {
            int star = text.AsSpan(p, _end - p).IndexOf('*');
            if (star < 0)
            {
                Report(start, Severity.Error, "unterminated comment");
                return _end;
            }
            p += star + 1;
            int q = p;
            char n = PeekSpliced(ref q);
            if (n == '/') return q + 1;
        }
    }

    /// <summary>Skips a // comment, continuing over splices; stops before the newline.</summary>
    private int SkipLineComment(int p)
    {
        string text = _text;
        while (true)
        {
            int nl = text.AsSpan(p, _end - p).IndexOfAny(LineEnds);
            if (nl < 0) return _end;
            int at = p + nl;
            // a backslash (plus blanks) right before the newline continues the comment
            int b = at - 1;
            while (b >= p && (text[b] == ' ' || text[b] == '\t' || text[b] == '\f' || text[b] == '\v')) b--;
            if (b >= p && text[b] == '\\')
            {
                p = ConsumeNewline(at);
                continue;
            }
            return at;
        }
    }

    private void LexToken(int p, TokenFlags flags, out Token t)
    {
        string text = _text;
        char c = text[p];
        int loc = _base + p;

        if (CharInfo.IsIdStart(c))
        {
            // string and character literal prefixes
            if (c == 'L' || c == 'u' || c == 'U' || c == 'R')
            {
                if (TryLexPrefixedLiteral(p, flags, out t)) return;
            }
            int q = p + 1;
            bool spliced = false;
            while (true)
            {
                if (q < _end)
                {
                    char d = text[q];
                    if (CharInfo.IsIdChar(d)) { q++; continue; }
                    if (d == '\\')
                    {
                        int r = SkipSplices(q);
                        if (r != q && r < _end && CharInfo.IsIdChar(text[r])) { spliced = true; q = r; continue; }
                    }
                }
                break;
            }
            _pos = q;
            t = new Token(TokenKind.Identifier, flags, Spell(p, q, spliced), loc);
            return;
        }

        if (CharInfo.IsDigit(c))
        {
            LexNumber(p, p + 1, flags, out t);
            return;
        }

        switch (c)
        {
            case '"':
                LexQuoted(p, p + 1, '"', TokenKind.String, flags, out t);
                return;
            case '\'':
                LexQuoted(p, p + 1, '\'', TokenKind.CharConst, flags, out t);
                return;
        }

        // punctuators
        int q2 = p + 1;
        char n = PeekSpliced(ref q2);
        TokenKind kind;
        int end = p + 1;
        switch (c)
        {
            case '(': kind = TokenKind.OpenParen; break;
            case ')': kind = TokenKind.CloseParen; break;
            case '[': kind = TokenKind.OpenSquare; break;
            case ']': kind = TokenKind.CloseSquare; break;
            case '{': kind = TokenKind.OpenBrace; break;
            case '}': kind = TokenKind.CloseBrace; break;
            case ';': kind = TokenKind.Semicolon; break;
            case ',': kind = TokenKind.Comma; break;
            case '~': kind = TokenKind.Compl; break;
            case '?': kind = TokenKind.Query; break;
            case '.':
                if (CharInfo.IsDigit(n))
                {
                    LexNumber(p, q2 + 1, flags, out t);
                    return;
                }
                kind = TokenKind.Dot;
                if (n == '.')
                {
                    int q3 = q2 + 1;
                    char n2 = PeekSpliced(ref q3);
                    if (n2 == '.') { kind = TokenKind.Ellipsis; end = q3 + 1; }
                }
                break;
            case '=':
                if (n == '=') { kind = TokenKind.EqEq; end = q2 + 1; } else kind = TokenKind.Eq;
                break;
            case '!':
                if (n == '=') { kind = TokenKind.NotEq; end = q2 + 1; } else kind = TokenKind.Not;
                break;
            case '*':
                if (n == '=') { kind = TokenKind.MultEq; end = q2 + 1; } else kind = TokenKind.Mult;
                break;
            case '/':
                if (n == '=') { kind = TokenKind.DivEq; end = q2 + 1; } else kind = TokenKind.Div;
                break;
            case '^':
                if (n == '=') { kind = TokenKind.XorEq; end = q2 + 1; } else kind = TokenKind.Xor;
                break;
            case '+':
                if (n == '+') { kind = TokenKind.PlusPlus; end = q2 + 1; }
                else if (n == '=') { kind = TokenKind.PlusEq; end = q2 + 1; }
                else kind = TokenKind.Plus;
                break;
            case '-':
                if (n == '-') { kind = TokenKind.MinusMinus; end = q2 + 1; }
                else if (n == '=') { kind = TokenKind.MinusEq; end = q2 + 1; }
                else if (n == '>') { kind = TokenKind.Deref; end = q2 + 1; }
                else kind = TokenKind.Minus;
                break;
            case '&':
                if (n == '&') { kind = TokenKind.AndAnd; end = q2 + 1; }
                else if (n == '=') { kind = TokenKind.AndEq; end = q2 + 1; }
                else kind = TokenKind.And;
                break;
            case '|':
                if (n == '|') { kind = TokenKind.OrOr; end = q2 + 1; }
                else if (n == '=') { kind = TokenKind.OrEq; end = q2 + 1; }
                else kind = TokenKind.Or;
                break;
            case '#':
                if (n == '#') { kind = TokenKind.Paste; end = q2 + 1; } else kind = TokenKind.Hash;
                break;
            case ':':
                if (n == '>' && _opts.Digraphs) { kind = TokenKind.CloseSquare; end = q2 + 1; flags |= TokenFlags.Digraph; }
                else if (n == ':' && _opts.ScopeToken) { kind = TokenKind.Scope; end = q2 + 1; }
                else kind = TokenKind.Colon;
                break;
            case '<':
                if (AngledHeaders && TryLexHeaderName(p, flags, out t)) return;
                if (n == '<')
                {
                    int q3 = q2 + 1;
                    char n2 = PeekSpliced(ref q3);
                    if (n2 == '=') { kind = TokenKind.LShiftEq; end = q3 + 1; }
                    else { kind = TokenKind.LShift; end = q2 + 1; }
                }
                else if (n == '=') { kind = TokenKind.LessEq; end = q2 + 1; }
                else if (n == ':' && _opts.Digraphs) { kind = TokenKind.OpenSquare; end = q2 + 1; flags |= TokenFlags.Digraph; }
                else if (n == '%' && _opts.Digraphs) { kind = TokenKind.OpenBrace; end = q2 + 1; flags |= TokenFlags.Digraph; }
                else kind = TokenKind.Less;
                break;
            case '>':
                if (n == '>')
                {
                    int q3 = q2 + 1;
                    char n2 = PeekSpliced(ref q3);
                    if (n2 == '=') { kind = TokenKind.RShiftEq; end = q3 + 1; }
                    else { kind = TokenKind.RShift; end = q2 + 1; }
                }
                else if (n == '=') { kind = TokenKind.GreaterEq; end = q2 + 1; }
                else kind = TokenKind.Greater;
                break;
            case '%':
                if (n == '=') { kind = TokenKind.ModEq; end = q2 + 1; }
                else if (n == '>' && _opts.Digraphs) { kind = TokenKind.CloseBrace; end = q2 + 1; flags |= TokenFlags.Digraph; }
                else if (n == ':' && _opts.Digraphs)
                {
                    flags |= TokenFlags.Digraph;
                    int q3 = q2 + 1;
                    char n2 = PeekSpliced(ref q3);
                    int q4 = q3 + 1;
                    char n3 = n2 == '%' ? PeekSpliced(ref q4) : '\0';
                    if (n2 == '%' && n3 == ':') { kind = TokenKind.Paste; end = q4 + 1; }
                    else { kind = TokenKind.Hash; end = q2 + 1; }
                }
                else kind = TokenKind.Mod;
                break;
            default:
                // a stray character ('@', '`', a lone backslash, control characters)
                _pos = p + 1;
                t = new Token(TokenKind.Other, flags, _names.Intern(text.AsSpan(p, 1)), loc);
                return;
        }
        _pos = end;
        t = new Token(kind, flags, 0, loc);
    }

    private int Spell(int start, int end, bool spliced)
    {
        if (!spliced) return _names.Intern(_text.AsSpan(start, end - start));
        return _names.Intern(RemoveSplices(start, end));
    }

    private string RemoveSplices(int start, int end)
    {
        var sb = new StringBuilder(end - start);
        int p = start;
        while (p < end)
        {
            char c = _text[p];
            if (c == '\\')
            {
                int q = SpliceEnd(p);
                if (q != p) { p = q; continue; }
            }
            sb.Append(c);
            p++;
        }
        return sb.ToString();
    }

    private void LexNumber(int start, int p, TokenFlags flags, out Token t)
    {
        string text = _text;
        bool spliced = false;
        while (true)
        {
            if (p >= _end) break;
            char d = text[p];
            if (d == '\\')
            {
                int r = SkipSplices(p);
                if (r == p || r >= _end) break;
                char e = text[r];
                if (!(CharInfo.IsIdChar(e) || e == '.' || ((e == '+' || e == '-') && IsExponentChar(text[PrevNonSplice(p)])))) break;
                spliced = true;
                p = r;
                continue;
            }
            if (CharInfo.IsIdChar(d) || d == '.') { p++; continue; }
            if ((d == '+' || d == '-') && IsExponentChar(text[PrevNonSplice(p)])) { p++; continue; }
            if (d == '\'' && _opts.DigitSeparators && p + 1 < _end && CharInfo.IsIdChar(text[p + 1])) { p += 2; continue; }
            break;
        }
        _pos = p;
        t = new Token(TokenKind.Number, flags, Spell(start, p, spliced), _base + start);
    }

    private static bool IsExponentChar(char c) => c is 'e' or 'E' or 'p' or 'P';

    /// <summary>Index of the last character before p that is not part of a splice.</summary>
    private int PrevNonSplice(int p)
    {
        int q = p - 1;
        while (q > 0 && (_text[q] == '\n' || _text[q] == '\r'))
        {
            // skip back over "\\[blanks]newline"
            int r = q;
            if (_text[r] == '\n' && r > 0 && _text[r - 1] == '\r') r--;
            r--;
            while (r >= 0 && (_text[r] == ' ' || _text[r] == '\t')) r--;
            if (r >= 0 && _text[r] == '\\') q = r - 1;
            else break;
        }
        return Math.Max(q, 0);
    }

    private bool TryLexPrefixedLiteral(int p, TokenFlags flags, out Token t)
    {
        string text = _text;
        int q = p;
        TokenKind strKind, charKind;
        bool allowChar = true;
        char c = text[q];
        if (c == 'L') { strKind = TokenKind.WString; charKind = TokenKind.WCharConst; q++; }
        else if (c == 'U') { strKind = TokenKind.String32; charKind = TokenKind.Char32Const; q++; }
        else if (c == 'u')
        {
            q++;
            if (q < _end && text[q] == '8')
            {
                q++;
                strKind = TokenKind.Utf8String;
                charKind = TokenKind.Utf8CharConst;
                allowChar = _opts.Utf8CharLiterals;
            }
            else { strKind = TokenKind.String16; charKind = TokenKind.Char16Const; }
        }
        else { strKind = TokenKind.String; charKind = TokenKind.CharConst; allowChar = false; }

        bool raw = false;
        if (q < _end && text[q] == 'R' && _opts.RawStrings && (q != p || c == 'R'))
        {
            raw = true;
            q++;
        }
        else if (c == 'R')
        {
            t = default;
            return false;
        }
        if (q >= _end) { t = default; return false; }
        char d = text[q];
        if (raw)
        {
            if (d != '"') { t = default; return false; }
            return TryLexRawString(p, q + 1, strKind, flags, out t);
        }
        if (d == '"') { LexQuoted(p, q + 1, '"', strKind, flags, out t); return true; }
        if (d == '\'' && allowChar) { LexQuoted(p, q + 1, '\'', charKind, flags, out t); return true; }
        t = default;
        return false;
    }

    private bool TryLexRawString(int start, int p, TokenKind kind, TokenFlags flags, out Token t)
    {
        string text = _text;
        int delimStart = p;
        while (p < _end && p - delimStart <= 16)
        {
            char c = text[p];
            if (c == '(') break;
            if (c == ' ' || c == ')' || c == '\\' || c == '\t' || c == '\v' || c == '\f' || c == '\n' || c == '\r')
            {
                t = default;
                return false;
            }
            p++;
        }
        if (p >= _end || text[p] != '(') { t = default; return false; }
        var delim = text.AsSpan(delimStart, p - delimStart);
        p++;
        while (p < _end)
        {
            int close = text.AsSpan(p, _end - p).IndexOf(')');
            if (close < 0) break;
            p += close + 1;
            if (p + delim.Length < _end && text.AsSpan(p, delim.Length).SequenceEqual(delim) && text[p + delim.Length] == '"')
            {
                p += delim.Length + 1;
                _pos = p;
                t = new Token(kind, flags, _names.Intern(text.AsSpan(start, p - start)), _base + start);
                return true;
            }
        }
        Report(start, Severity.Error, "unterminated raw string");
        _pos = _end;
        t = new Token(kind, flags, _names.Intern(text.AsSpan(start, _end - start)), _base + start);
        return true;
    }

    private void LexQuoted(int start, int p, char terminator, TokenKind kind, TokenFlags flags, out Token t)
    {
        string text = _text;
        bool spliced = false;
        while (true)
        {
            if (p >= _end) break;
            char c = text[p];
            if (c == terminator)
            {
                p++;
                _pos = p;
                t = new Token(kind, flags, Spell(start, p, spliced), _base + start);
                return;
            }
            if (c == '\\')
            {
                int r = SpliceEnd(p);
                if (r != p) { spliced = true; p = r; continue; }
                p++;
                // the escaped character (possibly after a splice)
                if (p < _end && text[p] == '\\')
                {
                    int r2 = SkipSplices(p);
                    if (r2 != p) { spliced = true; p = r2; }
                }
                if (p < _end && text[p] != '\n' && text[p] != '\r') p++;
                continue;
            }
            if (c == '\n' || c == '\r') break;
            p++;
        }
        // Unterminated: like gcc, the rest of the line becomes one "other" token. gcc -E only
        // warns; the text can never be valid C, so it is an error here (a directive's free
        // text such as #error's is lexed quietly).
        Report(start, Severity.Error, $"missing terminating {terminator} character");
        _pos = p;
        t = new Token(TokenKind.Other, flags, Spell(start, p, spliced), _base + start);
    }

    private bool TryLexHeaderName(int p, TokenFlags flags, out Token t)
    {
        string text = _text;
        int q = p + 1;
        while (q < _end)
        {
            char c = text[q];
            if (c == '>')
            {
                _pos = q + 1;
                t = new Token(TokenKind.HeaderName, flags, _names.Intern(text.AsSpan(p, q + 1 - p)), _base + p);
                return true;
            }
            if (c == '\n' || c == '\r') break;
            q++;
        }
        t = default;
        return false;
    }

    /// <summary>
    /// Skips the lines of a group whose condition is false, up to the next line whose first
    /// token is '#' (or '%:'). Comments and quoted literals are honoured so that a '#' or a
    /// comment opener inside them is not mistaken. Returns false at end of file.
    /// </summary>
    public bool SkipToDirective(out int hashLoc)
    {
        string text = _text;
        int p = _pos;
        bool lineHasToken = !_atLineStart;
        while (p < _end)
        {
            char c = text[p];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\v') { p++; continue; }
            if (c == '\n' || c == '\r') { p = ConsumeNewline(p); lineHasToken = false; continue; }
            if (!lineHasToken)
            {
                if (c == '#' || (c == '%' && _opts.Digraphs && PeekAt(p + 1) == ':'))
                {
                    hashLoc = _base + p;
                    int q = p + 1;
                    if (c == '%') { PeekSpliced(ref q); q++; }
                    _pos = q;
                    _atLineStart = false;
                    return true;
                }
            }
            if (c == '\\')
            {
                int q = SpliceEnd(p);
                if (q != p) { p = q; continue; }
                lineHasToken = true;
                p++;
                continue;
            }
            if (c == '/')
            {
                int q = p + 1;
                char n = PeekSpliced(ref q);
                if (n == '*') { p = SkipBlockComment(p, q + 1); continue; }
                if (n == '/') { p = SkipLineComment(q + 1); continue; }
                lineHasToken = true;
                p++;
                continue;
            }
            if (c == '"' || c == '\'')
            {
                p = SkipQuotedQuietly(p + 1, c);
                lineHasToken = true;
                continue;
            }
            // ordinary text: jump to the next character that matters on this line
            lineHasToken = true;
            int skip = text.AsSpan(p + 1, _end - p - 1).IndexOfAny(SkipLineStops);
            p = skip < 0 ? _end : p + 1 + skip;
        }
        _pos = p;
        _atLineStart = true;
        hashLoc = _base + p;
        return false;
    }

    private char PeekAt(int p)
    {
        return PeekSpliced(ref p);
    }

    private int SkipQuotedQuietly(int p, char terminator)
    {
        string text = _text;
        while (p < _end)
        {
            char c = text[p];
            if (c == terminator) return p + 1;
            if (c == '\\')
            {
                int r = SpliceEnd(p);
                if (r != p) { p = r; continue; }
                p += 2;
                continue;
            }
            if (c == '\n' || c == '\r') return p;
            p++;
        }
        return _end;
    }

    /// <summary>The raw text from the current position to the end of the line (for #error's message etc.).</summary>
    /// <summary>End of the logical line of a directive starting at <paramref name="p"/>: continued lines and multi-line block comments belong to it.</summary>
    public int DirectiveLineEnd(int p)
    {
        bool lineComment = false; // a line comment runs to the end of the (possibly continued) line
        while (p < _end)
        {
            char c = _text[p];
            if (c == '/' && p + 1 < _end && _text[p + 1] == '*')
            {
                int close = _text.IndexOf("*/", p + 2, _end - p - 2, StringComparison.Ordinal);
                p = close < 0 ? _end : close + 2;
                continue;
            }
            if (c == '/' && p + 1 < _end && _text[p + 1] == '/') lineComment = true;
            if (lineComment && c is not ('\n' or '\r')) { p++; continue; }
            if (c is '"' or '\'')
            {
                int q = p + 1;
                while (q < _end && _text[q] != c && _text[q] != '\n') q += _text[q] == '\\' && q + 1 < _end ? 2 : 1;
                if (q < _end && _text[q] == c) { p = q + 1; continue; }
                p++;
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                if (IsSplicedNewline(p)) { p = ConsumeNewline(p); continue; }
                return p;
            }
            p++;
        }
        return _end;
    }

    /// <summary>The newline at <paramref name="p"/> follows a backslash (blanks between allowed, as gcc does): the line goes on.</summary>
    private bool IsSplicedNewline(int p)
    {
        int b = p - 1;
        while (b >= 0 && (_text[b] == ' ' || _text[b] == '\t')) b--;
        return b >= 0 && _text[b] == '\\';
    }

    public int LineEnd(int p)
    {
        while (p < _end)
        {
            char c = _text[p];
            if (c == '\n' || c == '\r')
            {
                if (IsSplicedNewline(p)) { p = ConsumeNewline(p); continue; }
                return p;
            }
            p++;
        }
        return _end;
    }
}
