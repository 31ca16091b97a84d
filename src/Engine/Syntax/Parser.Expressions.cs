using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Syntax;

public sealed partial class Parser
{
    private static readonly byte[] BinaryPrecedence = BuildPrecedence();
    private static readonly BinaryOperator[] BinaryOperatorOf = BuildBinaryOperators();
    private static readonly sbyte[] AssignmentOperatorOf = BuildAssignmentOperators();

    private static byte[] BuildPrecedence()
    {
        var p = new byte[(int)TokenKind.EndOfFile + 1];
        p[(int)TokenKind.OrOr] = 1;
        p[(int)TokenKind.AndAnd] = 2;
        p[(int)TokenKind.Or] = 3;
        p[(int)TokenKind.Xor] = 4;
        p[(int)TokenKind.And] = 5;
        p[(int)TokenKind.EqEq] = p[(int)TokenKind.NotEq] = 6;
        p[(int)TokenKind.Less] = p[(int)TokenKind.Greater] = p[(int)TokenKind.LessEq] = p[(int)TokenKind.GreaterEq] = 7;
        p[(int)TokenKind.LShift] = p[(int)TokenKind.RShift] = 8;
        p[(int)TokenKind.Plus] = p[(int)TokenKind.Minus] = 9;
        p[(int)TokenKind.Mult] = p[(int)TokenKind.Div] = p[(int)TokenKind.Mod] = 10;
        return p;
    }

    private static BinaryOperator[] BuildBinaryOperators()
    {
        var o = new BinaryOperator[(int)TokenKind.EndOfFile + 1];
        o[(int)TokenKind.OrOr] = BinaryOperator.LogicalOr;
        o[(int)TokenKind.AndAnd] = BinaryOperator.LogicalAnd;
        o[(int)TokenKind.Or] = BinaryOperator.BitwiseOr;
        o[(int)TokenKind.Xor] = BinaryOperator.BitwiseXor;
        o[(int)TokenKind.And] = BinaryOperator.BitwiseAnd;
        o[(int)TokenKind.EqEq] = BinaryOperator.Equal;
        o[(int)TokenKind.NotEq] = BinaryOperator.NotEqual;
        o[(int)TokenKind.Less] = BinaryOperator.Less;
        o[(int)TokenKind.Greater] = BinaryOperator.Greater;
        o[(int)TokenKind.LessEq] = BinaryOperator.LessOrEqual;
        o[(int)TokenKind.GreaterEq] = BinaryOperator.GreaterOrEqual;
        o[(int)TokenKind.LShift] = BinaryOperator.ShiftLeft;
        o[(int)TokenKind.RShift] = BinaryOperator.ShiftRight;
        o[(int)TokenKind.Plus] = BinaryOperator.Add;
        o[(int)TokenKind.Minus] = BinaryOperator.Subtract;
        o[(int)TokenKind.Mult] = BinaryOperator.Multiply;
        o[(int)TokenKind.Div] = BinaryOperator.Divide;
        o[(int)TokenKind.Mod] = BinaryOperator.Remainder;
        return o;
    }

    private static sbyte[] BuildAssignmentOperators()
    {
        var o = new sbyte[(int)TokenKind.EndOfFile + 1];
        Array.Fill(o, (sbyte)-1);
        o[(int)TokenKind.Eq] = (sbyte)BinaryOperator.Assign;
        o[(int)TokenKind.MultEq] = (sbyte)BinaryOperator.MultiplyAssign;
        o[(int)TokenKind.DivEq] = (sbyte)BinaryOperator.DivideAssign;
        o[(int)TokenKind.ModEq] = (sbyte)BinaryOperator.RemainderAssign;
        o[(int)TokenKind.PlusEq] = (sbyte)BinaryOperator.AddAssign;
        o[(int)TokenKind.MinusEq] = (sbyte)BinaryOperator.SubtractAssign;
        o[(int)TokenKind.LShiftEq] = (sbyte)BinaryOperator.ShiftLeftAssign;
        o[(int)TokenKind.RShiftEq] = (sbyte)BinaryOperator.ShiftRightAssign;
        o[(int)TokenKind.AndEq] = (sbyte)BinaryOperator.AndAssign;
        o[(int)TokenKind.XorEq] = (sbyte)BinaryOperator.XorAssign;
        o[(int)TokenKind.OrEq] = (sbyte)BinaryOperator.OrAssign;
        return o;
    }

