using System.Buffers;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Source;

namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// A GNU-compatible C preprocessor that records provenance. The token flow follows gcc's
/// cpplib closely (contexts, padding tokens, disabled macros, painted identifiers) because
/// the output must match gcc's token for token, and gcc's spacing where whitespace matters.
/// This file holds the state and the token flow; macro expansion, directives, special
/// macros and includes are in the other parts of the class.
/// </summary>
public sealed partial class Preprocessor
{
    /// <summary>Text of the EOF token that terminates a macro argument (gcc's pfile->eof).</summary>
    private const int ArgEofMarker = -1;

    private readonly PreprocessorOptions _opts;
    private readonly SourceManager _sm;
    private readonly NameTable _names;
    private readonly DiagnosticBag _diags;
    private readonly PreprocessingRecord _rec = new();

    private MacroDefinition?[] _macros = new MacroDefinition?[16384];

    private readonly List<FileState> _files = new();
    private FileState? _file;
    private Lexer? _lexer;
    private readonly Queue<Func<bool>> _pendingRoots = new();

    private Context[] _ctx = new Context[64];
    private int _depth;

    private Token[] _lookahead = new Token[4];
    private int _lookaheadCount;

    // gcc's reader state
    private int _parsingArgs;
    private int _preventExpansion;
    private bool _inDirective;
    private bool _skipping;
    private bool _aboutToExpand;
    private int _invocationLoc;
    private MacroDefinition? _topMostMacro;
    private int _argExpansionOwner;
    private int _counter;
    private bool _fatal;

    private Token[] _out = new Token[1 << 16];
    private int _outCount;
    private ITokenObserver? _observer;

    private readonly int _idDefined;
    private readonly int _idVaArgs;
    private readonly int _idVaOpt;
    private readonly int _idHasInclude;
    private readonly int _idHasIncludeNext;
    private readonly int _idPragmaOp;

    public Preprocessor(PreprocessorOptions opts, SourceManager? sources = null, NameTable? names = null, DiagnosticBag? diags = null)
    {
        _opts = opts;
        _sm = sources ?? new SourceManager();
        _names = names ?? new NameTable();
        _diags = diags ?? new DiagnosticBag();
        _idDefined = _names.Intern("defined");
        _idVaArgs = _names.Intern("__VA_ARGS__");
        _idVaOpt = _names.Intern("__VA_OPT__");
        _idHasInclude = _names.Intern("__has_include");
        _idHasIncludeNext = _names.Intern("__has_include_next");
        _idPragmaOp = _names.Intern("_Pragma");
        for (int i = 0; i < _ctx.Length; i++) _ctx[i] = new Context();
        DefineSpecialMacros();
    }

    public NameTable Names => _names;
    public SourceManager Sources => _sm;
    public DiagnosticBag Diagnostics => _diags;
    public PreprocessingRecord Record => _rec;

