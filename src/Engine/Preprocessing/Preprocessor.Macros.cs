using System.Buffers;
using System.Text;
using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Preprocessing;

// Macro expansion: gcc's enter_macro_context, collect_args, expand_arg, replace_args,
// stringify_arg and paste_all_tokens, with invocations recorded for provenance.
public sealed partial class Preprocessor
{
    /// <summary>The collected arguments of one function-like invocation.</summary>
    private sealed class MacroArgs
    {
        public Token[] Raw = new Token[128];
        public int RawCount;
        public int[] First = new int[8];
        public int[] Count = new int[8];
        public int[] SeparatorLoc = new int[8];
        /// <summary>The argument was not supplied at all (GCC: first == NULL); ", ## __VA_ARGS__" then drops the comma.</summary>
        public bool[] Omitted = new bool[8];
        public Token[]?[] Expanded = new Token[8][];
        public int[] ExpandedCount = new int[8];
        public bool[] IsExpanded = new bool[8];
        public Token[] Stringified = new Token[8];
        public bool[] HasStringified = new bool[8];
        public int ArgCount;
        public Token CloseParen;

        public void Reset(int slots)
        {
            RawCount = 0;
            ArgCount = 0;
            if (First.Length < slots)
            {
                int n = Math.Max(slots, First.Length * 2);
                Array.Resize(ref First, n);
                Array.Resize(ref Count, n);
                Array.Resize(ref SeparatorLoc, n);
                Array.Resize(ref Omitted, n);
                Array.Resize(ref Expanded, n);
                Array.Resize(ref ExpandedCount, n);
                Array.Resize(ref IsExpanded, n);
                Array.Resize(ref Stringified, n);
                Array.Resize(ref HasStringified, n);
            }
            for (int i = 0; i < slots; i++)
            {
                First[i] = 0;
                Count[i] = 0;
                Omitted[i] = true;
                ExpandedCount[i] = 0;
                IsExpanded[i] = false;
                HasStringified[i] = false;
            }
        }

        public void AddRaw(in Token t)
        {
            if (RawCount == Raw.Length) Array.Resize(ref Raw, Raw.Length * 2);
            Raw[RawCount++] = t;
        }

        public void ReleaseExpanded(int slots)
        {
            for (int i = 0; i < slots && i < Expanded.Length; i++)
            {
                if (Expanded[i] is { } e)
                {
                    ArrayPool<Token>.Shared.Return(e);
                    Expanded[i] = null;
                }
            }
        }
    }

    private readonly Stack<MacroArgs> _argsPool = new();

    private MacroArgs RentArgs(int slots)
    {
        var a = _argsPool.Count > 0 ? _argsPool.Pop() : new MacroArgs();
        a.Reset(slots);
        return a;
    }

    private void ReturnArgs(MacroArgs a, int slots)
    {
        a.ReleaseExpanded(slots);
        _argsPool.Push(a);
    }

    /// <summary>
    /// gcc's enter_macro_context. Returns 0 when nothing was expanded (a function-like macro
    /// without arguments), 1 when a context was pushed, 2 when the expansion must be re-read
    /// without padding (_Pragma).
    /// </summary>
    private int EnterMacroContext(MacroDefinition macro, ref Token nameTok)
    {
        // gcc's about_to_expand_macro_p, kept set for the whole expansion of the outermost
        // invocation (argument pre-expansion included): this is what makes __LINE__ in a
        // macro report the line of the outermost invocation
        bool savedAbout = _aboutToExpand;
        _aboutToExpand = true;
        // arguments are pre-expanded recursively: bound the nesting so that no input can
        // exhaust the stack
        if (++_expansionNesting > _opts.MaxExpansionNesting)
        {
            _expansionNesting--;
            _aboutToExpand = savedAbout;
            Fatal(nameTok.Loc, $"macro invocations nested more than {_opts.MaxExpansionNesting} deep in arguments");
            return 0;
        }
        try
        {
            return EnterMacroContextCore(macro, ref nameTok);
        }
        finally
        {
            _aboutToExpand = savedAbout;
            _expansionNesting--;
        }
    }

