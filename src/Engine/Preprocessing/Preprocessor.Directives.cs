using System.Text;
using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Preprocessing;

// Directives: dispatch, #define/#undef, conditionals, #line, #error/#warning, #pragma, #ident.
public sealed partial class Preprocessor
{
    private enum DirectiveKind
    {
        Define, Undef, Include, IncludeNext, Import, If, Ifdef, Ifndef, Elif, Elifdef, Elifndef, Else, Endif,
        Line, Error, Warning, Pragma, Ident, Sccs, Assert, Unassert,
    }

    private Dictionary<int, DirectiveKind>? _directiveNames;
    private bool _directiveWantsPadding;

    /// <summary>State of one open conditional group of the current file.</summary>
    private sealed class CondState
    {
        public required ConditionalGroup Group;
        public bool WasSkipping;
        public bool SkipElses;
        public bool SawElse;
        /// <summary>Controlling macro candidate of an include guard (gcc's mi_cmacro).</summary>
        public int GuardMacro = -1;
    }

    // gcc's multiple-include optimization state
    private bool _miValid;
    private int _miCmacro = -1;
    /// <summary>The group whose #endif set <see cref="_miCmacro"/>: the include guard if the file turns out guarded.</summary>
    private ConditionalGroup? _miGroup;
    private int _miIndCmacro = -1;

    private Dictionary<int, DirectiveKind> DirectiveNames => _directiveNames ??= new()
    {
        [_names.Intern("define")] = DirectiveKind.Define,
        [_names.Intern("undef")] = DirectiveKind.Undef,
        [_names.Intern("include")] = DirectiveKind.Include,
        [_names.Intern("include_next")] = DirectiveKind.IncludeNext,
        [_names.Intern("import")] = DirectiveKind.Import,
        [_names.Intern("if")] = DirectiveKind.If,
        [_names.Intern("ifdef")] = DirectiveKind.Ifdef,
        [_names.Intern("ifndef")] = DirectiveKind.Ifndef,
        [_names.Intern("elif")] = DirectiveKind.Elif,
        [_names.Intern("elifdef")] = DirectiveKind.Elifdef,
        [_names.Intern("elifndef")] = DirectiveKind.Elifndef,
        [_names.Intern("else")] = DirectiveKind.Else,
        [_names.Intern("endif")] = DirectiveKind.Endif,
        [_names.Intern("line")] = DirectiveKind.Line,
        [_names.Intern("error")] = DirectiveKind.Error,
        [_names.Intern("warning")] = DirectiveKind.Warning,
        [_names.Intern("pragma")] = DirectiveKind.Pragma,
        [_names.Intern("ident")] = DirectiveKind.Ident,
        [_names.Intern("sccs")] = DirectiveKind.Sccs,
        [_names.Intern("assert")] = DirectiveKind.Assert,
        [_names.Intern("unassert")] = DirectiveKind.Unassert,
    };

    private static bool IsConditional(DirectiveKind k) => k is DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef
        or DirectiveKind.Elif or DirectiveKind.Elifdef or DirectiveKind.Elifndef or DirectiveKind.Else or DirectiveKind.Endif;

