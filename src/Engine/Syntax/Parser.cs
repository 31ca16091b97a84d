using System.Runtime.CompilerServices;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Syntax;

/// <summary>
/// Recursive-descent parser for C11 with the GNU extensions the kernel uses. Works on the
/// preprocessed token array by index; resolves typedef names while parsing (scoped); reports
/// gcc-like diagnostics and recovers at statement/declaration boundaries. Nesting is bounded
/// (<see cref="ParserOptions.MaxNestingDepth"/>), so no input can overflow the stack.
/// </summary>
public sealed partial class Parser
{
    private const byte StateUnknown = 0, StateOrdinary = 1, StateTypedef = 2;

    private readonly PreprocessedUnit _unit;
    private readonly Token[] _toks;
    private readonly int _count;
    private readonly NameTable _names;
    private readonly DiagnosticBag _diags;
    private readonly ParserOptions _opts;
    private readonly KeywordTable _keywords;
    private readonly Keyword[] _kw;
    private readonly byte[] _state;

    private int _pos;
    private int _prev = -1;
    private TokenKind _kind;
    private int _depth;
    private int _deepest;
    private readonly int _maxDepth;
    private int _errors;
    private int _warnings;
    private int _lastErrorPos = -1;
    private bool _stopped;

    private readonly List<PragmaDirective> _pragmas = new();

    // scratch stacks for building exact-size arrays
    private SyntaxNode[] _scratch = new SyntaxNode[1024];
    private int _scratchTop;
    private int[] _intScratch = new int[256];
    private int _intTop;

    // typedef-name scopes: an undo log of (name, previous state) per scope
    private int[] _undoName = new int[1024];
    private byte[] _undoPrev = new byte[1024];
    private int _undoTop;
    private int[] _scopeMarks = new int[64];
    private int _scopeDepth;

    private Parser(PreprocessedUnit unit, DiagnosticBag diags, ParserOptions opts)
    {
        _unit = unit;
        _toks = unit.Tokens;
        _count = unit.Count;
        _names = unit.Names;
        _diags = diags;
        _opts = opts;
        _maxDepth = opts.MaxNestingDepth;
        var builtinTypeIds = new int[opts.BuiltinTypeNames.Count];
        for (int i = 0; i < builtinTypeIds.Length; i++) builtinTypeIds[i] = _names.Intern(opts.BuiltinTypeNames[i]);
        _keywords = new KeywordTable(_names, opts.GnuKeywords);
        _kw = new Keyword[_names.Count];
        for (int i = 0; i < _kw.Length; i++) _kw[i] = _keywords[i];
        _state = new byte[_names.Count];
        foreach (var id in builtinTypeIds) _state[id] = StateTypedef;
    }

    /// <summary>Parses a preprocessed unit. Diagnostics go to <paramref name="diagnostics"/> (a new bag if null).</summary>
    public static ParseResult Parse(PreprocessedUnit unit, DiagnosticBag? diagnostics = null, ParserOptions? options = null)
    {
        var diags = diagnostics ?? new DiagnosticBag();
        var p = new Parser(unit, diags, options ?? ParserOptions.Default);
        TranslationUnit root;
        try
        {
            root = p.ParseTranslationUnit();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // a parser bug must not escape as an exception: report it at the current token
            diags.Add(unit.DiagnosticAt(p._pos, Severity.Error, "internal parser error: " + e.GetType().Name + ": " + e.Message));
            p._errors++;
            root = new TranslationUnit { FirstToken = 0, LastToken = unit.Count - 1 };
        }
        return new ParseResult(unit, root, diags, p._errors, p._warnings, p._deepest);
    }

    // ---------------------------------------------------------------- tokens

    /// <summary>Token kinds the grammar never sees: passed-through directives, and stray characters (reported, then dropped as gcc's lexer does).</summary>
    private static readonly bool[] Transparent = BuildTransparent();