    private int EnterMacroContextCore(MacroDefinition macro, ref Token nameTok)
    {
        if (macro.IsSpecial)
        {
            return ExpandSpecial(macro, nameTok);
        }

        MacroArgs? args = null;
        int slots = Math.Max(macro.ParameterCount, 1);
        if (macro.IsFunctionLike)
        {
            _preventExpansion++;
            SetParsingArgs(1);
            args = FunlikeInvocation(macro, nameTok, slots);
            SetParsingArgs(0);
            _preventExpansion--;
            if (args is null) return 0;
        }

        int inv = RecordInvocation(macro, nameTok, args);
        if (macro.ParameterCount > 0)
        {
            int savedOwner = _argExpansionOwner;
            _argExpansionOwner = inv;
            ReplaceArgs(macro, args!, inv);
            _argExpansionOwner = savedOwner;
        }
        if (args is not null) ReturnArgs(args, slots);

        macro.Disabled = true;
        macro.UseCount++;
        if (macro.ParameterCount == 0)
            PushContext(macro, macro.Body, 0, macro.Body.Length, inv, false);
        return 1;
    }

    private void SetParsingArgs(int value)
    {
        _parsingArgs = value;
        if (_lexer is not null) _lexer.ParsingArgs = value == 2;
    }

    private int RecordInvocation(MacroDefinition macro, in Token nameTok, MacroArgs? args)
    {
        int parent = nameTok.Expansion != 0 ? nameTok.Expansion : _argExpansionOwner;
        var inv = new MacroInvocation
        {
            Macro = macro.Id,
            Parent = parent,
            NameLoc = nameTok.Loc,
            ExpansionPointLoc = nameTok.Expansion == 0 ? nameTok.Loc : _rec.Invocation(nameTok.Expansion).ExpansionPointLoc,
            OutputStart = _outCount,
            OutputEnd = _outCount,
        };
        if (args is not null)
        {
            inv.EndLoc = args.CloseParen.Loc + 1;
            inv.FirstArgument = _rec.ArgumentRanges.Count;
            inv.ArgumentCount = args.ArgCount;
            for (int i = 0; i < args.ArgCount; i++)
            {
                int n = args.Count[i];
                _rec.ArgumentRanges.Add(n == 0
                    ? new ArgumentRange(0, 0, args.SeparatorLoc[i])
                    : new ArgumentRange(FirstRealLoc(args, i), LastRealLoc(args, i), args.SeparatorLoc[i]));
            }
        }
        else
        {
            inv.EndLoc = nameTok.Loc + _names[nameTok.Text].Length;
        }
        int id = _rec.AddInvocation(inv);
        ref var r = ref _rec.Invocation(id);
        r.TopLevel = parent == 0 ? id : _rec.Invocation(parent).TopLevel;
        // `#define B A(` ... `B)`: the closing parenthesis comes from the file, so the top-level
        // invocation's source range extends to it
        if (parent != 0 && args is not null && args.CloseParen.Expansion == 0)
        {
            ref var top = ref _rec.Invocation(r.TopLevel);
            if (top.EndLoc < r.EndLoc && _sm.GetRegion(top.NameLoc) == _sm.GetRegion(r.EndLoc - 1))
                top.EndLoc = r.EndLoc;
        }
        return id;
    }

    private static int FirstRealLoc(MacroArgs a, int i)
    {
        for (int k = a.First[i], e = k + a.Count[i]; k < e; k++)
            if (a.Raw[k].Kind != TokenKind.Padding) return a.Raw[k].Loc;
        return 0;
    }

    private static int LastRealLoc(MacroArgs a, int i)
    {
        for (int k = a.First[i] + a.Count[i] - 1; k >= a.First[i]; k--)
            if (a.Raw[k].Kind != TokenKind.Padding) return a.Raw[k].Loc;
        return 0;
    }