    /// <summary>
    /// gcc's _cpp_handle_directive. Returns true when the directive produced a token for the
    /// stream (a passed-through #pragma), false otherwise.
    /// </summary>
    private bool HandleDirective(in Token hash, out Token result)
    {
        result = default;
        var lexer = _lexer!;
        int savedParsing = _parsingArgs;
        int savedPrevent = _preventExpansion;
        if (savedParsing != 0)
        {
            _parsingArgs = 0;
            _preventExpansion = 0;
            lexer.ParsingArgs = false;
        }
        _inDirective = true;
        lexer.BeginDirective();
        bool quiet = lexer.Quiet;
        if (_skipping) lexer.Quiet = true;
        int baseDepth = _depth;
        bool produced = false;
        try
        {
            lexer.Lex(out var name);
            if (name.Kind == TokenKind.Identifier && DirectiveNames.TryGetValue(name.Text, out var kind))
            {
                if (_skipping && !IsConditional(kind)) return false;
                if (!_skipping && kind is not (DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef))
                    _miValid = false;
                if (savedParsing != 0 && kind is DirectiveKind.Include or DirectiveKind.IncludeNext or DirectiveKind.Import)
                {
                    Error(hash.Loc, $"#{_names[name.Text]} directive inside the arguments of a macro invocation");
                    return false;
                }
                lexer.Quiet = quiet;
                produced = RunDirective(kind, hash, name, out result);
            }
            else if (name.Kind == TokenKind.EndOfDirective)
            {
                // the null directive
            }
            else if (_skipping)
            {
                // anything goes in skipped groups
            }
            else if (name.Kind == TokenKind.Number)
            {
                _miValid = false;
                DoLineMarker(hash, name);
            }
            else
            {
                _miValid = false;
                Error(name.Loc, $"invalid preprocessing directive #{TokenSpelling.Spell(name, _names)}");
            }
        }
        finally
        {
            while (_depth > baseDepth) PopContext();
            if (_lexer == lexer) lexer.EndDirective();
            lexer.Quiet = quiet;
            _inDirective = false;
            _directiveWantsPadding = false;
            if (savedParsing != 0)
            {
                _parsingArgs = savedParsing;
                _preventExpansion = savedPrevent;
                if (_lexer is not null) _lexer.ParsingArgs = savedParsing == 2;
            }
        }
        return produced;
    }

    private bool RunDirective(DirectiveKind kind, in Token hash, in Token name, out Token result)
    {
        result = default;
        _directiveHashLoc = hash.Loc;
        switch (kind)
        {
            case DirectiveKind.Define: DoDefine(hash); break;
            case DirectiveKind.Undef: DoUndef(hash); break;
            case DirectiveKind.Include: DoInclude(hash, false, false); break;
            case DirectiveKind.IncludeNext: DoInclude(hash, true, false); break;
            case DirectiveKind.Import: DoInclude(hash, false, true); break;
            case DirectiveKind.If: DoIf(hash); break;
            case DirectiveKind.Ifdef: DoIfdef(hash, false); break;
            case DirectiveKind.Ifndef: DoIfdef(hash, true); break;
            case DirectiveKind.Elif: DoElif(hash, ConditionalDirectiveKind.Elif); break;
            case DirectiveKind.Elifdef: DoElif(hash, ConditionalDirectiveKind.Elifdef); break;
            case DirectiveKind.Elifndef: DoElif(hash, ConditionalDirectiveKind.Elifndef); break;
            case DirectiveKind.Else: DoElse(hash); break;
            case DirectiveKind.Endif: DoEndif(hash); break;
            case DirectiveKind.Line: DoLine(hash); break;
            case DirectiveKind.Error: DoDiagnostic(hash, Severity.Error, "error"); break;
            case DirectiveKind.Warning: DoDiagnostic(hash, Severity.Warning, "warning"); break;
            case DirectiveKind.Pragma: return DoPragma(hash, out result);
            case DirectiveKind.Ident:
            case DirectiveKind.Sccs: return DoIdent(hash, name, out result);
            case DirectiveKind.Assert:
            case DirectiveKind.Unassert:
                Warning(hash.Loc, $"#{_names[name.Text]} is a deprecated GCC extension and is ignored");
                break;
        }
        return false;
    }

    /// <summary>A token straight from the file, no macro expansion (directive operands).</summary>
    private void LexDirect(out Token t) => _lexer!.Lex(out t);

    private void CheckEol(string directive, bool pedantic = true)
    {
        LexDirect(out var t);
        if (t.Kind != TokenKind.EndOfDirective)
            Warning(t.Loc, $"extra tokens at end of #{directive} directive");
    }

    /// <summary>Location of the '#' of the directive being run.</summary>
    private int _directiveHashLoc;

