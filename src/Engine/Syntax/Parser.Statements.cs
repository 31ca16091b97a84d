using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Syntax;

public sealed partial class Parser
{
    private CompoundStatement ParseCompoundStatement(bool openScope)
    {
        var c = new CompoundStatement { FirstToken = _pos };
        Advance(); // '{'
        Nest();
        if (openScope) PushScope();
        int mark = _scratchTop;
        while (_kind != TokenKind.CloseBrace && _kind != TokenKind.EndOfFile)
        {
            int start = _pos;
            var item = ParseBlockItem();
            if (item is not null) Push(item);
            if (_pos == start && _kind != TokenKind.CloseBrace)
            {
                Error(_pos, "expected statement" + Before(_pos));
                Advance();
            }
        }
        c.Items = PopArray<BlockItem>(mark);
        if (openScope) PopScope();
        Unnest();
        if (_kind == TokenKind.CloseBrace) Advance();
        else ErrorExpected("declaration or statement");
        c.LastToken = _prev;
        return c;
    }

    private BlockItem? ParseBlockItem()
    {
        if (_kind == TokenKind.OpenSquare && AtStandardAttribute) return ParseAttributedBlockItem();
        if (_kind == TokenKind.Identifier)
        {
            var kw = CurrentKeyword;
            switch (kw)
            {
                case Keyword.None:
                    if (PeekKind() == TokenKind.Colon) return ParseStatement();
                    if (StartsDeclaration(_pos)) return ParseDeclarationOrFunctionDefinition(DeclContext.Block, _pos, false, null);
                    return ParseStatement();
                case Keyword.Label:
                    return ParseLabelDeclaration();
                case Keyword.StaticAssert:
                    return ParseStaticAssert();
                case Keyword.Extension:
                {
                    int p = _pos;
                    while (KeywordAt(p) == Keyword.Extension)
                    {
                        p++;
                        while (Transparent[(int)_toks[p].Kind]) p++;
                    }
                    if (StartsDeclaration(p))
                    {
                        int start = _pos;
                        while (CurrentKeyword == Keyword.Extension) Advance();
                        return ParseDeclarationOrFunctionDefinition(DeclContext.Block, start, true, null);
                    }
                    return ParseStatement();
                }
                case Keyword.Attribute:
                    return ParseAttributedBlockItem();
                default:
                    if (DeclSpecKeyword[(int)kw]) return ParseDeclarationOrFunctionDefinition(DeclContext.Block, _pos, false, null);
                    break;
            }
        }
        return ParseStatement();
    }

    /// <summary>Attributes at the start of a block item: on a null statement (<c>__attribute__((__fallthrough__));</c>), a declaration, or (C2x) a statement.</summary>
    private BlockItem? ParseAttributedBlockItem()
    {
        int start = _pos;
        var attrs = ParseAttributeSpecifiers();
        if (_kind == TokenKind.Semicolon)
        {
            Advance();
            return new ExpressionStatement { FirstToken = start, LastToken = _prev, Attributes = attrs };
        }
        if (attrs[^1].IsStandard && !StartsDeclaration(_pos) && !(_kind == TokenKind.Identifier && CurrentKeyword == Keyword.Extension))
        {
            var s = ParseStatement();
            if (s is ExpressionStatement { Attributes.Length: 0 } es)
            {
                es.Attributes = attrs;
                es.FirstToken = start;
            }
            return s;
        }
        return ParseDeclarationOrFunctionDefinition(DeclContext.Block, start, false, attrs);
    }

    private LabelDeclaration ParseLabelDeclaration()
    {
        var n = new LabelDeclaration { FirstToken = _pos };
        Advance();
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
        int count = (_intTop - mark) / 2;
        var names = new int[count];
        var toks = new int[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = _intScratch[mark + 2 * i];
            toks[i] = _intScratch[mark + 2 * i + 1];
        }
        _intTop = mark;
        n.Names = names;
        n.NameTokens = toks;
        ExpectSemicolon();
        n.LastToken = _prev;
        return n;
    }

    /// <summary>A statement in a scope of its own (the sub-statements of if/switch/while/do/for, C99 6.8.4p3).</summary>
    private Statement ParseScopedStatement()
    {
        PushScope();
        var s = ParseStatement();
        PopScope();
        return s;
    }

    private Statement ParseStatement()
    {
        if (_kind == TokenKind.OpenBrace) return ParseCompoundStatement(openScope: true); // nests by itself
        Nest();
        var s = ParseStatementInner();
        Unnest();
        return s;
    }