    /// <summary>gcc's funlike_invocation_p: looks for '(' and collects the arguments.</summary>
    private MacroArgs? FunlikeInvocation(MacroDefinition macro, in Token nameTok, int slots)
    {
        Token token;
        Token padding = default;
        bool havePadding = false;
        while (true)
        {
            GetToken(out token);
            if (token.Kind != TokenKind.Padding) break;
            if (!havePadding
                || (padding.Flags & TokenFlags.PaddingSourceNull) != 0
                || ((padding.Flags & TokenFlags.PaddingSourceWhite) == 0 && (token.Flags & TokenFlags.PaddingSourceNull) != 0))
            {
                padding = token;
                havePadding = true;
            }
        }

        if (token.Kind == TokenKind.OpenParen)
        {
            SetParsingArgs(2);
            return CollectArgs(macro, nameTok, token, slots);
        }

        // An end of file is not backed up over (gcc); the end of an argument or of a directive is.
        bool fileEof = token.Kind == TokenKind.EndOfFile && token.Text != ArgEofMarker;
        if (!fileEof)
        {
            BackupToken(token);
            if (havePadding) PushSingle(null, padding);
        }
        return null;
    }

    /// <summary>gcc's collect_args. Returns null (after a diagnostic) when the arguments are wrong.</summary>
    private MacroArgs? CollectArgs(MacroDefinition macro, in Token nameTok, in Token openParen, int slots)
    {
        var a = RentArgs(slots + 1);
        int paramc = macro.ParameterCount;
        int argc = 0;
        Token token;
        int sepLoc = openParen.Loc;
        int writeSlot = 0;
        do
        {
            int parenDepth = 0;
            int ntokens = 0;
            argc++;
            int slot = writeSlot;
            int start = a.RawCount;
            while (true)
            {
                GetToken(out token);
                if (token.Kind == TokenKind.Padding)
                {
                    if (ntokens == 0) continue;
                }
                else if (token.Kind == TokenKind.OpenParen) parenDepth++;
                else if (token.Kind == TokenKind.CloseParen)
                {
                    if (parenDepth-- == 0) break;
                }
                else if (token.Kind == TokenKind.Comma)
                {
                    if (parenDepth == 0 && !(macro.IsVariadic && argc == paramc)) break;
                }
                else if (token.Kind is TokenKind.EndOfFile or TokenKind.EndOfDirective
                         || (token.Kind == TokenKind.Hash && (token.Flags & TokenFlags.StartOfLine) != 0))
                    break;
                if (_fatal) break;
                a.AddRaw(token);
                ntokens++;
            }
            while (ntokens > 0 && a.Raw[start + ntokens - 1].Kind == TokenKind.Padding) ntokens--;
            a.RawCount = start + ntokens;
            a.AddRaw(new Token(TokenKind.EndOfFile, TokenFlags.None, ArgEofMarker, token.Loc));
            if (argc <= paramc || (paramc == 0 && argc == 1))
            {
                a.First[slot] = start;
                a.Count[slot] = ntokens;
                a.SeparatorLoc[slot] = sepLoc;
                a.Omitted[slot] = false;
                if (argc != paramc) writeSlot = Math.Min(writeSlot + 1, slots);
            }
            sepLoc = token.Loc;
        } while (token.Kind != TokenKind.CloseParen && token.Kind is not (TokenKind.EndOfFile or TokenKind.EndOfDirective) && !_fatal);

        if (token.Kind is TokenKind.EndOfFile or TokenKind.EndOfDirective || _fatal)
        {
            if (_depth > 0 || token.Kind == TokenKind.EndOfDirective) BackupToken(token);
            if (!_fatal) Error(nameTok.Loc, $"unterminated argument list invoking macro \"{macro.Name}\"");
            ReturnArgs(a, slots + 1);
            return null;
        }

        a.CloseParen = token;
        if (argc == 1 && paramc == 0 && a.Count[0] == 0) argc = 0;
        if (!ArgumentsOk(macro, nameTok, argc))
        {
            ReturnArgs(a, slots + 1);
            return null;
        }
        a.ArgCount = Math.Min(argc, Math.Max(paramc, 0));
        if (paramc == 0) a.ArgCount = 0;
        if (macro.IsVariadic)
        {
            // gcc: ", ## __VA_ARGS__" drops the comma when the variable argument was omitted
            // entirely, or (GNU modes) when it is the only parameter and empty
            if (argc < paramc || (argc == 1 && paramc == 1 && a.Count[0] == 0 && !_opts.Lexer.StrictIso))
                a.Omitted[paramc - 1] = true;
            if (argc < paramc)
            {
                a.First[paramc - 1] = a.RawCount;
                a.Count[paramc - 1] = 0;
                a.SeparatorLoc[paramc - 1] = token.Loc;
                a.AddRaw(new Token(TokenKind.EndOfFile, TokenFlags.None, ArgEofMarker, token.Loc));
                a.ArgCount = paramc;
            }
        }
        return a;
    }