    /// <summary>
    /// Just past the directive's logical line (before its newline): from the '#', across
    /// backslash-newlines and block comments. Not from the lexer's position, which may already
    /// be past the newline once the end of the directive was read.
    /// </summary>
    private int DirectiveEndLoc()
    {
        var lexer = _lexer!;
        return lexer.Base + lexer.DirectiveLineEnd(_directiveHashLoc - lexer.Base);
    }

    // ---------------------------------------------------------------- #define / #undef

    /// <summary>gcc's lex_macro_node: the macro name operand of #define, #undef, #ifdef, #ifndef.</summary>
    private bool LexMacroName(string directive, bool isDefOrUndef, out Token name)
    {
        LexDirect(out name);
        if (name.Kind == TokenKind.Identifier)
        {
            if (isDefOrUndef && name.Text == _idDefined)
            {
                Error(name.Loc, "\"defined\" cannot be used as a macro name");
                return false;
            }
            if (isDefOrUndef && (name.Text == _idHasInclude || name.Text == _idHasIncludeNext))
            {
                Error(name.Loc, $"\"{_names[name.Text]}\" cannot be used as a macro name");
                return false;
            }
            return true;
        }
        if (name.Kind == TokenKind.EndOfDirective)
            Error(name.Loc, $"no macro name given in #{directive} directive");
        else
            Error(name.Loc, "macro names must be identifiers");
        return false;
    }

    private void DoDefine(in Token hash)
    {
        if (!LexMacroName("define", true, out var name)) return;
        var def = ParseDefinition(hash.Loc, name, _bufferOrigin);
        if (def is null) return;
        DefineMacro(def, hash.Loc, DirectiveEndLoc());
    }

    private void DefineMacro(MacroDefinition def, int directiveLoc, int endLoc)
    {
        var old = LookupMacro(def.NameId);
        if (old is not null && !old.IsSpecial && !old.IsSameDefinitionAs(def))
        {
            Warning(def.NameLoc != 0 ? def.NameLoc : directiveLoc, $"\"{def.Name}\" redefined");
        }
        else if (old is not null && old.IsSpecial)
        {
            Warning(def.NameLoc != 0 ? def.NameLoc : directiveLoc, $"\"{def.Name}\" redefined");
        }
        SetMacro(def.NameId, def);
        _rec.MacroEvents.Add(new MacroEvent(MacroEventKind.Define, def.NameId, def.Id, directiveLoc, endLoc, _outCount, _rec.NextSequence()));
    }

