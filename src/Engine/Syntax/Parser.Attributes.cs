using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Syntax;

public sealed partial class Parser
{
    /// <summary>At <c>[[</c>: in C it always starts standard attributes (gcc accepts them in every GNU mode).</summary>
    private bool AtStandardAttribute => _kind == TokenKind.OpenSquare && PeekKind() == TokenKind.OpenSquare;

    private bool AtAttribute => _kind == TokenKind.Identifier ? CurrentKeyword == Keyword.Attribute : AtStandardAttribute;

    /// <summary>Zero or more <c>__attribute__((...))</c> or <c>[[...]]</c> specifiers.</summary>
    private AttributeSpecifier[] ParseAttributeSpecifiers()
    {
        if (!AtAttribute) return Array.Empty<AttributeSpecifier>();
        int mark = _scratchTop;
        while (AtAttribute) Push(_kind == TokenKind.OpenSquare ? ParseStandardAttributeSpecifier() : ParseAttributeSpecifier());
        return PopArray<AttributeSpecifier>(mark);
    }

    /// <summary>
    /// <c>[[ prefix::name(balanced tokens), ... ]]</c> (C2x). Arguments are kept as a raw token
    /// range only. Without the C2x lexer '::' arrives as two ':' tokens.
    /// </summary>
    private AttributeSpecifier ParseStandardAttributeSpecifier()
    {
        var spec = new AttributeSpecifier { FirstToken = _pos, IsStandard = true };
        Advance();
        Advance();
        Nest();
        int mark = _scratchTop;
        while (_kind != TokenKind.CloseSquare && _kind != TokenKind.EndOfFile)
        {
            if (_kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }
            if (_kind != TokenKind.Identifier)
            {
                ErrorExpected("identifier");
                break;
            }
            var a = new AttributeItem { FirstToken = _pos, Name = CurrentText, NameToken = _pos };
            Advance();
            if (_kind == TokenKind.Scope || (_kind == TokenKind.Colon && PeekKind() == TokenKind.Colon))
            {
                if (_kind == TokenKind.Scope) Advance();
                else
                {
                    Advance();
                    Advance();
                }
                a.Namespace = a.Name;
                if (_kind == TokenKind.Identifier)
                {
                    a.Name = CurrentText;
                    a.NameToken = _pos;
                    Advance();
                }
                else ErrorExpected("identifier");
            }
            if (_kind == TokenKind.OpenParen)
            {
                a.HasArguments = true;
                Advance();
                a.ArgumentsFirstToken = _pos;
                int depth = 0;
                while (_kind != TokenKind.EndOfFile && !(depth == 0 && _kind == TokenKind.CloseParen))
                {
                    if (_kind is TokenKind.OpenParen or TokenKind.OpenSquare or TokenKind.OpenBrace) depth++;
                    else if (_kind is TokenKind.CloseParen or TokenKind.CloseSquare or TokenKind.CloseBrace) depth--;
                    Advance();
                }
                a.ArgumentsLastToken = _prev;
                Expect(TokenKind.CloseParen);
            }
            a.LastToken = _prev;
            Push(a);
            if (_kind != TokenKind.Comma && _kind != TokenKind.CloseSquare)
            {
                ErrorExpected("']'");
                break;
            }
        }
        spec.Attributes = PopArray<AttributeItem>(mark);
        Unnest();
        if (Expect(TokenKind.CloseSquare)) Expect(TokenKind.CloseSquare);
        spec.LastToken = _prev;
        return spec;
    }

    /// <summary><c>__attribute__ ( ( attribute-list ) )</c>; the keyword is current.</summary>
    private AttributeSpecifier ParseAttributeSpecifier()
    {
        var spec = new AttributeSpecifier { FirstToken = _pos };
        Advance();
        Nest();
        if (!Expect(TokenKind.OpenParen) || !Expect(TokenKind.OpenParen))
        {
            SkipToCloseParen();
            Unnest();
            spec.LastToken = _prev;
            return spec;
        }
        int mark = _scratchTop;
        while (_kind != TokenKind.CloseParen && _kind != TokenKind.EndOfFile)
        {
            if (_kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }
            if (_kind != TokenKind.Identifier)
            {
                ErrorExpected("identifier");
                break;
            }
            var a = new AttributeItem { FirstToken = _pos, Name = CurrentText, NameToken = _pos };
            Advance();
            if (_kind == TokenKind.OpenParen)
            {
                a.HasArguments = true;
                Advance();
                a.ArgumentsFirstToken = _pos;
                int amark = _scratchTop;
                if (_kind != TokenKind.CloseParen)
                {
                    if (AtPlainIdentifier && PeekKind() is TokenKind.Comma or TokenKind.CloseParen)
                    {
                        a.FirstArgumentIsIdentifier = true;
                        Push(new IdentifierExpression { Name = CurrentText, FirstToken = _pos, LastToken = _pos });
                        Advance();
                        if (_kind == TokenKind.Comma) Advance();
                        else goto argsDone;
                    }
                    while (true)
                    {
                        Push(ParseAssignment());
                        if (_kind != TokenKind.Comma) break;
                        Advance();
                    }
                }
            argsDone:
                a.Arguments = PopArray<Expression>(amark);
                a.ArgumentsLastToken = _kind == TokenKind.CloseParen ? _prev : _pos - 1;
                if (_kind == TokenKind.CloseParen) Advance();
                else
                {
                    ErrorMissing("')'");
                    SkipToCloseParen();
                }
            }
            a.LastToken = _prev;
            Push(a);
            if (_kind != TokenKind.Comma && _kind != TokenKind.CloseParen)
            {
                ErrorMissing("')'");
                break;
            }
        }
        spec.Attributes = PopArray<AttributeItem>(mark);
        Unnest();
        if (Expect(TokenKind.CloseParen)) Expect(TokenKind.CloseParen);
        else SkipToCloseParen();
        spec.LastToken = _prev;
        return spec;
    }

