using System.Globalization;

namespace KlpCcp.Engine.Preprocessing;

// #if expressions: gcc's _cpp_parse_expr semantics in intmax_t/uintmax_t (64 bits), with the
// usual arithmetic conversions, wrap-around instead of errors on overflow, and no evaluation
// (no division-by-zero error, no header lookups) in the unevaluated operands of && || ?:.
public sealed partial class Preprocessor
{
    private readonly struct PPNum
    {
        public readonly ulong Value;
        public readonly bool Unsigned;

        public PPNum(ulong value, bool unsigned)
        {
            Value = value;
            Unsigned = unsigned;
        }

        public bool IsZero => Value == 0;
        public long Signed => (long)Value;
        public static PPNum Int(long v) => new((ulong)v, false);
    }

    /// <summary>Syntax error inside one #if expression; caught by <see cref="EvaluateCondition"/>.</summary>
    private sealed class ConditionError : Exception
    {
        public ConditionError(int loc, string message) : base(message) { Loc = loc; }
        public int Loc { get; }
    }

    private Token _etok;
    private int _skipEval;
    private int _exprTokenCount;
    private readonly List<int> _condMacros = new();

    /// <summary>Evaluates the rest of an #if/#elif line; errors make the condition false.</summary>
    private bool EvaluateCondition(in Token hash, out int[] macrosUsed)
    {
        _condMacros.Clear();
        int firstInvocation = _rec.InvocationCount;
        _skipEval = 0;
        _exprTokenCount = 0;
        _miIndCmacro = -1;
        _leadingNotDefined = false;
        _conditionNesting = 0;
        bool result;
        try
        {
            NextExprToken();
            if (_etok.Kind == TokenKind.EndOfDirective)
                throw new ConditionError(hash.Loc, "#if with no expression");
            var v = ParseCommaExpr();
            if (_etok.Kind != TokenKind.EndOfDirective)
            {
                if (_etok.Kind == TokenKind.CloseParen)
                    throw new ConditionError(_etok.Loc, "missing '(' in expression");
                if (_etok.Kind == TokenKind.Colon)
                    throw new ConditionError(_etok.Loc, "':' without preceding '?'");
                throw new ConditionError(_etok.Loc, $"missing binary operator before token \"{TokenSpelling.Spell(_etok, _names)}\"");
            }
            result = !v.IsZero;
            if (!(_exprTokenCount == 4 || _exprTokenCount == 6)) _miIndCmacro = -1;
        }
        catch (ConditionError e)
        {
            Error(e.Loc, e.Message);
            result = false;
            _miIndCmacro = -1;
        }
        for (int i = firstInvocation; i < _rec.InvocationCount; i++)
            _condMacros.Add(_rec.Macros[_rec.Invocation(i).Macro].NameId);
        macrosUsed = _condMacros.Count == 0 ? Array.Empty<int>() : _condMacros.Distinct().ToArray();
        return result;
    }

    private void NextExprToken()
    {
        GetTokenNoPadding(out _etok);
        _exprTokenCount++;
    }

    private PPNum ParseCommaExpr()
    {
        var v = ParseConditional();
        while (_etok.Kind == TokenKind.Comma)
        {
            NextExprToken();
            v = ParseConditional();
        }
        return v;
    }

    private PPNum ParseConditional()
    {
        var c = ParseBinary(0);
        if (_etok.Kind != TokenKind.Query) return c;
        int qLoc = _etok.Loc;
        NextExprToken();
        bool cond = !c.IsZero;
        if (!cond) _skipEval++;
        var a = ParseCommaExpr();
        if (!cond) _skipEval--;
        if (_etok.Kind != TokenKind.Colon)
            throw new ConditionError(qLoc, "'?' without following ':'");
        NextExprToken();
        if (cond) _skipEval++;
        if (++_conditionNesting > _opts.MaxConditionNesting)
            throw new ConditionError(_etok.Loc, "#if expression nested too deeply");
        var b = ParseConditional();
        _conditionNesting--;
        if (cond) _skipEval--;
        var r = cond ? a : b;
        return new PPNum(r.Value, a.Unsigned || b.Unsigned);
    }