    /// <summary>gcc's create_iso_definition, reading the rest of the directive line.</summary>
    private MacroDefinition? ParseDefinition(int directiveLoc, in Token name, MacroOrigin origin)
    {
        var body = new List<Token>(16);
        List<int>? parameters = null;
        bool variadic = false;
        bool funLike = false;
        bool hasVaOpt = false;

        LexDirect(out var first);
        bool haveFirst = true;
        if ((first.Flags & TokenFlags.PrevWhite) == 0 && first.Kind == TokenKind.OpenParen)
        {
            funLike = true;
            parameters = new List<int>();
            if (!ParseParameters(parameters, ref variadic)) return null;
            haveFirst = false;
        }
        else if ((first.Flags & TokenFlags.PrevWhite) == 0 && first.Kind != TokenKind.EndOfDirective)
        {
            Warning(first.Loc, "ISO C99 requires whitespace after the macro name");
        }

        bool followingPaste = false;
        bool vaArgsOk = variadic && parameters is not null && parameters.Count > 0 && parameters[^1] == _idVaArgs;
        while (true)
        {
            Token t;
            if (haveFirst) { t = first; haveFirst = false; }
            else LexDirect(out t);

            if (t.Kind == TokenKind.Identifier)
            {
                if (funLike)
                {
                    int pi = parameters!.IndexOf(t.Text);
                    if (pi >= 0)
                    {
                        t.Kind = TokenKind.MacroArg;
                        t.Text = pi;
                    }
                }
                if (t.Kind == TokenKind.Identifier)
                {
                    if (t.Text == _idVaArgs && !vaArgsOk)
                        Warning(t.Loc, "__VA_ARGS__ can only appear in the expansion of a C99 variadic macro");
                    else if (t.Text == _idVaOpt)
                    {
                        if (!variadic) Warning(t.Loc, "__VA_OPT__ can only appear in the expansion of a C++20 variadic macro");
                        else hasVaOpt = true;
                    }
                }
            }

            // '#' before a parameter stringifies it (function-like macros only)
            if (funLike && body.Count > 0 && body[^1].Kind == TokenKind.Hash)
            {
                if (t.Kind == TokenKind.MacroArg)
                {
                    var hashTok = body[^1];
                    t.Flags = (t.Flags & ~TokenFlags.PrevWhite) | TokenFlags.Stringify | (hashTok.Flags & TokenFlags.PrevWhite);
                    body[^1] = t;
                    followingPaste = false;
                    continue;
                }
                Error(body[^1].Loc, "'#' is not followed by a macro parameter");
                return null;
            }

            if (t.Kind == TokenKind.EndOfDirective)
            {
                if (followingPaste)
                {
                    Error(t.Loc, "'##' cannot appear at either end of a macro expansion");
                    return null;
                }
                break;
            }

            if (t.Kind == TokenKind.Paste)
            {
                if (body.Count == 0)
                {
                    Error(t.Loc, "'##' cannot appear at either end of a macro expansion");
                    return null;
                }
                if (!followingPaste)
                {
                    var prev = body[^1];
                    prev.Flags |= TokenFlags.PasteLeft;
                    body[^1] = prev;
                }
                followingPaste = true;
                continue;
            }
            followingPaste = false;
            body.Add(t);
        }

        if (body.Count > 0)
        {
            var b0 = body[0];
            b0.Flags &= ~TokenFlags.PrevWhite;
            body[0] = b0;
        }
        // body tokens keep PrevWhite/Stringify/PasteLeft/Digraph only
        var arr = body.ToArray();
        for (int i = 0; i < arr.Length; i++)
            arr[i].Flags &= TokenFlags.PrevWhite | TokenFlags.Stringify | TokenFlags.PasteLeft | TokenFlags.Digraph;

        var def = new MacroDefinition(_rec.Macros.Count, name.Text, _names[name.Text], origin)
        {
            IsFunctionLike = funLike,
            Parameters = parameters?.ToArray() ?? Array.Empty<int>(),
            IsVariadic = variadic,
            HasVaOpt = hasVaOpt,
            Body = arr,
            DirectiveLoc = directiveLoc,
            NameLoc = name.Loc,
            EndLoc = DirectiveEndLoc(),
        };
        _rec.Macros.Add(def);
        return def;
    }

    /// <summary>gcc's parse_params, after the '('.</summary>
    private bool ParseParameters(List<int> parameters, ref bool variadic)
    {
        bool prevIdent = false;
        while (true)
        {
            LexDirect(out var t);
            switch (t.Kind)
            {
                case TokenKind.Identifier:
                    if (prevIdent || variadic) goto bad;
                    prevIdent = true;
                    if (parameters.Contains(t.Text))
                    {
                        Error(t.Loc, $"duplicate macro parameter \"{_names[t.Text]}\"");
                        return false;
                    }
                    if (t.Text == _idVaArgs)
                        Warning(t.Loc, "__VA_ARGS__ can only appear in the expansion of a C99 variadic macro");
                    parameters.Add(t.Text);
                    break;
                case TokenKind.CloseParen:
                    if (prevIdent || parameters.Count == 0 || variadic) return true;
                    goto case TokenKind.Comma;
                case TokenKind.Comma:
                    if (!prevIdent || variadic) goto bad;
                    prevIdent = false;
                    break;
                case TokenKind.Ellipsis:
                    if (!prevIdent) parameters.Add(_idVaArgs);
                    variadic = true;
                    break;
                default:
                bad:
                    {
                        string msg;
                        if (variadic) msg = "expected ')' after \"...\"";
                        else if (t.Kind == TokenKind.EndOfDirective)
                            msg = prevIdent ? "expected ')' before end of line" : "expected parameter name before end of line";
                        else
                            msg = prevIdent
                                ? $"expected ',' or ')', found \"{TokenSpelling.Spell(t, _names)}\""
                                : $"expected parameter name, found \"{TokenSpelling.Spell(t, _names)}\"";
                        Error(t.Loc, msg);
                        return false;
                    }
            }
        }
    }