    private Statement ParseStatementInner()
    {
        int start = _pos;
        switch (_kind)
        {
            case TokenKind.OpenBrace:
                return ParseCompoundStatement(openScope: true);
            case TokenKind.Semicolon:
                Advance();
                return new ExpressionStatement { FirstToken = start, LastToken = start };
            case TokenKind.Identifier:
                switch (CurrentKeyword)
                {
                    case Keyword.None:
                        if (PeekKind() == TokenKind.Colon) return ParseLabeledStatement();
                        break;
                    case Keyword.Case:
                        return ParseCaseStatement();
                    case Keyword.Default:
                    {
                        Advance();
                        Expect(TokenKind.Colon);
                        var d = new DefaultStatement { FirstToken = start };
                        d.Body = ParseLabelBody();
                        d.LastToken = _prev;
                        return d;
                    }
                    case Keyword.If:
                        return ParseIfStatement();
                    case Keyword.Switch:
                    {
                        Advance();
                        var s = new SwitchStatement { FirstToken = start };
                        s.Condition = ParseParenthesizedCondition();
                        s.Body = ParseScopedStatement();
                        s.LastToken = _prev;
                        return s;
                    }
                    case Keyword.While:
                    {
                        Advance();
                        var s = new WhileStatement { FirstToken = start };
                        s.Condition = ParseParenthesizedCondition();
                        s.Body = ParseScopedStatement();
                        s.LastToken = _prev;
                        return s;
                    }
                    case Keyword.Do:
                    {
                        Advance();
                        var s = new DoStatement { FirstToken = start };
                        s.Body = ParseScopedStatement();
                        if (CurrentKeyword == Keyword.While)
                        {
                            Advance();
                            s.Condition = ParseParenthesizedCondition();
                            ExpectSemicolon();
                        }
                        else
                        {
                            ErrorExpected("'while'");
                            s.Condition = new ErrorExpression { FirstToken = _pos, LastToken = _prev };
                            SkipToStatementEnd();
                        }
                        s.LastToken = _prev;
                        return s;
                    }
                    case Keyword.For:
                        return ParseForStatement();
                    case Keyword.Goto:
                    {
                        Advance();
                        var g = new GotoStatement { FirstToken = start };
                        if (_kind == TokenKind.Mult)
                        {
                            Advance();
                            g.Target = ParseExpression();
                        }
                        else if (_kind == TokenKind.Identifier)
                        {
                            g.Label = CurrentText;
                            g.LabelToken = _pos;
                            Advance();
                        }
                        else ErrorExpected("identifier or '*'");
                        ExpectSemicolon();
                        g.LastToken = _prev;
                        return g;
                    }
                    case Keyword.Continue:
                        Advance();
                        ExpectSemicolon();
                        return new ContinueStatement { FirstToken = start, LastToken = _prev };
                    case Keyword.Break:
                        Advance();
                        ExpectSemicolon();
                        return new BreakStatement { FirstToken = start, LastToken = _prev };
                    case Keyword.Return:
                    {
                        Advance();
                        var r = new ReturnStatement { FirstToken = start };
                        if (_kind != TokenKind.Semicolon) r.Value = ParseExpression();
                        ExpectSemicolon();
                        r.LastToken = _prev;
                        return r;
                    }
                    case Keyword.Asm:
                        return ParseAsmStatement();
                    case Keyword.Attribute:
                    {
                        var attrs = ParseAttributeSpecifiers();
                        var e = new ExpressionStatement { FirstToken = start, Attributes = attrs };
                        if (_kind != TokenKind.Semicolon) e.Expression = ParseExpression();
                        ExpectSemicolon();
                        e.LastToken = _prev;
                        return e;
                    }
                }
                break;
        }
        var es = new ExpressionStatement { FirstToken = start };
        es.Expression = ParseExpression();
        ExpectSemicolon();
        es.LastToken = _prev;
        return es;
    }

    private Expression ParseParenthesizedCondition()
    {
        if (!Expect(TokenKind.OpenParen)) return new ErrorExpression { FirstToken = _pos, LastToken = _prev };
        var e = ParseExpression();
        if (_kind == TokenKind.CloseParen) Advance();
        else
        {
            ErrorMissing("')'");
            SkipToCloseParen();
        }
        return e;
    }