    private static int Precedence(TokenKind k) => k switch
    {
        TokenKind.OrOr => 1,
        TokenKind.AndAnd => 2,
        TokenKind.Or => 3,
        TokenKind.Xor => 4,
        TokenKind.And => 5,
        TokenKind.EqEq or TokenKind.NotEq => 6,
        TokenKind.Less or TokenKind.Greater or TokenKind.LessEq or TokenKind.GreaterEq => 7,
        TokenKind.LShift or TokenKind.RShift => 8,
        TokenKind.Plus or TokenKind.Minus => 9,
        TokenKind.Mult or TokenKind.Div or TokenKind.Mod => 10,
        _ => 0,
    };

    private PPNum ParseBinary(int minPrec)
    {
        var lhs = ParseUnary();
        while (true)
        {
            var op = _etok;
            int prec = Precedence(op.Kind);
            if (prec == 0 || prec <= minPrec) return lhs;
            NextExprToken();
            if (_etok.Kind == TokenKind.EndOfDirective)
                throw new ConditionError(op.Loc, $"operator '{TokenSpelling.Spell(op, _names)}' has no right operand");
            if (op.Kind == TokenKind.AndAnd || op.Kind == TokenKind.OrOr)
            {
                bool decided = op.Kind == TokenKind.AndAnd ? lhs.IsZero : !lhs.IsZero;
                if (decided) _skipEval++;
                var rhs = ParseBinary(prec);
                if (decided) _skipEval--;
                bool r = op.Kind == TokenKind.AndAnd ? !lhs.IsZero && !rhs.IsZero : !lhs.IsZero || !rhs.IsZero;
                lhs = PPNum.Int(r ? 1 : 0);
                continue;
            }
            var right = ParseBinary(prec);
            lhs = Apply(op, lhs, right);
        }
    }

    private PPNum Apply(in Token op, PPNum a, PPNum b)
    {
        bool u = a.Unsigned || b.Unsigned;
        switch (op.Kind)
        {
            case TokenKind.Plus: return new PPNum(a.Value + b.Value, u);
            case TokenKind.Minus: return new PPNum(a.Value - b.Value, u);
            case TokenKind.Mult: return new PPNum(a.Value * b.Value, u);
            case TokenKind.Div:
            case TokenKind.Mod:
                if (b.IsZero)
                {
                    if (_skipEval == 0) throw new ConditionError(op.Loc, "division by zero in #if");
                    return new PPNum(0, u);
                }
                if (u) return new PPNum(op.Kind == TokenKind.Div ? a.Value / b.Value : a.Value % b.Value, true);
                if (a.Signed == long.MinValue && b.Signed == -1)
                {
                    if (_skipEval == 0) Warning(op.Loc, "integer overflow in preprocessor expression");
                    return new PPNum(op.Kind == TokenKind.Div ? a.Value : 0, false);
                }
                return PPNum.Int(op.Kind == TokenKind.Div ? a.Signed / b.Signed : a.Signed % b.Signed);
            case TokenKind.LShift:
            case TokenKind.RShift:
                {
                    bool left = op.Kind == TokenKind.LShift;
                    ulong n;
                    if (!b.Unsigned && b.Signed < 0)
                    {
                        left = !left;
                        n = (ulong)(-(b.Signed + 1)) + 1;
                    }
                    else n = b.Value;
                    if (left) return new PPNum(n >= 64 ? 0 : a.Value << (int)n, a.Unsigned);
                    if (a.Unsigned) return new PPNum(n >= 64 ? 0 : a.Value >> (int)n, true);
                    return PPNum.Int(n >= 64 ? (a.Signed < 0 ? -1 : 0) : a.Signed >> (int)n);
                }
            case TokenKind.Less: return PPNum.Int((u ? a.Value < b.Value : a.Signed < b.Signed) ? 1 : 0);
            case TokenKind.Greater: return PPNum.Int((u ? a.Value > b.Value : a.Signed > b.Signed) ? 1 : 0);
            case TokenKind.LessEq: return PPNum.Int((u ? a.Value <= b.Value : a.Signed <= b.Signed) ? 1 : 0);
            case TokenKind.GreaterEq: return PPNum.Int((u ? a.Value >= b.Value : a.Signed >= b.Signed) ? 1 : 0);
            case TokenKind.EqEq: return PPNum.Int(a.Value == b.Value ? 1 : 0);
            case TokenKind.NotEq: return PPNum.Int(a.Value != b.Value ? 1 : 0);
            case TokenKind.And: return new PPNum(a.Value & b.Value, u);
            case TokenKind.Or: return new PPNum(a.Value | b.Value, u);
            case TokenKind.Xor: return new PPNum(a.Value ^ b.Value, u);
        }
        throw new ConditionError(op.Loc, $"token \"{TokenSpelling.Spell(op, _names)}\" is not valid in preprocessor expressions");
    }