    private static bool[] BuildTransparent()
    {
        var t = new bool[(int)TokenKind.EndOfFile + 1];
        t[(int)TokenKind.Directive] = t[(int)TokenKind.Other] = t[(int)TokenKind.Hash] = t[(int)TokenKind.Paste] = true;
        return t;
    }

    private void Start()
    {
        int p = SkipTransparent(0);
        _pos = p;
        _kind = _toks[p].Kind;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance()
    {
        if (_kind == TokenKind.EndOfFile) return;
        _prev = _pos;
        int p = _pos + 1;
        if (Transparent[(int)_toks[p].Kind]) p = SkipTransparent(p);
        _pos = p;
        _kind = _toks[p].Kind;
    }

    private int SkipTransparent(int p)
    {
        while (Transparent[(int)_toks[p].Kind])
        {
            if (_toks[p].Kind == TokenKind.Directive) RecordDirective(p);
            else Error(p, "stray '" + Spelling(p) + "' in program");
            p++;
        }
        return p;
    }

    private void RecordDirective(int p)
    {
        var text = _names[_toks[p].Text];
        if (text.StartsWith("pragma", StringComparison.Ordinal)) _pragmas.Add(new PragmaDirective(p, _toks[p].Text));
    }

    /// <summary>Index of the n-th token after the current one (directives skipped; stops at end of file).</summary>
    private int PeekIndex(int n)
    {
        int p = _pos;
        while (n-- > 0)
        {
            if (_toks[p].Kind == TokenKind.EndOfFile) return p;
            p++;
            while (Transparent[(int)_toks[p].Kind]) p++;
        }
        return p;
    }

    private TokenKind PeekKind(int n = 1) => _toks[PeekIndex(n)].Kind;

    private Keyword KeywordAt(int p) => _toks[p].Kind == TokenKind.Identifier ? _kw[_toks[p].Text] : Keyword.None;

    private Keyword CurrentKeyword => _kind == TokenKind.Identifier ? _kw[_toks[_pos].Text] : Keyword.None;

    /// <summary>The current token is an identifier that is not a keyword.</summary>
    private bool AtPlainIdentifier => _kind == TokenKind.Identifier && _kw[_toks[_pos].Text] == Keyword.None;

    private bool IsPlainIdentifierAt(int p) => _toks[p].Kind == TokenKind.Identifier && _kw[_toks[p].Text] == Keyword.None;

    private bool IsTypedefNameAt(int p) => _toks[p].Kind == TokenKind.Identifier && _state[_toks[p].Text] == StateTypedef && _kw[_toks[p].Text] == Keyword.None;

    private int CurrentText => _toks[_pos].Text;

    private bool Accept(TokenKind k)
    {
        if (_kind != k) return false;
        Advance();
        return true;
    }

    private bool Expect(TokenKind k)
    {
        if (_kind == k)
        {
            Advance();
            return true;
        }
        ErrorMissing("'" + TokenSpelling.PunctuatorText(k) + "'");
        return false;
    }

    // ---------------------------------------------------------------- scopes

    private void PushScope()
    {
        if (_scopeDepth == _scopeMarks.Length) Array.Resize(ref _scopeMarks, _scopeMarks.Length * 2);
        _scopeMarks[_scopeDepth++] = _undoTop;
    }

    private void PopScope()
    {
        int mark = _scopeMarks[--_scopeDepth];
        while (_undoTop > mark)
        {
            _undoTop--;
            _state[_undoName[_undoTop]] = _undoPrev[_undoTop];
        }
    }

    private void Declare(int name, bool isTypedef)
    {
        if (name < 0) return;
        byte v = isTypedef ? StateTypedef : StateOrdinary;
        byte prev = _state[name];
        if (prev == v) return;
        if (_scopeDepth > 0)
        {
            if (_undoTop == _undoName.Length)
            {
                Array.Resize(ref _undoName, _undoName.Length * 2);
                Array.Resize(ref _undoPrev, _undoPrev.Length * 2);
            }
            _undoName[_undoTop] = name;
            _undoPrev[_undoTop] = prev;
            _undoTop++;
        }
        _state[name] = v;
    }

    // ---------------------------------------------------------------- nesting

    /// <summary>Enters one nesting level; beyond the bound reports "nesting too deep" and stops parsing (the current token becomes end of file, so every caller unwinds at once).</summary>
    private void Nest()
    {
        if (++_depth > _deepest) _deepest = _depth;
        if (_depth > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (!_stopped)
            {
                Error(_pos, "nesting too deep");
                Stop();
            }
        }
    }

    private void Unnest() => _depth--;

    private void Stop()
    {
        _stopped = true;
        _pos = _count;
        _kind = TokenKind.EndOfFile;
    }

    // ---------------------------------------------------------------- scratch

    private void Push(SyntaxNode n)
    {
        if (_scratchTop == _scratch.Length) Array.Resize(ref _scratch, _scratch.Length * 2);
        _scratch[_scratchTop++] = n;
    }

    private T[] PopArray<T>(int mark) where T : SyntaxNode
    {
        int n = _scratchTop - mark;
        if (n == 0) return Array.Empty<T>();
        var a = new T[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = (T)_scratch[mark + i];
            _scratch[mark + i] = null!;
        }
        _scratchTop = mark;
        return a;
    }

    private void PushInt(int v)
    {
        if (_intTop == _intScratch.Length) Array.Resize(ref _intScratch, _intScratch.Length * 2);
        _intScratch[_intTop++] = v;
    }

    private int[] PopInts(int mark)
    {
        int n = _intTop - mark;
        if (n == 0) return Array.Empty<int>();
        var a = new int[n];
        Array.Copy(_intScratch, mark, a, 0, n);
        _intTop = mark;
        return a;
    }

    // ---------------------------------------------------------------- diagnostics

    private void Error(int tok, string message)
    {
        if (_stopped || tok <= _lastErrorPos) return;
        _lastErrorPos = tok;
        _diags.Add(_unit.DiagnosticAt(tok, Severity.Error, message));
        _errors++;
        if (_errors >= _opts.MaxErrors)
        {
            _diags.Add(_unit.DiagnosticAt(tok, Severity.Note, $"too many errors ({_errors}); parsing stopped"));
            Stop();
        }
    }

    private void Warning(int tok, string message)
    {
        if (_stopped) return;
        _diags.Add(_unit.DiagnosticAt(tok, Severity.Warning, message));
        _warnings++;
    }

    /// <summary>"expected X before Y" at the current token, gcc style.</summary>
    private void ErrorExpected(string what) => Error(_pos, "expected " + what + Before(_pos));

    /// <summary>
    /// "expected X before Y" for one missing token (gcc's c_parser_require): gcc places it right
    /// after the previous token when that token was spelled in a file (not produced by a macro),
    /// where the token should be inserted.
    /// </summary>
    private void ErrorMissing(string what)
    {
        if (_stopped || _pos <= _lastErrorPos) return;
        string message = "expected " + what + Before(_pos);
        if (_prev >= 0 && _toks[_prev].Expansion == 0 && _unit.LocationOf(_toks[_prev]) is { } at && at.Line > 0)
        {
            _lastErrorPos = _pos;
            _diags.Add(new Diagnostic(Severity.Error, message, at with { Column = at.Column + Spelling(_prev).Length }));
            _errors++;
            if (_errors >= _opts.MaxErrors)
            {
                _diags.Add(_unit.DiagnosticAt(_pos, Severity.Note, $"too many errors ({_errors}); parsing stopped"));
                Stop();
            }
            return;
        }
        Error(_pos, message);
    }

    /// <summary>gcc's c_parse_error suffix for a token: " before 'x'", " before ')' token", " at end of input"…</summary>
    private string Before(int p)
    {
        ref readonly var t = ref _toks[p];
        switch (t.Kind)
        {
            case TokenKind.EndOfFile:
                return " at end of input";
            case TokenKind.Identifier:
                return " before '" + _names[t.Text] + "'";
            case TokenKind.Number:
                return " before numeric constant";
            case TokenKind.String:
            case TokenKind.WString:
            case TokenKind.String16:
            case TokenKind.String32:
            case TokenKind.Utf8String:
                return " before string constant";
            case TokenKind.CharConst:
            case TokenKind.WCharConst:
            case TokenKind.Char16Const:
            case TokenKind.Char32Const:
            case TokenKind.Utf8CharConst:
                return " before " + _names[t.Text];
            default:
                return " before '" + TokenSpelling.Spell(t, _names) + "' token";
        }
    }

    private string Spelling(int p) => TokenSpelling.Spell(_toks[p], _names);

    /// <summary>
    /// Skips to the end of the current statement or declaration: past a ';' at brace depth 0,
    /// past the '}' closing a block entered while skipping, or up to (not past) a '}' that closes
    /// the enclosing block.
    /// </summary>
    private void SkipToStatementEnd()
    {
        int depth = 0;
        while (true)
        {
            switch (_kind)
            {
                case TokenKind.EndOfFile:
                    return;
                case TokenKind.Semicolon:
                    if (depth == 0)
                    {
                        Advance();
                        return;
                    }
                    break;
                case TokenKind.OpenBrace:
                    depth++;
                    break;
                case TokenKind.CloseBrace:
                    if (depth == 0) return;
                    if (--depth == 0)
                    {
                        Advance();
                        return;
                    }
                    break;
            }
            Advance();
        }
    }

    /// <summary>Consumes the ';' ending a statement or declaration, or reports it missing and skips to the statement's end.</summary>
    private void ExpectSemicolon()
    {
        if (_kind == TokenKind.Semicolon)
        {
            Advance();
            return;
        }
        ErrorMissing("';'");
        SkipToStatementEnd();
    }

    // ---------------------------------------------------------------- translation unit

    private TranslationUnit ParseTranslationUnit()
    {
        Start();
        var tu = new TranslationUnit { FirstToken = _pos };
        int mark = _scratchTop;
        while (_kind != TokenKind.EndOfFile)
        {
            int start = _pos;
            var d = ParseExternalDeclaration();
            if (d is not null) Push(d);
            if (_pos == start && _kind != TokenKind.EndOfFile)
            {
                // always make progress
                Error(_pos, "expected identifier or '('" + Before(_pos));
                Advance();
            }
        }
        tu.Declarations = PopArray<ExternalDeclaration>(mark);
        tu.LastToken = _count > 0 ? _count - 1 : -1;
        // pragmas after a stop (or at the very end) are still recorded
        for (int p = _pos; p < _count; p++)
            if (_toks[p].Kind == TokenKind.Directive) RecordDirective(p);
        tu.Pragmas = _pragmas.ToArray();
        return tu;
    }

    private ExternalDeclaration? ParseExternalDeclaration()
    {
        switch (_kind)
        {
            case TokenKind.Semicolon:
                // stray ';' at file scope (gcc -pedantic: "ISO C does not allow extra ';' outside of a function")
                Advance();
                return null;
            case TokenKind.CloseBrace:
                ErrorExpected("identifier or '('");
                Advance();
                return null;
            case TokenKind.OpenSquare when AtStandardAttribute:
            {
                int start = _pos;
                var attrs = ParseAttributeSpecifiers();
                return ParseDeclarationOrFunctionDefinition(DeclContext.File, start, false, attrs);
            }
            case TokenKind.Identifier:
                switch (CurrentKeyword)
                {
                    case Keyword.Asm:
                        return ParseAsmDefinition();
                    case Keyword.StaticAssert:
                        return ParseStaticAssert();
                    case Keyword.Extension:
                    {
                        int start = _pos;
                        while (CurrentKeyword == Keyword.Extension) Advance();
                        return ParseDeclarationOrFunctionDefinition(DeclContext.File, start, true, null);
                    }
                }
                break;
        }
        return ParseDeclarationOrFunctionDefinition(DeclContext.File, _pos, false, null);
    }
}
