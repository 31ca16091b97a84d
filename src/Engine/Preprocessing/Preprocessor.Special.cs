using System.Globalization;
using System.Text;
using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Preprocessing;

// Special macros (__FILE__, __LINE__, __COUNTER__, __has_*, _Pragma) and #pragma handling.
public sealed partial class Preprocessor
{
    private bool[]? _poisoned;
    private readonly Dictionary<int, Stack<MacroDefinition?>> _pushedMacros = new();

    private void DefineSpecialMacros()
    {
        void S(string name, SpecialMacro kind)
        {
            int id = _names.Intern(name);
            var def = new MacroDefinition(_rec.Macros.Count, id, name, MacroOrigin.Special) { Special = kind };
            _rec.Macros.Add(def);
            SetMacro(id, def);
        }
        S("__FILE__", SpecialMacro.File);
        S("__BASE_FILE__", SpecialMacro.BaseFile);
        S("__LINE__", SpecialMacro.Line);
        S("__COUNTER__", SpecialMacro.Counter);
        S("__INCLUDE_LEVEL__", SpecialMacro.IncludeLevel);
        S("__DATE__", SpecialMacro.Date);
        S("__TIME__", SpecialMacro.Time);
        S("__TIMESTAMP__", SpecialMacro.Timestamp);
        S("__has_attribute", SpecialMacro.HasAttribute);
        S("__has_cpp_attribute", SpecialMacro.HasCppAttribute);
        S("__has_c_attribute", SpecialMacro.HasCAttribute);
        S("__has_builtin", SpecialMacro.HasBuiltin);
        S("__has_include", SpecialMacro.HasInclude);
        S("__has_include_next", SpecialMacro.HasIncludeNext);
        S("_Pragma", SpecialMacro.Pragma);
    }