    private LabeledStatement ParseLabeledStatement()
    {
        var l = new LabeledStatement { FirstToken = _pos, Label = CurrentText };
        Advance();
        Advance(); // ':'
        l.Attributes = ParseAttributeSpecifiers();
        l.Body = ParseLabelBody();
        l.LastToken = _prev;
        return l;
    }

    /// <summary>What follows a label: a statement, a declaration (C2x; gcc accepts), or nothing before '}'.</summary>
    private BlockItem? ParseLabelBody()
    {
        if (_kind == TokenKind.CloseBrace) return null; // gcc: "label at end of compound statement" (pedantic)
        if (_kind == TokenKind.Identifier)
        {
            var kw = CurrentKeyword;
            if (kw == Keyword.None ? PeekKind() != TokenKind.Colon && StartsDeclaration(_pos) : kw != Keyword.Attribute && DeclSpecKeyword[(int)kw])
                return ParseDeclarationOrFunctionDefinition(DeclContext.Block, _pos, false, null);
            if (kw == Keyword.StaticAssert) return ParseStaticAssert();
        }
        return ParseStatement();
    }

    private CaseStatement ParseCaseStatement()
    {
        var c = new CaseStatement { FirstToken = _pos };
        Advance();
        c.Value = ParseConditional();
        if (_kind == TokenKind.Ellipsis)
        {
            Advance();
            c.RangeEnd = ParseConditional();
        }
        if (_kind == TokenKind.Colon) Advance();
        else
        {
            ErrorExpected(c.RangeEnd is null ? "':' or '...'" : "':'");
            if (_kind != TokenKind.Semicolon && _kind != TokenKind.CloseBrace)
            {
                SkipToStatementEnd();
                c.LastToken = _prev;
                return c;
            }
        }
        c.Body = ParseLabelBody();
        c.LastToken = _prev;
        return c;
    }

    /// <summary>
    /// An if statement; an <c>else if</c> chain is parsed in a loop (gcc's PR c/2161 test has
    /// 11 000 of them), so it does not count against the nesting bound. The tree is still a
    /// chain of nested <see cref="IfStatement"/>s.
    /// </summary>
    private IfStatement ParseIfStatement()
    {
        int mark = _scratchTop;
        int scopes = 0;
        IfStatement? prev = null;
        IfStatement first = null!;
        while (true)
        {
            var s = new IfStatement { FirstToken = _pos };
            Push(s);
            if (prev is null) first = s;
            else prev.Else = s;
            Advance();
            s.Condition = ParseParenthesizedCondition();
            s.Then = ParseScopedStatement();
            if (CurrentKeyword != Keyword.Else) break;
            Advance();
            if (CurrentKeyword == Keyword.If)
            {
                // the else branch is a block of its own holding the next if
                PushScope();
                scopes++;
                prev = s;
                continue;
            }
            s.Else = ParseScopedStatement();
            break;
        }
        while (scopes-- > 0) PopScope();
        for (int i = mark; i < _scratchTop; i++)
        {
            _scratch[i].LastToken = _prev;
            _scratch[i] = null!;
        }
        _scratchTop = mark;
        return first;
    }

    private ForStatement ParseForStatement()
    {
        var f = new ForStatement { FirstToken = _pos };
        Advance();
        PushScope();
        if (Expect(TokenKind.OpenParen))
        {
            if (_kind == TokenKind.Semicolon) Advance();
            else
            {
                int p = _pos;
                while (KeywordAt(p) == Keyword.Extension)
                {
                    p++;
                    while (Transparent[(int)_toks[p].Kind]) p++;
                }
                if (StartsDeclaration(p))
                {
                    int start = _pos;
                    while (CurrentKeyword == Keyword.Extension) Advance();
                    f.InitDeclaration = ParseDeclarationOrFunctionDefinition(DeclContext.ForInit, start, start != _pos, null);
                }
                else
                {
                    f.Init = ParseExpression();
                    Expect(TokenKind.Semicolon);
                }
            }
            if (_kind != TokenKind.Semicolon) f.Condition = ParseExpression();
            Expect(TokenKind.Semicolon);
            if (_kind != TokenKind.CloseParen) f.Step = ParseExpression();
            if (_kind == TokenKind.CloseParen) Advance();
            else
            {
                ErrorMissing("')'");
                SkipToCloseParen();
            }
        }
        f.Body = ParseScopedStatement();
        PopScope();
        f.LastToken = _prev;
        return f;
    }
}