    private void DoUndef(in Token hash)
    {
        if (!LexMacroName("undef", true, out var name)) return;
        var old = LookupMacro(name.Text);
        if (old is not null)
        {
            if (old.IsSpecial) Warning(name.Loc, $"undefining \"{old.Name}\"");
            SetMacro(name.Text, null);
        }
        _rec.MacroEvents.Add(new MacroEvent(MacroEventKind.Undef, name.Text, old?.Id ?? -1, hash.Loc, DirectiveEndLoc(), _outCount, _rec.NextSequence()));
        CheckEol("undef");
    }

    // ---------------------------------------------------------------- conditionals

    private ConditionalGroup PushConditional(in Token hash, ConditionalDirectiveKind kind, bool skip, bool? value,
        int[] macrosUsed, int guardMacro)
    {
        var f = _file!;
        var g = new ConditionalGroup
        {
            Id = _rec.Conditionals.Count,
            Parent = f.Conds.Count > 0 ? f.Conds[^1].Group.Id : -1,
            Region = f.Region.Id,
            InSkippedCode = _skipping,
        };
        g.Branches.Add(new ConditionalBranch
        {
            Kind = kind,
            DirectiveLoc = hash.Loc,
            DirectiveEndLoc = DirectiveEndLoc(),
            Value = value,
            MacrosUsed = macrosUsed,
            OutputIndex = _outCount,
            Sequence = _rec.NextSequence(),
            EventIndex = _rec.MacroEvents.Count,
        });
        if (value == true) g.TakenBranch = 0;
        _rec.Conditionals.Add(g);
        var st = new CondState
        {
            Group = g,
            WasSkipping = _skipping,
            SkipElses = _skipping || !skip,
            GuardMacro = _miValid && _miCmacro < 0 ? guardMacro : -1,
        };
        f.Conds.Add(st);
        _skipping = skip;
        return g;
    }

    private void DoIf(in Token hash)
    {
        bool skip = true;
        bool? value = null;
        int[] used = Array.Empty<int>();
        _miIndCmacro = -1;
        if (!_skipping)
        {
            value = EvaluateCondition(hash, out used);
            skip = !value.Value;
        }
        PushConditional(hash, ConditionalDirectiveKind.If, skip, value, used, _miIndCmacro);
    }

    private void DoIfdef(in Token hash, bool negate)
    {
        bool skip = true;
        bool? value = null;
        int[] used = Array.Empty<int>();
        int guard = -1;
        if (!_skipping)
        {
            string dir = negate ? "ifndef" : "ifdef";
            if (LexMacroName(dir, false, out var name))
            {
                bool defined = LookupMacro(name.Text) is not null;
                value = negate ? !defined : defined;
                skip = !value.Value;
                used = new[] { name.Text };
                if (negate) guard = name.Text;
                CheckEol(dir);
            }
            else
            {
                value = false;
            }
        }
        PushConditional(hash, negate ? ConditionalDirectiveKind.Ifndef : ConditionalDirectiveKind.Ifdef, skip, value, used, guard);
    }