    /// <summary>gcc's builtin_macro: computes the value and pushes it as a one-token context.</summary>
    private int ExpandSpecial(MacroDefinition macro, in Token nameTok)
    {
        if (macro.Special == SpecialMacro.Pragma)
        {
            // gcc does not interpret _Pragma inside directives; in macro arguments it waits for the rescan
            if (_inDirective || _argExpandDepth > 0) return 0;
            RecordInvocation(macro, nameTok, null);
            return DoPragmaOperator(nameTok);
        }

        // the location whose line/file __LINE__/__FILE__ report (gcc's expand_loc)
        int expandLoc = _topMostMacro is { IsFunctionLike: true, IsSpecial: false }
            ? (nameTok.Expansion == 0 ? nameTok.Loc : _rec.Invocation(nameTok.Expansion).ExpansionPointLoc)
            : _invocationLoc;

        int inv = RecordInvocation(macro, nameTok, null);
        string text;
        TokenKind kind = TokenKind.Number;
        switch (macro.Special)
        {
            case SpecialMacro.File:
                text = QuoteString(RemapFileName(PresumedFile(expandLoc)));
                kind = TokenKind.String;
                break;
            case SpecialMacro.BaseFile:
                text = QuoteString(RemapFileName(_mainFileName ?? ""));
                kind = TokenKind.String;
                break;
            case SpecialMacro.Line:
                text = PresumedLine(expandLoc).ToString(CultureInfo.InvariantCulture);
                break;
            case SpecialMacro.Counter:
                text = (_counter++).ToString(CultureInfo.InvariantCulture);
                break;
            case SpecialMacro.IncludeLevel:
                text = (_file?.IncludeLevel ?? 0).ToString(CultureInfo.InvariantCulture);
                break;
            case SpecialMacro.Date:
                {
                    var now = _opts.Now ?? DateTime.Now;
                    text = "\"" + now.ToString("MMM", CultureInfo.InvariantCulture) + " " + now.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2) + " " + now.Year.ToString(CultureInfo.InvariantCulture) + "\"";
                    kind = TokenKind.String;
                    break;
                }
            case SpecialMacro.Time:
                text = "\"" + (_opts.Now ?? DateTime.Now).ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "\"";
                kind = TokenKind.String;
                break;
            case SpecialMacro.Timestamp:
                {
                    string path = _file?.Region.File.Path ?? "";
                    DateTime t;
                    try { t = File.GetLastWriteTime(FullPath(path)); }
                    catch (Exception) { t = _opts.Now ?? DateTime.Now; }
                    text = "\"" + t.ToString("ddd MMM", CultureInfo.InvariantCulture) + " " + t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
                           + " " + t.ToString("HH:mm:ss yyyy", CultureInfo.InvariantCulture) + "\"";
                    kind = TokenKind.String;
                    break;
                }
            case SpecialMacro.HasAttribute:
            case SpecialMacro.HasCppAttribute:
            case SpecialMacro.HasCAttribute:
                text = HasAttribute(macro, nameTok).ToString(CultureInfo.InvariantCulture);
                break;
            case SpecialMacro.HasBuiltin:
                text = HasBuiltin(nameTok) ? "1" : "0";
                break;
            case SpecialMacro.HasInclude:
            case SpecialMacro.HasIncludeNext:
                text = HasIncludeOperator(macro, nameTok) ? "1" : "0";
                break;
            default:
                text = "0";
                break;
        }
        var flags = macro.Special is SpecialMacro.Line or SpecialMacro.Counter ? TokenFlags.Synthesized | TokenFlags.LineOrCounterValue : TokenFlags.Synthesized;
        var result = new Token(kind, flags, _names.Intern(text), nameTok.Loc, inv);
        PushSingle(null, result);
        return 1;
    }

    private static string QuoteString(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (char c in s)
        {
            if (c == '\\' || c == '"') sb.Append('\\').Append(c);
            else if (c == '\n') sb.Append("\\n");
            else sb.Append(c);
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>gcc's c_common_has_attribute.</summary>
    private int HasAttribute(MacroDefinition macro, in Token nameTok)
    {
        bool stdSyntax = macro.Special == SpecialMacro.HasCAttribute;
        GetTokenNoPadding(out var t);
        if (t.Kind != TokenKind.OpenParen)
        {
            Error(t.Loc, $"missing '(' after \"{macro.Name}\"");
            BackupIfEnd(t);
            return 0;
        }
        GetTokenNoPadding(out t);
        if (t.Kind != TokenKind.Identifier)
        {
            Error(t.Loc, $"macro \"{macro.Name}\" requires an identifier");
            BackupIfEnd(t);
            return 0;
        }
        string name = CanonicalAttributeName(_names[t.Text]);
        int result = 0;
        GetTokenNoPadding(out var next);
        if (next.Kind == TokenKind.Scope)
        {
            GetTokenNoPadding(out var scoped);
            if (scoped.Kind != TokenKind.Identifier)
            {
                Error(scoped.Loc, $"attribute identifier required after scope");
                BackupIfEnd(scoped);
                return 0;
            }
            string scope = name;
            string attr = CanonicalAttributeName(_names[scoped.Text]);
            if (scope == "gnu") result = _opts.HasAttribute?.Invoke(attr) ?? 0;
            GetTokenNoPadding(out next);
        }
        else
        {
            result = name switch
            {
                "deprecated" or "maybe_unused" or "fallthrough" => 201904,
                "nodiscard" => 202003,
                _ => stdSyntax ? 0 : _opts.HasAttribute?.Invoke(name) ?? 0,
            };
        }
        if (next.Kind != TokenKind.CloseParen)
        {
            Error(next.Loc, $"missing ')' after \"{macro.Name}\"");
            BackupIfEnd(next);
        }
        return result;
    }

    private void BackupIfEnd(in Token t)
    {
        if (t.Kind is TokenKind.EndOfDirective or TokenKind.EndOfFile) BackupToken(t);
    }

    private static string CanonicalAttributeName(string s) =>
        s.Length > 4 && s.StartsWith("__", StringComparison.Ordinal) && s.EndsWith("__", StringComparison.Ordinal) ? s[2..^2] : s;

    /// <summary>gcc's c_common_has_builtin.</summary>
    private bool HasBuiltin(in Token nameTok)
    {
        GetTokenNoPadding(out var t);
        if (t.Kind != TokenKind.OpenParen)
        {
            Error(t.Loc, "missing '(' after \"__has_builtin\"");
            BackupIfEnd(t);
            return false;
        }
        string name = "";
        GetTokenNoPadding(out t);
        if (t.Kind == TokenKind.Identifier)
        {
            name = _names[t.Text];
            GetTokenNoPadding(out t);
            if (t.Kind != TokenKind.CloseParen)
            {
                Error(t.Loc, $"expected ')' after \"{name}\"");
                name = "";
            }
        }
        else
        {
            Error(t.Loc, "macro \"__has_builtin\" requires an identifier");
            if (t.Kind == TokenKind.CloseParen) return false;
        }
        for (int nparen = 1; ; GetTokenNoPadding(out t))
        {
            if (t.Kind == TokenKind.OpenParen) nparen++;
            else if (t.Kind == TokenKind.CloseParen) nparen--;
            else if (t.Kind is TokenKind.EndOfDirective or TokenKind.EndOfFile) { BackupToken(t); break; }
            if (nparen == 0) break;
        }
        return name.Length > 0 && (_opts.HasBuiltin?.Invoke(name) ?? false);
    }

    /// <summary>gcc's builtin_has_include.</summary>
    private bool HasIncludeOperator(MacroDefinition macro, in Token nameTok)
    {
        if (!_inDirective) Error(nameTok.Loc, $"\"{macro.Name}\" used outside of preprocessing directive");
        var lexer = _lexer;
        if (lexer is not null) lexer.AngledHeaders = true;
        GetTokenNoPadding(out var t);
        bool paren = t.Kind == TokenKind.OpenParen;
        if (paren) GetTokenNoPadding(out t);
        else Error(t.Loc, $"missing '(' before \"{macro.Name}\" operand");
        if (lexer is not null) lexer.AngledHeaders = false;

        string? fname = null;
        bool angled = t.Kind != TokenKind.String;
        if (t.Kind == TokenKind.String || t.Kind == TokenKind.HeaderName)
        {
            string s = _names[t.Text];
            fname = s.Substring(1, s.Length - 2);
        }
        else if (t.Kind == TokenKind.Less)
        {
            fname = GlueHeaderName();
        }
        else
        {
            Error(t.Loc, $"operator \"{macro.Name}\" requires a header-name");
            BackupIfEnd(t);
        }
        bool result = false;
        if (fname is not null && _skipEval == 0)
            result = HasHeader(fname, angled, macro.Special == SpecialMacro.HasIncludeNext);
        if (paren)
        {
            GetTokenNoPadding(out var close);
            if (close.Kind != TokenKind.CloseParen)
            {
                Error(close.Loc, $"missing ')' after \"{macro.Name}\" operand");
                BackupIfEnd(close);
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- pragmas

    private bool DoPragma(in Token hash, out Token result)
    {
        var toks = new List<Token>();
        while (true)
        {
            LexDirect(out var t);
            if (t.Kind == TokenKind.EndOfDirective) break;
            toks.Add(t);
        }
        return RunPragma(hash.Loc, toks, out result);
    }

    /// <summary>
    /// Runs the pragmas the preprocessor owns (once, push_macro, pop_macro, GCC poison,
    /// system_header, dependency, warning, error); any other is passed on as a
    /// <see cref="TokenKind.Directive"/> token, as gcc -E prints it.
    /// </summary>
    private bool RunPragma(int loc, List<Token> toks, out Token result)
    {
        result = default;
        string? first = toks.Count > 0 && toks[0].Kind == TokenKind.Identifier ? _names[toks[0].Text] : null;
        string? second = toks.Count > 1 && toks[1].Kind == TokenKind.Identifier ? _names[toks[1].Text] : null;
        switch (first)
        {
            case "once":
                if (_file is null || _file.IsMain) Warning(toks[0].Loc, "#pragma once in main file");
                else _file.Region.File.PragmaOnce = true;
                return false;
            case "push_macro":
            case "pop_macro":
                {
                    if (toks.Count < 4 || toks[1].Kind != TokenKind.OpenParen || toks[2].Kind != TokenKind.String || toks[3].Kind != TokenKind.CloseParen)
                    {
                        Error(toks[0].Loc, $"invalid #pragma {first} directive");
                        return false;
                    }
                    string name = Unquote(_names[toks[2].Text]);
                    int id = _names.Intern(name);
                    if (!_pushedMacros.TryGetValue(id, out var stack)) _pushedMacros[id] = stack = new Stack<MacroDefinition?>();
                    if (first == "push_macro")
                    {
                        stack.Push(LookupMacro(id));
                    }
                    else if (stack.Count > 0)
                    {
                        var def = stack.Pop();
                        SetMacro(id, def);
                        _rec.MacroEvents.Add(def is null
                            ? new MacroEvent(MacroEventKind.Undef, id, -1, loc, loc, _outCount, _rec.NextSequence())
                            : new MacroEvent(MacroEventKind.Define, id, def.Id, loc, loc, _outCount, _rec.NextSequence()));
                    }
                    return false;
                }
            case "GCC":
                switch (second)
                {
                    case "poison":
                        for (int i = 2; i < toks.Count; i++)
                        {
                            var t = toks[i];
                            if (t.Kind != TokenKind.Identifier)
                            {
                                Error(t.Loc, "invalid #pragma GCC poison directive");
                                break;
                            }
                            if (LookupMacro(t.Text) is not null) Warning(t.Loc, $"poisoning existing macro \"{_names[t.Text]}\"");
                            if (_poisoned is null || _poisoned.Length <= t.Text) Array.Resize(ref _poisoned, Math.Max(_names.Count * 2, t.Text + 1));
                            _poisoned[t.Text] = true;
                        }
                        return false;
                    case "system_header":
                        if (_file is null || _file.IsMain) Warning(toks[1].Loc, "#pragma system_header ignored outside include file");
                        return false;
                    case "dependency":
                        return false;
                    case "warning":
                    case "error":
                        {
                            int k = 2;
                            if (k < toks.Count && toks[k].Kind == TokenKind.OpenParen) k++;
                            if (k >= toks.Count || toks[k].Kind != TokenKind.String)
                            {
                                Error(toks[1].Loc, $"invalid \"#pragma GCC {second}\" directive");
                                return false;
                            }
                            Report(toks[1].Loc, second == "error" ? Severity.Error : Severity.Warning, Unquote(_names[toks[k].Text]));
                            return false;
                        }
                }
                break;
        }
        var sb = new StringBuilder("pragma");
        for (int i = 0; i < toks.Count; i++)
        {
            sb.Append(i == 0 || (toks[i].Flags & TokenFlags.PrevWhite) != 0 ? " " : "");
            TokenSpelling.Append(sb, toks[i], _names);
        }
        result = new Token(TokenKind.Directive, TokenFlags.StartOfLine, _names.Intern(sb.ToString()), loc);
        return true;
    }

    /// <summary>gcc's _cpp_do__Pragma: _Pragma ( string-literal ).</summary>
    private int DoPragmaOperator(in Token nameTok)
    {
        GetTokenNoPadding(out var paren);
        if (paren.Kind != TokenKind.OpenParen)
        {
            BackupIfEnd(paren);
            Error(nameTok.Loc, "_Pragma takes a parenthesized string literal");
            return 0;
        }
        GetTokenNoPadding(out var str);
        if (!TokenSpelling.IsString(str.Kind))
        {
            BackupIfEnd(str);
            Error(nameTok.Loc, "_Pragma takes a parenthesized string literal");
            return 0;
        }
        GetTokenNoPadding(out var close);
        if (close.Kind != TokenKind.CloseParen)
        {
            BackupIfEnd(close);
            Error(nameTok.Loc, "_Pragma takes a parenthesized string literal");
            return 0;
        }
        // destringize: drop the prefix and quotes, \\ and \" lose their backslash
        string lit = _names[str.Text];
        int q = lit.IndexOf('"');
        var sb = new StringBuilder();
        for (int i = q + 1; i < lit.Length - 1; i++)
        {
            if (lit[i] == '\\' && i + 1 < lit.Length - 1 && (lit[i + 1] == '\\' || lit[i + 1] == '"')) i++;
            sb.Append(lit[i]);
        }
        var lexer = new Lexer(sb.ToString(), nameTok.Loc, _names, _opts.Lexer, (_, _, _) => { });
        lexer.BeginDirective();
        var toks = new List<Token>();
        while (true)
        {
            lexer.Lex(out var t);
            if (t.Kind == TokenKind.EndOfDirective) break;
            t.Loc = nameTok.Loc;
            toks.Add(t);
        }
        if (RunPragma(nameTok.Loc, toks, out var result))
        {
            result.Expansion = nameTok.Expansion;
            PushSingle(null, result);
        }
        return 1;
    }

    /// <summary>Reports the use of an identifier poisoned with #pragma GCC poison.</summary>
    private void CheckPoisoned(in Token t)
    {
        if (_poisoned is not null && t.Text < _poisoned.Length && _poisoned[t.Text])
            Error(t.Loc, $"attempt to use poisoned \"{_names[t.Text]}\"");
    }
}