    private int _conditionNesting;

    private PPNum ParseUnary()
    {
        if (++_conditionNesting > _opts.MaxConditionNesting)
        {
            _conditionNesting = 0;
            throw new ConditionError(_etok.Loc, "#if expression nested too deeply");
        }
        try
        {
            return ParseUnaryCore();
        }
        finally
        {
            if (_conditionNesting > 0) _conditionNesting--;
        }
    }

    private PPNum ParseUnaryCore()
    {
        var t = _etok;
        switch (t.Kind)
        {
            case TokenKind.Plus:
                NextExprToken();
                return ParseUnaryOperand(t);
            case TokenKind.Minus:
                {
                    NextExprToken();
                    var v = ParseUnaryOperand(t);
                    if (!v.Unsigned && v.Signed == long.MinValue && _skipEval == 0)
                        Warning(t.Loc, "integer overflow in preprocessor expression");
                    return new PPNum(0 - v.Value, v.Unsigned);
                }
            case TokenKind.Compl:
                {
                    NextExprToken();
                    var v = ParseUnaryOperand(t);
                    return new PPNum(~v.Value, v.Unsigned);
                }
            case TokenKind.Not:
                {
                    NextExprToken();
                    if (_exprTokenCount == 2 && _etok.Kind == TokenKind.Identifier && _etok.Text == _idDefined)
                        _leadingNotDefined = true;
                    var v = ParseUnaryOperand(t);
                    return PPNum.Int(v.IsZero ? 1 : 0);
                }
            default:
                return ParsePrimary();
        }
    }

    private bool _leadingNotDefined;

    private PPNum ParseUnaryOperand(in Token op)
    {
        if (_etok.Kind == TokenKind.EndOfDirective)
            throw new ConditionError(op.Loc, $"operator '{TokenSpelling.Spell(op, _names)}' has no right operand");
        return ParseUnary();
    }

    private PPNum ParsePrimary()
    {
        var t = _etok;
        switch (t.Kind)
        {
            case TokenKind.OpenParen:
                {
                    NextExprToken();
                    if (_etok.Kind == TokenKind.CloseParen)
                        throw new ConditionError(_etok.Loc, "missing expression between '(' and ')'");
                    var v = ParseCommaExpr();
                    if (_etok.Kind != TokenKind.CloseParen)
                    {
                        if (_etok.Kind == TokenKind.EndOfDirective)
                            throw new ConditionError(t.Loc, "missing ')' in expression");
                        throw new ConditionError(_etok.Loc, $"missing binary operator before token \"{TokenSpelling.Spell(_etok, _names)}\"");
                    }
                    NextExprToken();
                    return v;
                }
            case TokenKind.Number:
                {
                    var v = InterpretInteger(t);
                    NextExprToken();
                    return v;
                }
            case TokenKind.CharConst:
            case TokenKind.WCharConst:
            case TokenKind.Char16Const:
            case TokenKind.Char32Const:
            case TokenKind.Utf8CharConst:
                {
                    var v = InterpretCharConst(t);
                    NextExprToken();
                    return v;
                }
            case TokenKind.Identifier:
                {
                    if (t.Text == _idDefined) return ParseDefined(t);
                    _condMacros.Add(t.Text); // consulted and not a macro: the condition depends on it staying undefined
                    if (_opts.WarnUndef && _skipEval == 0)
                        Warning(t.Loc, $"\"{_names[t.Text]}\" is not defined, evaluates to 0");
                    NextExprToken();
                    if (_etok.Kind == TokenKind.OpenParen && LookupMacro(t.Text) is { IsFunctionLike: true })
                        throw new ConditionError(t.Loc, $"function-like macro \"{_names[t.Text]}\" is not defined");
                    return PPNum.Int(0);
                }
            case TokenKind.EndOfDirective:
                throw new ConditionError(t.Loc, "#if with no expression");
            default:
                if (Precedence(t.Kind) > 0 || t.Kind is TokenKind.Query or TokenKind.Colon or TokenKind.Comma)
                    throw new ConditionError(t.Loc, $"operator '{TokenSpelling.Spell(t, _names)}' has no left operand");
                throw new ConditionError(t.Loc, $"token \"{TokenSpelling.Spell(t, _names)}\" is not valid in preprocessor expressions");
        }
    }