    private bool ArgumentsOk(MacroDefinition macro, in Token nameTok, int argc)
    {
        int paramc = macro.ParameterCount;
        if (argc == paramc) return true;
        if (argc < paramc)
        {
            if (argc + 1 == paramc && macro.IsVariadic) return true;
            Error(nameTok.Loc, $"macro \"{macro.Name}\" requires {paramc} arguments, but only {argc} given");
        }
        else
        {
            Error(nameTok.Loc, $"macro \"{macro.Name}\" passed {argc} arguments, but takes just {paramc}");
        }
        return false;
    }

    /// <summary>gcc's expand_arg: fully macro-expands one argument in isolation.</summary>
    private void ExpandArg(MacroArgs a, int i)
    {
        if (a.IsExpanded[i]) return;
        a.IsExpanded[i] = true;
        if (a.Count[i] == 0) return;
        var buf = ArrayPool<Token>.Shared.Rent(Math.Max(16, a.Count[i] * 2));
        int n = 0;
        int baseDepth = _depth;
        // the argument's tokens plus its terminating EOF
        PushContext(null, a.Raw, a.First[i], a.First[i] + a.Count[i] + 1, 0, false);
        _argExpandDepth++;
        while (true)
        {
            GetToken(out var t);
            if (t.Kind == TokenKind.EndOfFile && t.Text == ArgEofMarker) break;
            if (t.Kind is TokenKind.EndOfFile or TokenKind.EndOfDirective || _fatal) break;
            if (n == buf.Length)
            {
                var nb = ArrayPool<Token>.Shared.Rent(buf.Length * 2);
                Array.Copy(buf, nb, n);
                ArrayPool<Token>.Shared.Return(buf);
                buf = nb;
            }
            buf[n++] = t;
        }
        _argExpandDepth--;
        while (_depth > baseDepth) PopContext();
        a.Expanded[i] = buf;
        a.ExpandedCount[i] = n;
    }

    private int _argExpandDepth;
    private int _expansionNesting;
    private long _expandedTokens;