    /// <summary>Preprocesses the whole unit. The observer (e.g. the gcc -E printer) sees every token.</summary>
    public PreprocessedUnit Run(ITokenObserver? observer = null)
    {
        _observer = observer;
        if (Begin() && !_fatal)
        {
            // gcc's output spacing decision for each token (see PreprocessedOutputWriter)
            bool avoidPaste = false, haveSource = false, sourceWhite = false, havePrev = false;
            Token prev = default;
            while (true)
            {
                GetToken(out var t);
                if (t.Kind == TokenKind.Padding)
                {
                    observer?.OnToken(t);
                    avoidPaste = true;
                    bool isNull = (t.Flags & TokenFlags.PaddingSourceNull) != 0;
                    if (!haveSource || (!sourceWhite && isNull))
                    {
                        haveSource = !isNull;
                        sourceWhite = (t.Flags & TokenFlags.PaddingSourceWhite) != 0;
                    }
                    continue;
                }
                if (t.Kind == TokenKind.EndOfFile) break;
                bool space;
                if ((t.Flags & TokenFlags.StartOfLine) != 0 && t.Expansion == 0) space = true;
                else if (avoidPaste)
                    space = (haveSource ? sourceWhite : (t.Flags & TokenFlags.PrevWhite) != 0)
                            || (havePrev && TokenSpelling.AvoidPaste(prev, t, _names));
                else space = (t.Flags & TokenFlags.PrevWhite) != 0;
                if (space) t.Flags |= TokenFlags.SpaceBefore;
                avoidPaste = false;
                haveSource = false;
                prev = t;
                havePrev = true;
                if (_outCount == _out.Length) Array.Resize(ref _out, _out.Length * 2);
                _out[_outCount] = t;
                if (t.Expansion != 0)
                {
                    ref var inv = ref _rec.Invocation(t.Expansion);
                    _rec.Invocation(inv.TopLevel).OutputEnd = _outCount + 1;
                }
                _outCount++;
                observer?.OnToken(t);
                if (_fatal) break;
            }
        }
        if (_outCount == _out.Length) Array.Resize(ref _out, _out.Length + 1);
        _out[_outCount] = new Token(TokenKind.EndOfFile, TokenFlags.StartOfLine, 0, 0);
        _observer = null;
        return new PreprocessedUnit(_out, _outCount, _names, _sm, _rec, _diags, _mainRegionId);
    }

    // ---------------------------------------------------------------- diagnostics

    private void Error(int loc, string message) => Report(loc, Severity.Error, message);
    private void Warning(int loc, string message) => Report(loc, Severity.Warning, message);

    private void Report(int loc, Severity sev, string message)
    {
        string? context = null;
        if (_sm.GetRegion(loc) is { } r && r.IncludedFrom > 0) context = _sm.IncludeChain(loc);
        _diags.Add(new Diagnostic(sev, message, _sm.ToDiagnosticLocation(loc), context));
    }

    private void LexerReport(int loc, Severity sev, string message)
    {
        if (_skipping) return;
        Report(loc, sev, message);
    }

    /// <summary>A stage-stopping error (missing include, #include nesting): no more tokens are produced.</summary>
    private void Fatal(int loc, string message)
    {
        Error(loc, message);
        _fatal = true;
    }

    // ---------------------------------------------------------------- contexts

    /// <summary>A token list being rescanned: a macro's body, an expansion, an argument or a single token.</summary>
    private sealed class Context
    {
        public Token[] Tokens = Array.Empty<Token>();
        public int Pos;
        public int End;
        /// <summary>The macro whose expansion this is; re-enabled when the context is popped.</summary>
        public MacroDefinition? Macro;
        /// <summary>When non-zero, stamped as <see cref="Token.Expansion"/> on every token read (object-like bodies).</summary>
        public int Stamp;
        /// <summary>Tokens were rented from the pool and go back when the context is popped.</summary>
        public bool Pooled;
        /// <summary>A one-token context (<see cref="Single"/> holds it).</summary>
        public Token[] Single = new Token[1];
    }

    private bool InMacroExpansion => _aboutToExpand || (_depth > 0 && _ctx[_depth - 1].Macro is not null);

    private void PushContext(MacroDefinition? macro, Token[] tokens, int start, int end, int stamp, bool pooled)
    {
        if (_depth == _ctx.Length)
        {
            if (_depth >= _opts.MaxContextDepth)
            {
                Fatal(_invocationLoc, "macro expansion nested too deeply");
                if (pooled) ArrayPool<Token>.Shared.Return(tokens);
                return;
            }
            Array.Resize(ref _ctx, _ctx.Length * 2);
            for (int i = _depth; i < _ctx.Length; i++) _ctx[i] = new Context();
        }
        var c = _ctx[_depth++];
        c.Tokens = tokens;
        c.Pos = start;
        c.End = end;
        c.Macro = macro;
        c.Stamp = stamp;
        c.Pooled = pooled;
    }