    private void DoElif(in Token hash, ConditionalDirectiveKind kind)
    {
        var f = _file!;
        string dirName = DirectiveName(kind);
        if (f.Conds.Count == 0)
        {
            Error(hash.Loc, $"#{dirName} without #if");
            return;
        }
        var st = f.Conds[^1];
        if (st.SawElse)
            Error(hash.Loc, $"#{dirName} after #else");
        bool? value = null;
        int[] used = Array.Empty<int>();
        if (st.SkipElses)
        {
            _skipping = true;
        }
        else
        {
            if (kind == ConditionalDirectiveKind.Elif)
            {
                _skipping = false; // the condition is evaluated as in a non-skipped group
                value = EvaluateCondition(hash, out used);
            }
            else
            {
                _skipping = false;
                if (LexMacroName(dirName, false, out var name))
                {
                    bool defined = LookupMacro(name.Text) is not null;
                    value = kind == ConditionalDirectiveKind.Elifdef ? defined : !defined;
                    used = new[] { name.Text };
                    CheckEol(dirName);
                }
                else value = false;
            }
            _skipping = !value.Value;
            st.SkipElses = !_skipping;
        }
        st.GuardMacro = -1;
        var g = st.Group;
        g.Branches.Add(new ConditionalBranch
        {
            Kind = kind,
            DirectiveLoc = hash.Loc,
            DirectiveEndLoc = DirectiveEndLoc(),
            Value = value,
            MacrosUsed = used,
            OutputIndex = _outCount,
            Sequence = _rec.NextSequence(),
            EventIndex = _rec.MacroEvents.Count,
        });
        if (value == true) g.TakenBranch = g.Branches.Count - 1;
    }

    private void DoElse(in Token hash)
    {
        var f = _file!;
        if (f.Conds.Count == 0)
        {
            Error(hash.Loc, "#else without #if");
            return;
        }
        var st = f.Conds[^1];
        if (st.SawElse) Error(hash.Loc, "#else after #else");
        st.SawElse = true;
        _skipping = st.SkipElses;
        bool taken = !st.SkipElses;
        st.SkipElses = true;
        st.GuardMacro = -1;
        var g = st.Group;
        g.Branches.Add(new ConditionalBranch
        {
            Kind = ConditionalDirectiveKind.Else,
            DirectiveLoc = hash.Loc,
            DirectiveEndLoc = DirectiveEndLoc(),
            Value = st.WasSkipping ? null : taken,
            OutputIndex = _outCount,
            Sequence = _rec.NextSequence(),
            EventIndex = _rec.MacroEvents.Count,
        });
        if (taken) g.TakenBranch = g.Branches.Count - 1;
        if (!st.WasSkipping) CheckEol("else");
    }

    private void DoEndif(in Token hash)
    {
        var f = _file!;
        if (f.Conds.Count == 0)
        {
            Error(hash.Loc, "#endif without #if");
            return;
        }
        var st = f.Conds[^1];
        f.Conds.RemoveAt(f.Conds.Count - 1);
        st.Group.EndifLoc = hash.Loc;
        st.Group.EndifEndLoc = DirectiveEndLoc();
        st.Group.EndOutputIndex = _outCount;
        st.Group.EndifSequence = _rec.NextSequence();
        if (!st.WasSkipping) CheckEol("endif");
        if (f.Conds.Count == 0 && st.GuardMacro >= 0)
        {
            _miValid = true;
            _miCmacro = st.GuardMacro;
            _miGroup = st.Group;
        }
        _skipping = st.WasSkipping;
    }

    // ---------------------------------------------------------------- #line and line markers

    private void DoLine(in Token hash)
    {
        GetTokenNoPadding(out var t);
        if (t.Kind != TokenKind.Number || !TryParseLineNumber(_names[t.Text], out long line))
        {
            if (t.Kind == TokenKind.EndOfDirective) Error(t.Loc, "unexpected end of file after #line");
            else Error(t.Loc, $"\"{TokenSpelling.Spell(t, _names)}\" after #line is not a positive integer");
            return;
        }
        GetTokenNoPadding(out var s);
        string? newFile = null;
        if (s.Kind == TokenKind.String)
        {
            newFile = Unquote(_names[s.Text]);
            GetTokenNoPadding(out var rest);
            if (rest.Kind != TokenKind.EndOfDirective) Warning(rest.Loc, "extra tokens at end of #line directive");
        }
        else if (s.Kind != TokenKind.EndOfDirective)
        {
            Error(s.Loc, $"invalid filename \"{TokenSpelling.Spell(s, _names)}\"");
            return;
        }
        SetPresumedLine(hash.Loc, line, newFile);
    }