    /// <summary>
    /// gcc's replace_args: builds the expansion of a function-like macro with the arguments
    /// substituted (stringified, unexpanded next to ##, else pre-expanded), padding included,
    /// and pushes it as a context. Every token produced is stamped with the invocation.
    /// </summary>
    private void ReplaceArgs(MacroDefinition macro, MacroArgs a, int inv)
    {
        var body = macro.Body;
        int paramc = macro.ParameterCount;
        int vaIndex = macro.IsVariadic ? paramc - 1 : -1;

        // size estimate and argument preparation
        int total = body.Length + 2;
        for (int i = 0; i < body.Length; i++)
        {
            ref readonly var src = ref body[i];
            if (src.Kind != TokenKind.MacroArg) continue;
            int ai = src.Text;
            if ((src.Flags & TokenFlags.Stringify) != 0)
            {
                if (!a.HasStringified[ai])
                {
                    a.Stringified[ai] = StringifyArg(a, ai, src);
                    a.HasStringified[ai] = true;
                }
                total += 3;
            }
            else if ((src.Flags & TokenFlags.PasteLeft) != 0 || (i > 0 && (body[i - 1].Flags & TokenFlags.PasteLeft) != 0))
            {
                total += a.Count[ai] + 2;
            }
            else
            {
                ExpandArg(a, ai);
                total += a.ExpandedCount[ai] + 2;
            }
        }
        bool vaNonEmpty = false;
        if (macro.HasVaOpt && vaIndex >= 0)
        {
            ExpandArg(a, vaIndex);
            var e = a.Expanded[vaIndex];
            for (int k = 0; k < a.ExpandedCount[vaIndex]; k++)
                if (e![k].Kind != TokenKind.Padding) { vaNonEmpty = true; break; }
        }

        _expandedTokens += total;
        if (_expandedTokens > _opts.MaxExpandedTokens)
        {
            Fatal(_invocationLoc, $"macro expansion produces more than {_opts.MaxExpandedTokens} tokens");
            PushContext(macro, Array.Empty<Token>(), 0, 0, 0, false);
            return;
        }
        var buf = ArrayPool<Token>.Shared.Rent(total + 8);
        int n = 0;
        int vaoptState = 0; // 0 none, 1 saw __VA_OPT__, 2 inside its parentheses
        int vaoptParen = 0;
        int vaoptStart = -1;
        bool vaoptDrop = false;

        for (int i = 0; i < body.Length; i++)
        {
            ref readonly var src = ref body[i];
            bool prevPaste = i > 0 && (body[i - 1].Flags & TokenFlags.PasteLeft) != 0;

            // __VA_OPT__ ( ... )
            if (vaIndex >= 0 && (macro.HasVaOpt))
            {
                if (vaoptState == 0 && src.Kind == TokenKind.Identifier && src.Text == _idVaOpt)
                {
                    vaoptState = 1;
                    continue;
                }
                if (vaoptState == 1)
                {
                    // the '(' after __VA_OPT__
                    vaoptState = 2;
                    vaoptParen = 0;
                    vaoptDrop = !vaNonEmpty;
                    if (i > 1 && (body[i - 2].Flags & TokenFlags.PasteLeft) == 0)
                        buf[n++] = WithExpansion(Padding(body[i - 1]), inv);
                    vaoptStart = n;
                    continue;
                }
                if (vaoptState == 2)
                {
                    if (src.Kind == TokenKind.OpenParen) vaoptParen++;
                    else if (src.Kind == TokenKind.CloseParen && vaoptParen-- == 0)
                    {
                        vaoptState = 0;
                        int start = vaoptStart;
                        vaoptStart = -1;
                        if ((src.Flags & TokenFlags.PasteLeft) != 0)
                        {
                            while (n > start && IsAvoidPaste(buf[n - 1])) n--;
                            if (n > start && buf[n - 1].Kind != TokenKind.Padding)
                                buf[n - 1].Flags |= TokenFlags.PasteLeft;
                        }
                        else
                        {
                            buf[n++] = AvoidPaste;
                        }
                        continue;
                    }
                    if (vaoptDrop) continue;
                }
            }

            if (src.Kind != TokenKind.MacroArg)
            {
                var t = src;
                t.Expansion = inv;
                buf[n++] = t;
                continue;
            }

            int ai = src.Text;
            int pasteFlag = -1;
            Token[] from;
            int fromStart, count;
            bool atVaoptStart = vaoptStart >= 0 && n == vaoptStart;
            if ((src.Flags & TokenFlags.Stringify) != 0)
            {
                from = a.Stringified;
                fromStart = ai;
                count = 1;
            }
            else if ((src.Flags & TokenFlags.PasteLeft) != 0)
            {
                from = a.Raw;
                fromStart = a.First[ai];
                count = a.Count[ai];
            }
            else if (prevPaste)
            {
                from = a.Raw;
                fromStart = a.First[ai];
                count = a.Count[ai];
                if (n != 0)
                {
                    int last = n - 1;
                    if (buf[last].Kind == TokenKind.Comma && macro.IsVariadic && ai == paramc - 1)
                    {
                        if (a.Omitted[ai]) n--; // remove the comma
                        else pasteFlag = last;
                    }
                    else if (count == 0 && !atVaoptStart)
                    {
                        pasteFlag = last;
                    }
                }
            }
            else
            {
                from = a.Expanded[ai] ?? Array.Empty<Token>();
                fromStart = 0;
                count = a.ExpandedCount[ai];
            }

            // padding on the left of an argument (unless the right operand of ##)
            if ((!_inDirective || _directiveWantsPadding) && i > 0 && !prevPaste && !atVaoptStart)
                buf[n++] = WithExpansion(Padding(src), inv);

            if (count > 0)
            {
                if (n + count + 4 > buf.Length)
                {
                    var nb = ArrayPool<Token>.Shared.Rent((n + count) * 2 + 8);
                    Array.Copy(buf, nb, n);
                    ArrayPool<Token>.Shared.Return(buf);
                    buf = nb;
                }
                for (int k = 0; k < count; k++)
                {
                    var t = from[fromStart + k];
                    t.Expansion = inv;
                    buf[n++] = t;
                }
                if ((src.Flags & TokenFlags.PasteLeft) != 0) pasteFlag = n - 1;
            }

            // avoid paste on the right (even when the argument is empty)
            if (!_inDirective && (src.Flags & TokenFlags.PasteLeft) == 0)
                buf[n++] = AvoidPaste;

            if (pasteFlag >= 0)
            {
                if ((src.Flags & TokenFlags.PasteLeft) != 0) buf[pasteFlag].Flags |= TokenFlags.PasteLeft;
                else buf[pasteFlag].Flags &= ~TokenFlags.PasteLeft;
            }

            if (n + 8 > buf.Length)
            {
                var nb = ArrayPool<Token>.Shared.Rent(buf.Length * 2);
                Array.Copy(buf, nb, n);
                ArrayPool<Token>.Shared.Return(buf);
                buf = nb;
            }
        }

        PushContext(macro, buf, 0, n, 0, true);
    }