    private void PushSingle(MacroDefinition? macro, in Token t)
    {
        if (_depth == _ctx.Length)
        {
            PushContext(macro, new[] { t }, 0, 1, 0, false);
            return;
        }
        var c = _ctx[_depth];
        c.Single[0] = t;
        PushContext(macro, c.Single, 0, 1, 0, false);
    }

    private void PopContext()
    {
        var c = _ctx[--_depth];
        var m = c.Macro;
        // gcc: the macro is re-enabled unless the enclosing context is the same macro's
        if (m is not null && (_depth == 0 || _ctx[_depth - 1].Macro != m)) m.Disabled = false;
        if (c.Pooled) ArrayPool<Token>.Shared.Return(c.Tokens);
        c.Tokens = Array.Empty<Token>();
        c.Macro = null;
    }

    private void PopAllContexts()
    {
        while (_depth > 0) PopContext();
    }

    /// <summary>gcc's _cpp_backup_tokens(pfile, 1).</summary>
    private void BackupToken(in Token t)
    {
        if (_depth == 0)
        {
            if (_lookaheadCount == _lookahead.Length) Array.Resize(ref _lookahead, _lookahead.Length * 2);
            _lookahead[_lookaheadCount++] = t;
        }
        else
        {
            _ctx[_depth - 1].Pos--;
        }
    }

    private static Token Padding(in Token source) =>
        new(TokenKind.Padding,
            (source.Flags & TokenFlags.PrevWhite) != 0 ? TokenFlags.PaddingSourceWhite : TokenFlags.None,
            0, source.Loc, source.Expansion);

    private static readonly Token AvoidPaste = new(TokenKind.Padding, TokenFlags.PaddingSourceNull, 0, 0);

    // ---------------------------------------------------------------- token flow

    /// <summary>gcc's cpp_get_token_1: the next token after macro expansion (padding included).</summary>
    private void GetToken(out Token result)
    {
        while (true)
        {
            if (_depth == 0)
            {
                ReadFileToken(out result);
            }
            else
            {
                var c = _ctx[_depth - 1];
                if (c.Pos < c.End)
                {
                    result = c.Tokens[c.Pos++];
                    if (c.Stamp != 0) result.Expansion = c.Stamp;
                    if ((result.Flags & TokenFlags.PasteLeft) != 0)
                    {
                        PasteAll(result);
                        if (_inDirective) continue;
                        result = Padding(result);
                        return;
                    }
                }
                else
                {
                    PopContext();
                    if (_inDirective) continue;
                    result = AvoidPaste;
                    return;
                }
            }

            if (result.Kind != TokenKind.Identifier || (result.Flags & TokenFlags.NoExpand) != 0) return;
            if (result.Text >= _macros.Length) return;
            var macro = _macros[result.Text];
            if (macro is null) return;
            if (macro.Disabled)
            {
                result.Flags |= TokenFlags.NoExpand;
                return;
            }
            if (!InMacroExpansion)
            {
                _invocationLoc = result.Loc;
                _topMostMacro = macro;
            }
            if (_preventExpansion > 0) return;
            int ret = EnterMacroContext(macro, ref result);
            if (ret != 0)
            {
                if (_inDirective || ret == 2) continue;
                result = Padding(result);
                return;
            }
            return;
        }
    }

    /// <summary>The next token that is not padding.</summary>
    private void GetTokenNoPadding(out Token t)
    {
        do GetToken(out t); while (t.Kind == TokenKind.Padding);
    }