    /// <summary>expression: assignment-expression (, assignment-expression)*</summary>
    private Expression ParseExpression()
    {
        var e = ParseAssignment();
        while (_kind == TokenKind.Comma)
        {
            int op = _pos;
            Advance();
            var r = ParseAssignment();
            e = new BinaryExpression(SyntaxKind.CommaExpression)
            {
                Operator = BinaryOperator.Comma, OperatorToken = op, Left = e, Right = r, FirstToken = e.FirstToken, LastToken = _prev,
            };
        }
        return e;
    }

    private Expression ParseAssignment()
    {
        var lhs = ParseConditional();
        int op = AssignmentOperatorOf[(int)_kind];
        if (op < 0) return lhs;
        int opTok = _pos;
        Advance();
        Nest();
        var rhs = ParseAssignment();
        Unnest();
        return new BinaryExpression(SyntaxKind.AssignmentExpression)
        {
            Operator = (BinaryOperator)op, OperatorToken = opTok, Left = lhs, Right = rhs, FirstToken = lhs.FirstToken, LastToken = _prev,
        };
    }

    private Expression ParseConditional()
    {
        var c = ParseBinary(1);
        if (_kind != TokenKind.Query) return c;
        Advance();
        Nest();
        var n = new ConditionalExpression { FirstToken = c.FirstToken, Condition = c };
        if (_kind != TokenKind.Colon) n.WhenTrue = ParseExpression();
        if (_kind == TokenKind.Colon)
        {
            Advance();
            n.WhenFalse = ParseConditional();
        }
        else
        {
            ErrorMissing("':'");
            n.WhenFalse = new ErrorExpression { FirstToken = _pos, LastToken = _prev };
        }
        Unnest();
        n.LastToken = _prev;
        return n;
    }

    /// <summary>Precedence climbing over the binary operators (levels 1 '||' … 10 '*').</summary>
    private Expression ParseBinary(int minPrec)
    {
        var left = ParseCast();
        while (true)
        {
            int prec = BinaryPrecedence[(int)_kind];
            if (prec < minPrec || prec == 0) return left;
            var op = BinaryOperatorOf[(int)_kind];
            int opTok = _pos;
            Advance();
            var right = prec == 10 ? ParseCast() : ParseBinary(prec + 1);
            left = new BinaryExpression(SyntaxKind.BinaryExpression)
            {
                Operator = op, OperatorToken = opTok, Left = left, Right = right, FirstToken = left.FirstToken, LastToken = _prev,
            };
        }
    }

    private Expression ParseCast()
    {
        if (_kind == TokenKind.OpenParen && StartsTypeName(PeekIndex(1)))
        {
            int start = _pos;
            Advance();
            Nest();
            var type = ParseTypeName();
            Expect(TokenKind.CloseParen);
            Expression e;
            if (_kind == TokenKind.OpenBrace)
            {
                var init = ParseInitializerList();
                e = ParsePostfixSuffixes(new CompoundLiteralExpression { FirstToken = start, LastToken = _prev, Type = type, Initializer = init });
            }
            else
            {
                var operand = ParseCast();
                e = new CastExpression { FirstToken = start, LastToken = _prev, Type = type, Operand = operand };
            }
            Unnest();
            return e;
        }
        return ParseUnary();
    }