    // ---------------------------------------------------------------- asm

    private AsmLabel ParseAsmLabel()
    {
        var l = new AsmLabel { FirstToken = _pos };
        Advance();
        Expect(TokenKind.OpenParen);
        l.Name = ParseStringLiteral();
        Expect(TokenKind.CloseParen);
        l.LastToken = _prev;
        return l;
    }

    private AsmDefinition ParseAsmDefinition()
    {
        var d = new AsmDefinition { FirstToken = _pos };
        Advance();
        int imark = _intTop;
        while (CurrentKeyword is Keyword.Volatile or Keyword.Inline or Keyword.Goto)
        {
            PushInt(_pos);
            Advance();
        }
        d.QualifierTokens = PopInts(imark);
        if (Expect(TokenKind.OpenParen))
        {
            d.Text = ParseStringLiteral();
            if (_kind == TokenKind.CloseParen) Advance();
            else
            {
                ErrorMissing("')'");
                SkipToCloseParen();
            }
            ExpectSemicolon();
        }
        else
        {
            d.Text = new StringLiteral { FirstToken = _pos, LastToken = _prev };
            SkipToStatementEnd();
        }
        d.LastToken = _prev;
        return d;
    }

    private AsmStatement ParseAsmStatement()
    {
        var s = new AsmStatement { FirstToken = _pos };
        Advance();
        int imark = _intTop;
        while (true)
        {
            var kw = CurrentKeyword;
            if (kw == Keyword.Volatile) s.IsVolatile = true;
            else if (kw == Keyword.Goto) s.IsGoto = true;
            else if (kw == Keyword.Inline) s.IsInline = true;
            else break;
            PushInt(_pos);
            Advance();
        }
        s.QualifierTokens = PopInts(imark);
        if (!Expect(TokenKind.OpenParen))
        {
            s.Template = new StringLiteral { FirstToken = _pos, LastToken = _prev };
            SkipToStatementEnd();
            s.LastToken = _prev;
            return s;
        }
        Nest();
        s.Template = ParseStringLiteral();
        int section = 0;
        while (section < 4 && _kind is TokenKind.Colon or TokenKind.Scope)
        {
            section += _kind == TokenKind.Scope ? 2 : 1;
            Advance();
            if (section > 4) break;
            if (_kind is TokenKind.Colon or TokenKind.Scope or TokenKind.CloseParen) continue;
            switch (section)
            {
                case 1:
                    s.Outputs = ParseAsmOperands();
                    break;
                case 2:
                    s.Inputs = ParseAsmOperands();
                    break;
                case 3:
                {
                    int mark = _scratchTop;
                    while (true)
                    {
                        Push(ParseStringLiteral());
                        if (!Accept(TokenKind.Comma)) break;
                    }
                    s.Clobbers = PopArray<StringLiteral>(mark);
                    break;
                }
                case 4:
                {
                    int mark = _intTop;
                    while (true)
                    {
                        if (_kind != TokenKind.Identifier)
                        {
                            ErrorExpected("identifier");
                            break;
                        }
                        PushInt(CurrentText);
                        PushInt(_pos);
                        Advance();
                        if (!Accept(TokenKind.Comma)) break;
                    }
                    int n = (_intTop - mark) / 2;
                    var names = new int[n];
                    var toks = new int[n];
                    for (int i = 0; i < n; i++)
                    {
                        names[i] = _intScratch[mark + 2 * i];
                        toks[i] = _intScratch[mark + 2 * i + 1];
                    }
                    _intTop = mark;
                    s.Labels = names;
                    s.LabelTokens = toks;
                    break;
                }
            }
        }
        s.Sections = Math.Min(section, 4);
        Unnest();
        if (_kind == TokenKind.CloseParen) Advance();
        else
        {
            ErrorMissing("')'");
            SkipToCloseParen();
        }
        ExpectSemicolon();
        s.LastToken = _prev;
        return s;
    }

    private AsmOperand[] ParseAsmOperands()
    {
        int mark = _scratchTop;
        while (true)
        {
            var o = new AsmOperand { FirstToken = _pos };
            if (_kind == TokenKind.OpenSquare)
            {
                Advance();
                if (_kind == TokenKind.Identifier)
                {
                    o.SymbolicName = CurrentText;
                    o.SymbolicNameToken = _pos;
                    Advance();
                }
                else ErrorExpected("identifier");
                Expect(TokenKind.CloseSquare);
            }
            o.Constraint = ParseStringLiteral();
            if (Expect(TokenKind.OpenParen))
            {
                o.Value = ParseExpression();
                if (_kind == TokenKind.CloseParen) Advance();
                else
                {
                    ErrorMissing("')'");
                    SkipToCloseParen();
                }
            }
            else o.Value = new ErrorExpression { FirstToken = _pos, LastToken = _prev };
            o.LastToken = _prev;
            Push(o);
            if (!Accept(TokenKind.Comma)) break;
        }
        return PopArray<AsmOperand>(mark);
    }
}
