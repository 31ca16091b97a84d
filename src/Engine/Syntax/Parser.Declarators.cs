using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Syntax;

public sealed partial class Parser
{
    private enum DeclaratorKind : byte
    {
        /// <summary>Must declare an identifier.</summary>
        Named,
        /// <summary>Must not (type names).</summary>
        Abstract,
        /// <summary>Either (parameters).</summary>
        Either,
    }

    /// <summary>
    /// A declarator. Returns null for an absent abstract declarator, or after reporting
    /// "expected identifier or '('" for a missing named one.
    /// </summary>
    private Declarator? ParseDeclarator(DeclaratorKind kind)
    {
        if (_kind != TokenKind.Mult) return ParseDirectDeclarator(kind);

        // pointers, iteratively: * quals * quals ... direct-declarator
        int mark = _scratchTop;
        int imark = _intTop;
        int stars = 0;
        while (_kind == TokenKind.Mult)
        {
            PushInt(_pos);
            Advance();
            stars++;
            Nest();
            int qmark = _scratchTop;
            ParseQualifiersAndAttributes(false);
            PushInt(_scratchTop - qmark);
        }
        var inner = ParseDirectDeclarator(kind);
        // build from the innermost (last) star outwards; the qualifiers of each star sit on the scratch stack in order
        Declarator? result = inner;
        for (int i = stars - 1; i >= 0; i--)
        {
            int nq = _intScratch[imark + 2 * i + 1];
            var ptr = new PointerDeclarator { FirstToken = _intScratch[imark + 2 * i], Inner = result };
            ptr.Qualifiers = PopArray<Specifier>(_scratchTop - nq);
            ptr.LastToken = result?.LastToken ?? (ptr.Qualifiers.Length > 0 ? ptr.Qualifiers[^1].LastToken : ptr.FirstToken);
            result = ptr;
            Unnest();
        }
        _intTop = imark;
        _scratchTop = mark;
        return result;
    }

    /// <summary>Type qualifiers, address spaces and attributes (after '*' or inside array brackets), pushed on the scratch stack.</summary>
    private bool ParseQualifiersAndAttributes(bool inArray)
    {
        bool isStatic = false;
        while (true)
        {
            if (_kind != TokenKind.Identifier)
            {
                if (!AtStandardAttribute) break;
                Push(ParseStandardAttributeSpecifier());
                continue;
            }
            var kw = CurrentKeyword;
            if (SyntaxFacts.IsTypeQualifier(kw))
            {
                if (kw == Keyword.Atomic && PeekKind() == TokenKind.OpenParen) break;
                PushKeyword(kw);
            }
            else if (kw == Keyword.Attribute) Push(ParseAttributeSpecifier());
            else if (inArray && kw == Keyword.Static)
            {
                isStatic = true;
                PushKeyword(kw);
            }
            else break;
        }
        return isStatic;
    }

    private Declarator? ParseDirectDeclarator(DeclaratorKind kind)
    {
        Declarator? d = null;
        int start = _pos;
        if (_kind == TokenKind.Identifier && kind != DeclaratorKind.Abstract && CurrentKeyword == Keyword.None)
        {
            d = new IdentifierDeclarator { Name = CurrentText, FirstToken = _pos, LastToken = _pos };
            Advance();
        }
        else if (_kind == TokenKind.OpenParen)
        {
            if (kind == DeclaratorKind.Named)
            {
                d = ParseParenthesizedDeclarator(kind, null);
                if (d is null) return null;
            }
            else
            {
                // '(' starts either a parenthesized declarator or a parameter list
                int open = _pos;
                Advance();
                var attrs = ParseAttributeSpecifiers();
                if (_kind == TokenKind.CloseParen || _kind == TokenKind.Ellipsis || StartsDeclaration(_pos)
                    || (kind == DeclaratorKind.Either && IsTypedefNameAt(_pos)))
                {
                    d = ParseFunctionSuffix(null, open, start, attrs);
                }
                else
                {
                    d = ParseParenthesizedDeclarator(kind, attrs, open);
                    if (d is null) return null;
                }
            }
        }
        else if (kind == DeclaratorKind.Named)
        {
            ErrorExpected("identifier or '('");
            return null;
        }
        else if (_kind != TokenKind.OpenSquare)
        {
            return null;
        }

        // suffixes: [ ] and ( )
        while (true)
        {
            if (_kind == TokenKind.OpenSquare)
            {
                if (AtStandardAttribute) break;
                d = ParseArraySuffix(d, start);
            }
            else if (_kind == TokenKind.OpenParen)
            {
                int open = _pos;
                Advance();
                d = ParseFunctionSuffix(d, open, start, null);
            }
            else break;
        }
        return d;
    }

    /// <summary>'(' attributes? declarator ')': the '(' is current, or already consumed at <paramref name="open"/> with <paramref name="attrs"/> parsed.</summary>
    private Declarator? ParseParenthesizedDeclarator(DeclaratorKind kind, AttributeSpecifier[]? attrs, int open = -1)
    {
        if (attrs is null)
        {
            open = _pos;
            Advance();
            attrs = ParseAttributeSpecifiers();
        }
        Nest();
        var inner = ParseDeclarator(kind == DeclaratorKind.Either ? DeclaratorKind.Either : kind);
        Unnest();
        if (inner is null)
        {
            if (kind != DeclaratorKind.Named) ErrorExpected("identifier or '('");
            return null;
        }
        Expect(TokenKind.CloseParen);
        return new ParenthesizedDeclarator { FirstToken = open, LastToken = _prev, Attributes = attrs, Inner = inner };
    }