    private Expression ParseUnary()
    {
        UnaryOperator op;
        switch (_kind)
        {
            case TokenKind.PlusPlus:
                op = UnaryOperator.PreIncrement;
                goto prefixUnary;
            case TokenKind.MinusMinus:
                op = UnaryOperator.PreDecrement;
                goto prefixUnary;
            case TokenKind.And:
                op = UnaryOperator.AddressOf;
                goto prefixCast;
            case TokenKind.Mult:
                op = UnaryOperator.Dereference;
                goto prefixCast;
            case TokenKind.Plus:
                op = UnaryOperator.Plus;
                goto prefixCast;
            case TokenKind.Minus:
                op = UnaryOperator.Minus;
                goto prefixCast;
            case TokenKind.Compl:
                op = UnaryOperator.BitwiseNot;
                goto prefixCast;
            case TokenKind.Not:
                op = UnaryOperator.LogicalNot;
                goto prefixCast;
            case TokenKind.AndAnd:
            {
                var n = new LabelAddressExpression { FirstToken = _pos };
                Advance();
                if (_kind == TokenKind.Identifier)
                {
                    n.Label = CurrentText;
                    Advance();
                }
                else ErrorExpected("identifier");
                n.LastToken = _prev;
                return n;
            }
            case TokenKind.Identifier:
                switch (CurrentKeyword)
                {
                    case Keyword.Sizeof:
                        return ParseSizeofOrAlignof(SyntaxKind.SizeofExpression);
                    case Keyword.Alignof:
                        return ParseSizeofOrAlignof(SyntaxKind.AlignofExpression);
                    case Keyword.Real:
                        op = UnaryOperator.Real;
                        goto prefixCast;
                    case Keyword.Imag:
                        op = UnaryOperator.Imag;
                        goto prefixCast;
                    case Keyword.Extension:
                        op = UnaryOperator.Extension;
                        goto prefixCast;
                }
                break;
        }
        return ParsePostfix();

    prefixUnary:
        {
            int start = _pos;
            Advance();
            Nest();
            var operand = ParseUnary();
            Unnest();
            return new UnaryExpression { Operator = op, OperatorToken = start, Operand = operand, FirstToken = start, LastToken = _prev };
        }
    prefixCast:
        {
            int start = _pos;
            Advance();
            Nest();
            var operand = ParseCast();
            Unnest();
            return new UnaryExpression { Operator = op, OperatorToken = start, Operand = operand, FirstToken = start, LastToken = _prev };
        }
    }

    private Expression ParseSizeofOrAlignof(SyntaxKind kind)
    {
        int start = _pos;
        Advance();
        Nest();
        var n = new SizeofExpression(kind) { FirstToken = start };
        if (_kind == TokenKind.OpenParen && StartsTypeName(PeekIndex(1)))
        {
            int open = _pos;
            Advance();
            var type = ParseTypeName();
            Expect(TokenKind.CloseParen);
            if (_kind == TokenKind.OpenBrace)
            {
                // sizeof (T){...}: the operand is a compound literal
                var init = ParseInitializerList();
                n.Operand = ParsePostfixSuffixes(new CompoundLiteralExpression { FirstToken = open, LastToken = _prev, Type = type, Initializer = init });
            }
            else n.Type = type;
        }
        else n.Operand = ParseUnary();
        Unnest();
        n.LastToken = _prev;
        return n;
    }

    private Expression ParsePostfix() => ParsePostfixSuffixes(ParsePrimary());