    /// <summary>
    /// gcc's _cpp_lex_token: a token from the current file, handling directives at the start
    /// of a line, the line-change notification, and the end of files.
    /// </summary>
    private void ReadFileToken(out Token t)
    {
        while (true)
        {
            if (_lookaheadCount > 0)
            {
                t = _lookahead[--_lookaheadCount];
            }
            else
            {
                var lexer = _lexer;
                if (lexer is null)
                {
                    t = new Token(TokenKind.EndOfFile, TokenFlags.StartOfLine, 0, 0);
                    return;
                }
                if (_skipping && !_inDirective)
                {
                    if (!SkipToNextDirective()) { continue; }
                    continue;
                }
                lexer.Lex(out t);
            }

            if (t.Kind == TokenKind.EndOfFile && !_inDirective && _parsingArgs == 0)
            {
                if (EndOfFile()) continue;
                return;
            }

            if ((t.Flags & TokenFlags.StartOfLine) != 0 && !_inDirective)
            {
                if (t.Kind == TokenKind.Hash && _parsingArgs != 1)
                {
                    if (HandleDirective(t, out var directiveResult))
                    {
                        if (directiveResult.Kind == TokenKind.Padding) continue;
                        t = directiveResult;
                    }
                    else
                    {
                        continue;
                    }
                }
                if (t.Kind == TokenKind.Directive) return;
                if (!_skipping && t.Kind != TokenKind.EndOfFile && _parsingArgs == 0)
                    _observer?.OnLineChange(t);
            }
            if (!_inDirective)
            {
                _miValid = false;
                if (t.Kind == TokenKind.Identifier && _poisoned is not null) CheckPoisoned(t);
            }
            return;
        }
    }

    /// <summary>In a skipped group: moves to the next directive and processes it.</summary>
    private bool SkipToNextDirective()
    {
        var lexer = _lexer!;
        if (!lexer.SkipToDirective(out int hashLoc))
        {
            // end of file inside a skipped group: reported by EndOfFile
            _skipping = false;
            return false;
        }
        var hash = new Token(TokenKind.Hash, TokenFlags.StartOfLine, 0, hashLoc);
        HandleDirective(hash, out _);
        return true;
    }

    /// <summary>
    /// The end of the current file: checks its conditionals, returns to the includer or starts
    /// the next root file. Returns true when reading goes on.
    /// </summary>
    private bool EndOfFile()
    {
        var f = _file;
        if (f is null) return false;
        if (f.Conds.Count > 0)
        {
            foreach (var cond in f.Conds)
                Error(cond.Group.Branches[0].DirectiveLoc, $"unterminated #{DirectiveName(cond.Group.Branches[0].Kind)}");
            f.Conds.Clear();
        }
        _skipping = false;
        LeaveFile(f);
        if (_file is not null) return true;
        while (_pendingRoots.Count > 0)
        {
            if (_fatal) return false;
            if (_pendingRoots.Dequeue()()) return true;
        }
        return false;
    }

    private static string DirectiveName(ConditionalDirectiveKind k) => k switch
    {
        ConditionalDirectiveKind.If => "if",
        ConditionalDirectiveKind.Ifdef => "ifdef",
        ConditionalDirectiveKind.Ifndef => "ifndef",
        ConditionalDirectiveKind.Elif => "elif",
        ConditionalDirectiveKind.Elifdef => "elifdef",
        ConditionalDirectiveKind.Elifndef => "elifndef",
        _ => "else",
    };

    // ---------------------------------------------------------------- macro table

    private MacroDefinition? LookupMacro(int nameId) => nameId < _macros.Length ? _macros[nameId] : null;

    private void SetMacro(int nameId, MacroDefinition? def)
    {
        if (nameId >= _macros.Length)
        {
            int n = _macros.Length;
            while (n <= nameId) n *= 2;
            Array.Resize(ref _macros, n);
        }
        _macros[nameId] = def;
    }

    /// <summary>Is a name a macro now (for #ifdef and defined).</summary>
    public bool IsDefined(string name)
    {
        int id = _names.Find(name);
        return id >= 0 && LookupMacro(id) is not null;
    }

    public MacroDefinition? CurrentDefinition(string name)
    {
        int id = _names.Find(name);
        return id >= 0 ? LookupMacro(id) : null;
    }
}