    private ArrayDeclarator ParseArraySuffix(Declarator? inner, int start)
    {
        var a = new ArrayDeclarator { FirstToken = inner?.FirstToken ?? _pos, Inner = inner, OpenBracketToken = _pos };
        Advance();
        Nest();
        int mark = _scratchTop;
        a.IsStatic = ParseQualifiersAndAttributes(true);
        a.Qualifiers = PopArray<Specifier>(mark);
        if (_kind == TokenKind.Mult && PeekKind() == TokenKind.CloseSquare)
        {
            a.IsStar = true;
            Advance();
        }
        else if (_kind != TokenKind.CloseSquare)
        {
            a.Size = ParseAssignment();
        }
        Unnest();
        Expect(TokenKind.CloseSquare);
        a.LastToken = _prev;
        return a;
    }

    /// <summary>A parameter list; the '(' at <paramref name="open"/> is consumed. Parameters live in their own (prototype) scope.</summary>
    private FunctionDeclarator ParseFunctionSuffix(Declarator? inner, int open, int start, AttributeSpecifier[]? leadingAttrs)
    {
        var f = new FunctionDeclarator { FirstToken = inner?.FirstToken ?? open, Inner = inner, OpenParenToken = open };
        Nest();
        PushScope();
        if (_kind == TokenKind.CloseParen && leadingAttrs is not { Length: > 0 })
        {
            // () : no prototype
        }
        else if (AtPlainIdentifier && _state[CurrentText] != StateTypedef && leadingAttrs is not { Length: > 0 }
                 && PeekKind() is TokenKind.Comma or TokenKind.CloseParen)
        {
            // K&R identifier list
            int imark = _intTop;
            while (true)
            {
                if (!AtPlainIdentifier)
                {
                    ErrorExpected("identifier");
                    break;
                }
                PushInt(CurrentText);
                PushInt(_pos);
                Advance();
                if (!Accept(TokenKind.Comma)) break;
            }
            int n = (_intTop - imark) / 2;
            var names = new int[n];
            var toks = new int[n];
            for (int i = 0; i < n; i++)
            {
                names[i] = _intScratch[imark + 2 * i];
                toks[i] = _intScratch[imark + 2 * i + 1];
            }
            _intTop = imark;
            f.IdentifierNames = names;
            f.IdentifierTokens = toks;
        }
        else
        {
            int mark = _scratchTop;
            var leading = leadingAttrs;
            while (_kind != TokenKind.EndOfFile)
            {
                if (_kind == TokenKind.Ellipsis)
                {
                    f.IsVariadic = true;
                    Advance();
                    break;
                }
                var p = ParseParameterDeclaration(leading);
                leading = null;
                if (p is null) break;
                Push(p);
                // GNU forward parameter declarations: "int n; int a[n]"
                if (_kind != TokenKind.Comma && _kind != TokenKind.Semicolon) break;
                Advance();
            }
            f.Parameters = PopArray<ParameterDeclaration>(mark);
        }
        PopScope();
        Unnest();
        if (_kind == TokenKind.CloseParen) Advance();
        else
        {
            ErrorExpected(f.IdentifierNames is not null ? "')'" : "';', ',' or ')'");
            SkipToCloseParen();
        }
        f.LastToken = _prev;
        return f;
    }

    /// <summary>Error recovery inside parentheses: skip to the matching ')' (consumed), stopping before ';', '{' or '}' at depth 0.</summary>
    private void SkipToCloseParen()
    {
        int depth = 0;
        while (_kind != TokenKind.EndOfFile)
        {
            switch (_kind)
            {
                case TokenKind.OpenParen:
                    depth++;
                    break;
                case TokenKind.CloseParen:
                    if (depth == 0)
                    {
                        Advance();
                        return;
                    }
                    depth--;
                    break;
                case TokenKind.Semicolon:
                case TokenKind.OpenBrace:
                case TokenKind.CloseBrace:
                    if (depth == 0) return;
                    break;
            }
            Advance();
        }
    }

    private ParameterDeclaration? ParseParameterDeclaration(AttributeSpecifier[]? leading)
    {
        int start = leading is { Length: > 0 } ? leading[0].FirstToken : _pos;
        var specs = ParseDeclarationSpecifiers(SpecContext.Parameter, false, leading);
        if (specs.Items.Length == 0)
        {
            ErrorExpected("declaration specifiers or '...'");
            return null;
        }
        var p = new ParameterDeclaration { FirstToken = start, Specifiers = specs };
        p.Declarator = ParseDeclarator(DeclaratorKind.Either);
        p.Attributes = ParseAttributeSpecifiers();
        var id = p.Declarator?.FindName();
        if (id is not null)
        {
            if (!specs.HasTypeSpecifier) WarnImplicitInt(id);
            Declare(id.Name, false);
        }
        p.LastToken = _prev;
        return p;
    }
}