    private Expression ParsePostfixSuffixes(Expression e)
    {
        while (true)
        {
            switch (_kind)
            {
                case TokenKind.OpenSquare:
                {
                    Advance();
                    Nest();
                    var index = ParseExpression();
                    Unnest();
                    Expect(TokenKind.CloseSquare);
                    e = new IndexExpression { FirstToken = e.FirstToken, LastToken = _prev, Base = e, Index = index };
                    break;
                }
                case TokenKind.OpenParen:
                {
                    Advance();
                    Nest();
                    int mark = _scratchTop;
                    if (_kind != TokenKind.CloseParen)
                    {
                        while (true)
                        {
                            Push(ParseAssignment());
                            if (_kind != TokenKind.Comma) break;
                            Advance();
                        }
                    }
                    var args = PopArray<Expression>(mark);
                    Unnest();
                    if (_kind == TokenKind.CloseParen) Advance();
                    else
                    {
                        ErrorMissing("')'");
                        SkipToCloseParen();
                    }
                    e = new CallExpression { FirstToken = e.FirstToken, LastToken = _prev, Callee = e, Arguments = args };
                    break;
                }
                case TokenKind.Dot:
                case TokenKind.Deref:
                {
                    bool arrow = _kind == TokenKind.Deref;
                    Advance();
                    var m = new MemberAccessExpression { FirstToken = e.FirstToken, Base = e, IsArrow = arrow, Member = -1, MemberToken = -1 };
                    if (_kind == TokenKind.Identifier)
                    {
                        m.Member = CurrentText;
                        m.MemberToken = _pos;
                        Advance();
                    }
                    else ErrorExpected("identifier");
                    m.LastToken = _prev;
                    e = m;
                    break;
                }
                case TokenKind.PlusPlus:
                case TokenKind.MinusMinus:
                {
                    var op = _kind == TokenKind.PlusPlus ? UnaryOperator.PostIncrement : UnaryOperator.PostDecrement;
                    int opTok = _pos;
                    Advance();
                    e = new UnaryExpression { FirstToken = e.FirstToken, LastToken = _prev, Operator = op, OperatorToken = opTok, Operand = e };
                    break;
                }
                default:
                    return e;
            }
        }
    }

    private Expression ParsePrimary()
    {
        switch (_kind)
        {
            case TokenKind.Identifier:
            {
                int text = CurrentText;
                var kw = _kw[text];
                if (kw == Keyword.None)
                {
                    if (_state[text] == StateTypedef) break;
                    var id = new IdentifierExpression { Name = text, FirstToken = _pos, LastToken = _pos };
                    Advance();
                    return id;
                }
                switch (kw)
                {
                    case Keyword.Generic:
                        return ParseGeneric();
                    case Keyword.BuiltinVaArg:
                        return ParseBuiltinVaArg();
                    case Keyword.BuiltinOffsetof:
                        return ParseBuiltinOffsetof();
                    case Keyword.BuiltinTypesCompatibleP:
                        return ParseBuiltinTypesCompatible();
                    case Keyword.BuiltinConvertVector:
                        return ParseBuiltinConvertVector();
                }
                break;
            }
            case TokenKind.Number:
            {
                var n = new NumberLiteral { Text = CurrentText, FirstToken = _pos, LastToken = _pos };
                Advance();
                return n;
            }
            case TokenKind.CharConst:
            case TokenKind.WCharConst:
            case TokenKind.Char16Const:
            case TokenKind.Char32Const:
            case TokenKind.Utf8CharConst:
            {
                var n = new CharLiteral { Text = CurrentText, FirstToken = _pos, LastToken = _pos };
                Advance();
                return n;
            }
            case TokenKind.String:
            case TokenKind.WString:
            case TokenKind.String16:
            case TokenKind.String32:
            case TokenKind.Utf8String:
                return ParseStringLiteral();
            case TokenKind.OpenParen:
            {
                int start = _pos;
                Advance();
                Nest();
                Expression e;
                if (_kind == TokenKind.OpenBrace)
                {
                    var body = ParseCompoundStatement(openScope: true);
                    Expect(TokenKind.CloseParen);
                    e = new StatementExpression { FirstToken = start, LastToken = _prev, Body = body };
                }
                else
                {
                    var inner = ParseExpression();
                    if (_kind == TokenKind.CloseParen) Advance();
                    else
                    {
                        ErrorMissing("')'");
                        SkipToCloseParen();
                    }
                    e = new ParenthesizedExpression { FirstToken = start, LastToken = _prev, Inner = inner };
                }
                Unnest();
                return e;
            }
        }
        ErrorExpected("expression");
        return new ErrorExpression { FirstToken = _pos, LastToken = _prev };
    }

    private StringLiteral ParseStringLiteral()
    {
        var s = new StringLiteral { FirstToken = _pos };
        int pieces = 0;
        while (TokenSpelling.IsString(_kind))
        {
            pieces++;
            Advance();
        }
        if (pieces == 0) ErrorExpected("string literal");
        s.PieceCount = pieces;
        s.LastToken = _prev;
        return s;
    }