    /// <summary>gcc's parse_defined: <c>defined X</c> or <c>defined ( X )</c>, no expansion of X.</summary>
    private PPNum ParseDefined(in Token definedTok)
    {
        _preventExpansion++;
        GetTokenNoPadding(out var t);
        _exprTokenCount++;
        bool paren = false;
        if (t.Kind == TokenKind.OpenParen)
        {
            paren = true;
            GetTokenNoPadding(out t);
            _exprTokenCount++;
        }
        if (t.Kind != TokenKind.Identifier)
        {
            _preventExpansion--;
            throw new ConditionError(t.Loc, "operator \"defined\" requires an identifier");
        }
        int name = t.Text;
        if (paren)
        {
            GetTokenNoPadding(out var close);
            _exprTokenCount++;
            if (close.Kind != TokenKind.CloseParen)
            {
                _preventExpansion--;
                throw new ConditionError(close.Loc, "missing ')' after \"defined\"");
            }
        }
        _preventExpansion--;
        _condMacros.Add(name);
        // `#if !defined X` (or `!defined(X)`) alone is a candidate include guard
        if (_leadingNotDefined) _miIndCmacro = name;
        _leadingNotDefined = false;
        bool defined = LookupMacro(name) is not null;
        NextExprToken();
        return PPNum.Int(defined ? 1 : 0);
    }

    /// <summary>gcc's cpp_classify_number + cpp_interpret_integer for #if.</summary>
    private PPNum InterpretInteger(in Token t)
    {
        string s = _names[t.Text];
        int i = 0;
        int radix = 10;
        if (s.Length > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) { radix = 16; i = 2; }
        else if (s.Length > 1 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) { radix = 2; i = 2; }
        else if (s[0] == '0') radix = 8;

        int digitsStart = i;
        while (i < s.Length && (Uri.IsHexDigit(s[i]) || s[i] == '.' || s[i] == '\'')) { if (radix != 16 && (s[i] == 'e' || s[i] == 'E')) break; i++; }
        string digits = s.Substring(digitsStart, i - digitsStart).Replace("'", "");
        string suffix = s.Substring(i);
        bool isFloat = digits.Contains('.') || (radix != 16 && suffix.Length > 0 && (suffix[0] == 'e' || suffix[0] == 'E'))
                       || (radix == 16 && suffix.Length > 0 && (suffix[0] == 'p' || suffix[0] == 'P'));
        if (isFloat) throw new ConditionError(t.Loc, "floating constant in preprocessor expression");
        if (radix == 2 && digits.Length == 0 || radix == 16 && digits.Length == 0)
            throw new ConditionError(t.Loc, $"invalid suffix \"{s.Substring(1)}\" on integer constant");

        bool unsignedSuffix = false;
        var su = suffix.ToLowerInvariant();
        if (su.Contains('i') || su.Contains('j'))
            throw new ConditionError(t.Loc, "imaginary number in preprocessor expression");
        if (!IsValidIntegerSuffix(suffix, out unsignedSuffix))
            throw new ConditionError(t.Loc, $"invalid suffix \"{suffix}\" on integer constant");

        ulong value = 0;
        bool overflow = false;
        foreach (char c in digits)
        {
            int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            if (d >= radix)
            {
                if (radix == 8) throw new ConditionError(t.Loc, $"invalid digit \"{c}\" in octal constant");
                if (radix == 2) throw new ConditionError(t.Loc, $"invalid digit \"{c}\" in binary constant");
                throw new ConditionError(t.Loc, $"invalid suffix \"{s.Substring(digitsStart + digits.IndexOf(c))}\" on integer constant");
            }
            ulong nv = value * (ulong)radix + (ulong)d;
            if (value > (ulong.MaxValue - (ulong)d) / (ulong)radix) overflow = true;
            value = nv;
        }
        if (overflow) Warning(t.Loc, "integer constant is too large for its type");
        bool isUnsigned = unsignedSuffix;
        if (!isUnsigned && value > long.MaxValue)
        {
            if (radix == 10 && !overflow) Warning(t.Loc, "integer constant is so large that it is unsigned");
            isUnsigned = true;
        }
        return new PPNum(value, isUnsigned);
    }