    private static bool IsAvoidPaste(in Token t) =>
        t.Kind == TokenKind.Padding && (t.Flags & TokenFlags.PaddingSourceNull) != 0;

    private static Token WithExpansion(Token t, int inv)
    {
        t.Expansion = inv;
        return t;
    }

    /// <summary>gcc's stringify_arg, on the argument's unexpanded tokens.</summary>
    private Token StringifyArg(MacroArgs a, int ai, in Token src)
    {
        var sb = new StringBuilder();
        sb.Append('"');
        int backslashCount = 0;
        bool haveSource = false;
        bool sourceWhite = false;
        bool sourceNull = false;
        for (int k = a.First[ai], e = k + a.Count[ai]; k < e; k++)
        {
            ref readonly var t = ref a.Raw[k];
            if (t.Kind == TokenKind.Padding)
            {
                bool tNull = (t.Flags & TokenFlags.PaddingSourceNull) != 0;
                if (!haveSource || sourceNull || (!sourceWhite && tNull))
                {
                    haveSource = true;
                    sourceNull = tNull;
                    sourceWhite = (t.Flags & TokenFlags.PaddingSourceWhite) != 0;
                }
                continue;
            }
            if (sb.Length > 1)
            {
                bool white = haveSource && !sourceNull ? sourceWhite : (t.Flags & TokenFlags.PrevWhite) != 0;
                if (white) sb.Append(' ');
            }
            haveSource = false;
            sourceNull = false;
            sourceWhite = false;
            if ((t.Flags & TokenFlags.Synthesized) == 0) _rec.StringifiedOrPastedLocs.Add(t.Loc);
            if (TokenSpelling.IsStringOrChar(t.Kind))
            {
                foreach (char c in _names[t.Text])
                {
                    if (c == '\\' || c == '"') sb.Append('\\').Append(c);
                    else if (c == '\n') sb.Append("\\n");
                    else sb.Append(c);
                }
            }
            else
            {
                TokenSpelling.Append(sb, t, _names);
            }
            if (t.Kind == TokenKind.Other && _names[t.Text].StartsWith('\\')) backslashCount++;
            else backslashCount = 0;
        }
        if ((backslashCount & 1) != 0)
        {
            Warning(src.Loc, "invalid string literal, ignoring final '\\'");
            sb.Length--;
        }
        sb.Append('"');
        return new Token(TokenKind.String, TokenFlags.Synthesized, _names.Intern(sb.ToString()), src.Loc);
    }