    private GenericSelection ParseGeneric()
    {
        var g = new GenericSelection { FirstToken = _pos };
        Advance();
        Nest();
        if (!Expect(TokenKind.OpenParen))
        {
            g.Controlling = new ErrorExpression { FirstToken = _pos, LastToken = _prev };
            Unnest();
            g.LastToken = _prev;
            return g;
        }
        g.Controlling = ParseAssignment();
        int mark = _scratchTop;
        while (_kind == TokenKind.Comma)
        {
            Advance();
            var a = new GenericAssociation { FirstToken = _pos };
            if (CurrentKeyword == Keyword.Default) Advance();
            else a.Type = ParseTypeName();
            Expect(TokenKind.Colon);
            a.Value = ParseAssignment();
            a.LastToken = _prev;
            Push(a);
        }
        g.Associations = PopArray<GenericAssociation>(mark);
        Unnest();
        if (_kind == TokenKind.CloseParen) Advance();
        else
        {
            ErrorMissing("')'");
            SkipToCloseParen();
        }
        g.LastToken = _prev;
        return g;
    }

    private BuiltinVaArgExpression ParseBuiltinVaArg()
    {
        var n = new BuiltinVaArgExpression { FirstToken = _pos };
        Advance();
        Nest();
        Expect(TokenKind.OpenParen);
        n.List = ParseAssignment();
        Expect(TokenKind.Comma);
        n.Type = ParseTypeName();
        Unnest();
        Expect(TokenKind.CloseParen);
        n.LastToken = _prev;
        return n;
    }

    private BuiltinOffsetofExpression ParseBuiltinOffsetof()
    {
        var n = new BuiltinOffsetofExpression { FirstToken = _pos };
        Advance();
        Nest();
        Expect(TokenKind.OpenParen);
        n.Type = ParseTypeName();
        Expect(TokenKind.Comma);
        int mark = _scratchTop;
        if (_kind == TokenKind.Identifier)
        {
            Push(new FieldDesignator { FirstToken = _pos, LastToken = _pos, Name = CurrentText, NameToken = _pos });
            Advance();
            while (true)
            {
                if (_kind == TokenKind.Dot || _kind == TokenKind.Deref)
                {
                    var fd = new FieldDesignator { FirstToken = _pos };
                    Advance();
                    if (_kind == TokenKind.Identifier)
                    {
                        fd.Name = CurrentText;
                        fd.NameToken = _pos;
                        Advance();
                    }
                    else ErrorExpected("identifier");
                    fd.LastToken = _prev;
                    Push(fd);
                }
                else if (_kind == TokenKind.OpenSquare) Push(ParseIndexDesignator(false));
                else break;
            }
        }
        else ErrorExpected("identifier");
        n.Designators = PopArray<Designator>(mark);
        Unnest();
        Expect(TokenKind.CloseParen);
        n.LastToken = _prev;
        return n;
    }

    private BuiltinTypesCompatibleExpression ParseBuiltinTypesCompatible()
    {
        var n = new BuiltinTypesCompatibleExpression { FirstToken = _pos };
        Advance();
        Nest();
        Expect(TokenKind.OpenParen);
        n.First = ParseTypeName();
        Expect(TokenKind.Comma);
        n.Second = ParseTypeName();
        Unnest();
        Expect(TokenKind.CloseParen);
        n.LastToken = _prev;
        return n;
    }

    private BuiltinConvertVectorExpression ParseBuiltinConvertVector()
    {
        var n = new BuiltinConvertVectorExpression { FirstToken = _pos };
        Advance();
        Nest();
        Expect(TokenKind.OpenParen);
        n.Operand = ParseAssignment();
        Expect(TokenKind.Comma);
        n.Type = ParseTypeName();
        Unnest();
        Expect(TokenKind.CloseParen);
        n.LastToken = _prev;
        return n;
    }
}