    private static bool IsValidIntegerSuffix(string suffix, out bool unsignedSuffix)
    {
        unsignedSuffix = false;
        switch (suffix)
        {
            case "": return true;
            case "u": case "U": unsignedSuffix = true; return true;
            case "l": case "L": case "ll": case "LL": return true;
            case "ul": case "uL": case "Ul": case "UL":
            case "lu": case "lU": case "Lu": case "LU":
            case "ull": case "uLL": case "Ull": case "ULL":
            case "llu": case "llU": case "LLu": case "LLU":
                unsignedSuffix = true; return true;
            default: return false;
        }
    }

    /// <summary>gcc's cpp_interpret_charconst for #if.</summary>
    private PPNum InterpretCharConst(in Token t)
    {
        string s = _names[t.Text];
        int q = s.IndexOf('\'');
        var chars = new List<long>();
        int i = q + 1;
        while (i < s.Length - 1)
        {
            char c = s[i];
            if (c != '\\') { chars.Add(c); i++; continue; }
            i++;
            if (i >= s.Length - 1) break;
            char e = s[i++];
            switch (e)
            {
                case 'n': chars.Add('\n'); break;
                case 't': chars.Add('\t'); break;
                case 'r': chars.Add('\r'); break;
                case 'a': chars.Add(7); break;
                case 'b': chars.Add(8); break;
                case 'f': chars.Add(12); break;
                case 'v': chars.Add(11); break;
                case 'e': case 'E': chars.Add(27); break;
                case 'x':
                    {
                        long v = 0;
                        while (i < s.Length - 1 && Uri.IsHexDigit(s[i])) v = v * 16 + Convert.ToInt32(s[i++].ToString(), 16);
                        chars.Add(v);
                        break;
                    }
                case 'u':
                case 'U':
                    {
                        int n = e == 'u' ? 4 : 8;
                        long v = 0;
                        for (int k = 0; k < n && i < s.Length - 1 && Uri.IsHexDigit(s[i]); k++)
                            v = v * 16 + Convert.ToInt32(s[i++].ToString(), 16);
                        if (t.Kind == TokenKind.CharConst || t.Kind == TokenKind.Utf8CharConst)
                            foreach (var b in System.Text.Encoding.UTF8.GetBytes(char.ConvertFromUtf32((int)v))) chars.Add(b);
                        else chars.Add(v);
                        break;
                    }
                default:
                    if (e >= '0' && e <= '7')
                    {
                        long v = e - '0';
                        int k = 1;
                        while (k < 3 && i < s.Length - 1 && s[i] >= '0' && s[i] <= '7') { v = v * 8 + (s[i++] - '0'); k++; }
                        chars.Add(v);
                    }
                    else chars.Add(e);
                    break;
            }
        }
        if (chars.Count == 0) throw new ConditionError(t.Loc, "empty character constant");

        int width;
        bool unsignedP;
        switch (t.Kind)
        {
            case TokenKind.WCharConst: width = _opts.WCharBits; unsignedP = _opts.WCharIsUnsigned; break;
            case TokenKind.Char16Const: width = 16; unsignedP = true; break;
            case TokenKind.Char32Const: width = 32; unsignedP = true; break;
            case TokenKind.Utf8CharConst: width = 8; unsignedP = true; break;
            default: width = 8; unsignedP = _opts.CharIsUnsigned; break;
        }
        long result;
        if (t.Kind == TokenKind.CharConst)
        {
            result = 0;
            foreach (var c in chars) result = (result << 8) | (c & 0xff);
            if (chars.Count > 1)
            {
                Warning(t.Loc, "multi-character character constant");
                unsignedP = false;
                width = 32;
            }
        }
        else
        {
            if (chars.Count > 1) Warning(t.Loc, "character constant too long for its type");
            result = chars[^1];
        }
        long mask = (1L << width) - 1;
        if (unsignedP || (result & (1L << (width - 1))) == 0) result &= mask;
        else result |= ~mask;
        return new PPNum((ulong)result, unsignedP);
    }
}