    private void DoLineMarker(in Token hash, in Token number)
    {
        if (!TryParseLineNumber(_names[number.Text], out long line))
        {
            Error(number.Loc, $"\"{_names[number.Text]}\" after # is not a positive integer");
            return;
        }
        LexDirect(out var s);
        string? newFile = null;
        if (s.Kind == TokenKind.String)
        {
            newFile = Unquote(_names[s.Text]);
            while (true)
            {
                LexDirect(out var flag);
                if (flag.Kind == TokenKind.EndOfDirective) break;
                if (flag.Kind != TokenKind.Number || _names[flag.Text] is not ("1" or "2" or "3" or "4"))
                {
                    Error(flag.Loc, $"invalid flag \"{TokenSpelling.Spell(flag, _names)}\" in line directive");
                    return;
                }
            }
        }
        else if (s.Kind != TokenKind.EndOfDirective)
        {
            Error(s.Loc, $"invalid filename \"{TokenSpelling.Spell(s, _names)}\"");
            return;
        }
        SetPresumedLine(hash.Loc, line, newFile);
    }

    private static bool TryParseLineNumber(string s, out long value)
    {
        value = 0;
        if (s.Length == 0) return false;
        foreach (char c in s)
        {
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
            if (value > uint.MaxValue) value = uint.MaxValue;
        }
        return true;
    }

    /// <summary>Contents of a string literal token without prefix and quotes, escapes interpreted.</summary>
    private static string Unquote(string lit)
    {
        int q = lit.IndexOf('"');
        var sb = new StringBuilder();
        for (int i = q + 1; i < lit.Length - 1; i++)
        {
            char c = lit[i];
            if (c == '\\' && i + 1 < lit.Length - 1)
            {
                char n = lit[++i];
                switch (n)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case '\\': sb.Append('\\'); break;
                    case '"': sb.Append('"'); break;
                    case '\'': sb.Append('\''); break;
                    case 'a': sb.Append('\a'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'v': sb.Append('\v'); break;
                    case >= '0' and <= '7':
                        {
                            int v = n - '0';
                            int k = 1;
                            while (k < 3 && i + 1 < lit.Length - 1 && lit[i + 1] is >= '0' and <= '7') { v = v * 8 + (lit[++i] - '0'); k++; }
                            sb.Append((char)(v & 0xff));
                            break;
                        }
                    default: sb.Append(n); break;
                }
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- #error, #warning, #ident

    private void DoDiagnostic(in Token hash, Severity severity, string name)
    {
        var text = SpellRestOfLine(quiet: true);
        Report(hash.Loc, severity, text.Length > 0 ? $"#{name} {text}" : $"#{name}");
    }

    /// <summary>The remaining tokens of the directive spelled as gcc does: one space where whitespace was.</summary>
    private string SpellRestOfLine(bool quiet)
    {
        var lexer = _lexer!;
        bool q = lexer.Quiet;
        if (quiet) lexer.Quiet = true;
        var sb = new StringBuilder();
        while (true)
        {
            LexDirect(out var t);
            if (t.Kind == TokenKind.EndOfDirective) break;
            if (sb.Length > 0 && (t.Flags & TokenFlags.PrevWhite) != 0) sb.Append(' ');
            TokenSpelling.Append(sb, t, _names);
        }
        lexer.Quiet = q;
        return sb.ToString();
    }

    private bool DoIdent(in Token hash, in Token name, out Token result)
    {
        LexDirect(out var s);
        if (s.Kind != TokenKind.String)
        {
            Error(s.Loc, $"invalid #{_names[name.Text]} directive");
            result = default;
            return false;
        }
        CheckEol(_names[name.Text]);
        result = new Token(TokenKind.Directive, TokenFlags.StartOfLine,
            _names.Intern("ident " + _names[s.Text]), hash.Loc);
        return true;
    }
}