    /// <summary>gcc's paste_all_tokens: pastes lhs with the following ## operands of the current context.</summary>
    private void PasteAll(Token lhs)
    {
        var c = _ctx[_depth - 1];
        Token rhs;
        do
        {
            if (c.Pos >= c.End) break;
            rhs = c.Tokens[c.Pos++];
            if (c.Stamp != 0) rhs.Expansion = c.Stamp;
            if (rhs.Kind == TokenKind.Padding) continue; // ends the loop: padding has no PasteLeft
            if (!PasteTokens(ref lhs, rhs))
            {
                c.Pos--;
                break;
            }
        } while ((rhs.Flags & TokenFlags.PasteLeft) != 0);
        lhs.Flags &= ~TokenFlags.PasteLeft;
        PushSingle(null, lhs);
    }

    private bool PasteTokens(ref Token lhs, in Token rhs)
    {
        if ((lhs.Flags & TokenFlags.Synthesized) == 0) _rec.StringifiedOrPastedLocs.Add(lhs.Loc);
        if ((rhs.Flags & TokenFlags.Synthesized) == 0 && rhs.Kind != TokenKind.Padding) _rec.StringifiedOrPastedLocs.Add(rhs.Loc);
        string left = TokenSpelling.Spell(lhs, _names);
        var sb = new StringBuilder(left.Length + 8);
        sb.Append(left);
        bool space = lhs.Kind == TokenKind.Div && rhs.Kind != TokenKind.Eq;
        if (space) sb.Append(' ');
        string right = rhs.Kind == TokenKind.Padding ? "" : TokenSpelling.Spell(rhs, _names);
        sb.Append(right);
        string text = sb.ToString();

        var lexer = new Lexer(text, lhs.Loc, _names, _opts.Lexer, (_, _, _) => { });
        lexer.Quiet = true;
        lexer.BeginDirective();
        lexer.Lex(out var result);
        bool ok = lexer.Position == text.Length && result.Kind is not (TokenKind.EndOfDirective or TokenKind.EndOfFile);
        if (!ok)
        {
            if (!_skipping)
                Error(lhs.Loc, $"pasting \"{left}\" and \"{right}\" does not give a valid preprocessing token");
            lhs.Flags &= ~TokenFlags.PasteLeft;
            return false;
        }
        result.Flags = (result.Flags & ~(TokenFlags.PrevWhite | TokenFlags.StartOfLine))
                       | (lhs.Flags & TokenFlags.PrevWhite) | TokenFlags.Synthesized
                       | ((lhs.Flags | rhs.Flags) & TokenFlags.LineOrCounterValue);
        result.Loc = lhs.Loc;
        result.Expansion = lhs.Expansion;
        lhs = result;
        return true;
    }
}
