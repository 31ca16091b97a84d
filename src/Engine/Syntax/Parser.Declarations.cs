using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Syntax;

public sealed partial class Parser
{
    private enum DeclContext : byte { File, Block, ForInit, KnR }

    private enum SpecContext : byte { Declaration, Parameter, Member, TypeName }

    private static readonly bool[] DeclSpecKeyword = BuildKeywordSet(k =>
        SyntaxFacts.IsStorageClass(k) || SyntaxFacts.IsFunctionSpecifier(k) || SyntaxFacts.IsTypeQualifier(k)
        || SyntaxFacts.IsSimpleTypeSpecifier(k)
        || k is Keyword.Struct or Keyword.Union or Keyword.Enum or Keyword.Typeof or Keyword.TypeofUnqual
            or Keyword.Alignas or Keyword.Attribute);

    private static readonly bool[] TypeNameKeyword = BuildKeywordSet(k =>
        SyntaxFacts.IsTypeQualifier(k) || SyntaxFacts.IsSimpleTypeSpecifier(k)
        || k is Keyword.Struct or Keyword.Union or Keyword.Enum or Keyword.Typeof or Keyword.TypeofUnqual
            or Keyword.Alignas or Keyword.Attribute);

    private static bool[] BuildKeywordSet(Func<Keyword, bool> f)
    {
        var values = Enum.GetValues<Keyword>();
        var a = new bool[(int)values.Max() + 1];
        foreach (var k in values) a[(int)k] = f(k);
        return a;
    }

    /// <summary>The token at <paramref name="p"/> starts a type name (casts, sizeof, typeof, _Generic).</summary>
    private bool StartsTypeName(int p)
    {
        ref readonly var t = ref _toks[p];
        if (t.Kind != TokenKind.Identifier) return false;
        var kw = _kw[t.Text];
        if (kw != Keyword.None) return TypeNameKeyword[(int)kw];
        return _state[t.Text] == StateTypedef;
    }

    /// <summary>
    /// The token at <paramref name="p"/> starts declaration specifiers: a specifier keyword, a
    /// typedef name, or (gcc's guess) an undeclared identifier followed by an identifier or '*'
    /// (then "unknown type name" follows).
    /// </summary>
    private bool StartsDeclaration(int p)
    {
        ref readonly var t = ref _toks[p];
        if (t.Kind != TokenKind.Identifier) return false;
        var kw = _kw[t.Text];
        if (kw != Keyword.None) return DeclSpecKeyword[(int)kw] || kw == Keyword.StaticAssert;
        byte st = _state[t.Text];
        if (st == StateTypedef) return true;
        return st == StateUnknown && LooksLikeUnknownTypeName(p);
    }

    /// <summary>An identifier at <paramref name="p"/> followed by an identifier (not a keyword) or '*'.</summary>
    private bool LooksLikeUnknownTypeName(int p)
    {
        int q = p + 1;
        while (Transparent[(int)_toks[q].Kind]) q++;
        ref readonly var n = ref _toks[q];
        if (n.Kind == TokenKind.Mult) return true;
        return n.Kind == TokenKind.Identifier && _kw[n.Text] == Keyword.None;
    }

    // ---------------------------------------------------------------- declaration specifiers

    private DeclarationSpecifiers ParseDeclarationSpecifiers(SpecContext ctx, bool fileScope, AttributeSpecifier[]? leading = null)
    {
        var specs = new DeclarationSpecifiers { FirstToken = leading is { Length: > 0 } ? leading[0].FirstToken : _pos };
        int mark = _scratchTop;
        if (leading is not null)
            foreach (var a in leading) Push(a);
        bool seenType = false;
        bool tagDefinition = false;
        var storage = Keyword.None;
        while (true)
        {
            if (_kind != TokenKind.Identifier)
            {
                if (AtStandardAttribute)
                {
                    Push(ParseStandardAttributeSpecifier());
                    continue;
                }
                break;
            }
            int text = _toks[_pos].Text;
            var kw = _kw[text];
            // after a struct/union/enum body a type most likely means a forgotten ';' (gcc stops here too)
            if (tagDefinition && (kw == Keyword.None ? _state[text] == StateTypedef : TypeNameKeyword[(int)kw] && !SyntaxFacts.IsTypeQualifier(kw) && kw != Keyword.Attribute))
                break;
            if (kw == Keyword.None)
            {
                if (seenType) break;
                byte st = _state[text];
                if (st == StateTypedef)
                {
                    Push(new TypedefNameSpecifier { Name = text, FirstToken = _pos, LastToken = _pos });
                    seenType = true;
                    Advance();
                    continue;
                }
                if ((fileScope || st == StateUnknown) && LooksLikeUnknownTypeName(_pos) && ctx != SpecContext.TypeName)
                {
                    Error(_pos, "unknown type name '" + _names[text] + "'");
                    Push(new TypedefNameSpecifier { Name = text, FirstToken = _pos, LastToken = _pos, IsUnknown = true });
                    seenType = true;
                    Advance();
                    continue;
                }
                break;
            }
            switch (kw)
            {
                case Keyword.Typedef:
                case Keyword.Extern:
                case Keyword.Static:
                case Keyword.Auto:
                case Keyword.Register:
                case Keyword.ThreadLocal:
                case Keyword.Inline:
                case Keyword.Noreturn:
                    if (ctx is SpecContext.TypeName or SpecContext.Member) goto done;
                    if (storage == Keyword.None && SyntaxFacts.IsStorageClass(kw)) storage = kw;
                    PushKeyword(kw);
                    break;
                case Keyword.Atomic:
                    if (PeekKind() == TokenKind.OpenParen)
                    {
                        Push(ParseAtomicTypeSpecifier());
                        seenType = true;
                    }
                    else PushKeyword(kw);
                    break;
                case Keyword.Const:
                case Keyword.Volatile:
                case Keyword.Restrict:
                case Keyword.SegFs:
                case Keyword.SegGs:
                    PushKeyword(kw);
                    break;
                case Keyword.Struct:
                case Keyword.Union:
                {
                    var s = ParseStructSpecifier();
                    Push(s);
                    seenType = true;
                    tagDefinition |= s.HasBody;
                    break;
                }
                case Keyword.Enum:
                {
                    var e = ParseEnumSpecifier();
                    Push(e);
                    seenType = true;
                    tagDefinition |= e.HasBody;
                    break;
                }
                case Keyword.Typeof:
                case Keyword.TypeofUnqual:
                    Push(ParseTypeofSpecifier());
                    seenType = true;
                    break;
                case Keyword.Alignas:
                    Push(ParseAlignasSpecifier());
                    break;
                case Keyword.Attribute:
                    Push(ParseAttributeSpecifier());
                    break;
                default:
                    if (SyntaxFacts.IsSimpleTypeSpecifier(kw))
                    {
                        PushKeyword(kw);
                        seenType = true;
                        break;
                    }
                    goto done;
            }
        }
    done:
        specs.Items = PopArray<Specifier>(mark);
        specs.HasTypeSpecifier = seenType;
        specs.HasTagDefinition = tagDefinition;
        specs.StorageClass = storage;
        specs.LastToken = _prev;
        if (specs.Items.Length == 0) specs.FirstToken = _pos;
        return specs;
    }

    private void PushKeyword(Keyword kw)
    {
        Push(new KeywordSpecifier { Keyword = kw, FirstToken = _pos, LastToken = _pos });
        Advance();
    }

    private AtomicTypeSpecifier ParseAtomicTypeSpecifier()
    {
        var n = new AtomicTypeSpecifier { FirstToken = _pos };
        Advance();
        Expect(TokenKind.OpenParen);
        Nest();
        n.Type = ParseTypeName();
        Unnest();
        Expect(TokenKind.CloseParen);
        n.LastToken = _prev;
        return n;
    }

    private TypeofSpecifier ParseTypeofSpecifier()
    {
        var n = new TypeofSpecifier { FirstToken = _pos, IsUnqual = CurrentKeyword == Keyword.TypeofUnqual };
        Advance();
        Expect(TokenKind.OpenParen);
        Nest();
        if (StartsTypeName(_pos)) n.Type = ParseTypeName();
        else n.Expression = ParseExpression();
        Unnest();
        Expect(TokenKind.CloseParen);
        n.LastToken = _prev;
        return n;
    }

    private AlignasSpecifier ParseAlignasSpecifier()
    {
        var n = new AlignasSpecifier { FirstToken = _pos };
        Advance();
        Expect(TokenKind.OpenParen);
        Nest();
        if (StartsTypeName(_pos)) n.Type = ParseTypeName();
        else n.Expression = ParseConditional();
        Unnest();
        Expect(TokenKind.CloseParen);
        n.LastToken = _prev;
        return n;
    }

    private StructSpecifier ParseStructSpecifier()
    {
        var n = new StructSpecifier { FirstToken = _pos, IsUnion = CurrentKeyword == Keyword.Union };
        Advance();
        n.Attributes = ParseAttributeSpecifiers();
        if (AtPlainIdentifier)
        {
            n.Tag = CurrentText;
            n.TagToken = _pos;
            Advance();
        }
        if (_kind == TokenKind.OpenBrace)
        {
            n.OpenBraceToken = _pos;
            Advance();
            Nest();
            int mark = _scratchTop;
            while (_kind != TokenKind.CloseBrace && _kind != TokenKind.EndOfFile)
            {
                int start = _pos;
                if (_kind == TokenKind.Semicolon)
                {
                    // gcc -pedantic: "extra semicolon in struct or union specified"
                    Advance();
                    continue;
                }
                var m = ParseMemberDeclaration();
                if (m is not null) Push(m);
                if (_pos == start) Advance();
            }
            n.Members = PopArray<MemberDeclaration>(mark);
            Unnest();
            if (_kind == TokenKind.CloseBrace) Advance();
            else ErrorExpected("'}'");
            n.TrailingAttributes = ParseAttributeSpecifiers();
        }
        else if (n.Tag < 0)
        {
            ErrorExpected("'{'");
        }
        n.LastToken = _prev;
        return n;
    }

    private MemberDeclaration? ParseMemberDeclaration()
    {
        int start = _pos;
        bool ext = false;
        while (CurrentKeyword == Keyword.Extension)
        {
            ext = true;
            Advance();
        }
        var m = new MemberDeclaration { FirstToken = start, HasExtension = ext };
        if (CurrentKeyword == Keyword.StaticAssert)
        {
            m.StaticAssert = ParseStaticAssert();
            m.LastToken = _prev;
            return m;
        }
        var specs = ParseDeclarationSpecifiers(SpecContext.Member, false);
        m.Specifiers = specs;
        if (specs.Items.Length == 0)
        {
            ErrorExpected("specifier-qualifier-list");
            SkipMember();
            return null;
        }
        int mark = _scratchTop;
        if (_kind != TokenKind.Semicolon && _kind != TokenKind.CloseBrace)
        {
            var prefix = Array.Empty<AttributeSpecifier>();
            while (true)
            {
                var md = new MemberDeclarator { FirstToken = prefix.Length > 0 ? prefix[0].FirstToken : _pos, PrefixAttributes = prefix };
                if (_kind != TokenKind.Colon)
                {
                    md.Declarator = ParseDeclarator(DeclaratorKind.Named);
                    if (md.Declarator is null)
                    {
                        SkipMember();
                        m.Declarators = PopArray<MemberDeclarator>(mark);
                        m.LastToken = _prev;
                        return m;
                    }
                }
                var pre = ParseAttributeSpecifiers();
                if (_kind == TokenKind.Colon)
                {
                    Advance();
                    md.BitWidth = ParseConditional();
                }
                var post = ParseAttributeSpecifiers();
                md.Attributes = Concat(pre, post);
                if (!specs.HasTypeSpecifier && md.Declarator?.FindName() is { } mid) WarnImplicitInt(mid);
                md.LastToken = _prev;
                Push(md);
                if (_kind != TokenKind.Comma) break;
                Advance();
                prefix = ParseAttributeSpecifiers();
            }
        }
        m.Declarators = PopArray<MemberDeclarator>(mark);
        if (_kind == TokenKind.Semicolon) Advance();
        else if (_kind == TokenKind.CloseBrace) Warning(_pos, "no semicolon at end of struct or union");
        else
        {
            ErrorExpected("':', ',', ';', '}' or '__attribute__'");
            SkipMember();
        }
        m.LastToken = _prev;
        return m;
    }

    /// <summary>Skips to after the next ';' or up to the '}' closing the struct.</summary>
    private void SkipMember()
    {
        int depth = 0;
        while (_kind != TokenKind.EndOfFile)
        {
            if (_kind == TokenKind.Semicolon && depth == 0)
            {
                Advance();
                return;
            }
            if (_kind == TokenKind.OpenBrace) depth++;
            else if (_kind == TokenKind.CloseBrace)
            {
                if (depth == 0) return;
                depth--;
            }
            Advance();
        }
    }

    private static AttributeSpecifier[] Concat(AttributeSpecifier[] a, AttributeSpecifier[] b)
    {
        if (b.Length == 0) return a;
        if (a.Length == 0) return b;
        var r = new AttributeSpecifier[a.Length + b.Length];
        a.CopyTo(r, 0);
        b.CopyTo(r, a.Length);
        return r;
    }

    private EnumSpecifier ParseEnumSpecifier()
    {
        var n = new EnumSpecifier { FirstToken = _pos };
        Advance();
        n.Attributes = ParseAttributeSpecifiers();
        if (AtPlainIdentifier)
        {
            n.Tag = CurrentText;
            n.TagToken = _pos;
            Advance();
        }
        if (_kind == TokenKind.OpenBrace)
        {
            Advance();
            Nest();
            int mark = _scratchTop;
            while (_kind != TokenKind.CloseBrace && _kind != TokenKind.EndOfFile)
            {
                if (!AtPlainIdentifier)
                {
                    ErrorExpected("identifier");
                    // skip to the closing brace of the enum
                    while (_kind != TokenKind.CloseBrace && _kind != TokenKind.Semicolon && _kind != TokenKind.EndOfFile) Advance();
                    break;
                }
                var e = new EnumeratorDeclaration { FirstToken = _pos, Name = CurrentText };
                Advance();
                e.Attributes = ParseAttributeSpecifiers();
                if (Accept(TokenKind.Eq)) e.Value = ParseConditional();
                e.LastToken = _prev;
                Declare(e.Name, false);
                Push(e);
                if (_kind == TokenKind.Comma) Advance();
                else if (_kind != TokenKind.CloseBrace)
                {
                    ErrorExpected("',' or '}'");
                    while (_kind != TokenKind.CloseBrace && _kind != TokenKind.Semicolon && _kind != TokenKind.EndOfFile) Advance();
                    break;
                }
            }
            n.Enumerators = PopArray<EnumeratorDeclaration>(mark);
            Unnest();
            Expect(TokenKind.CloseBrace);
            n.TrailingAttributes = ParseAttributeSpecifiers();
        }
        else if (n.Tag < 0)
        {
            ErrorExpected("'{'");
        }
        n.LastToken = _prev;
        return n;
    }

    private TypeName ParseTypeName()
    {
        var n = new TypeName { FirstToken = _pos };
        n.Specifiers = ParseDeclarationSpecifiers(SpecContext.TypeName, false);
        if (n.Specifiers.Items.Length == 0) ErrorExpected("specifier-qualifier-list");
        else if (!n.Specifiers.HasTypeSpecifier) Warning(n.FirstToken, "type defaults to 'int' in type name");
        n.Declarator = ParseDeclarator(DeclaratorKind.Abstract);
        n.LastToken = _prev;
        return n;
    }

    // ---------------------------------------------------------------- declarations

    private StaticAssertDeclaration ParseStaticAssert()
    {
        var n = new StaticAssertDeclaration { FirstToken = _pos };
        Advance();
        if (!Expect(TokenKind.OpenParen))
        {
            n.Condition = new ErrorExpression { FirstToken = _pos, LastToken = _prev };
            SkipToStatementEnd();
            n.LastToken = _prev;
            return n;
        }
        n.Condition = ParseConditional();
        if (Accept(TokenKind.Comma))
        {
            if (TokenSpelling.IsString(_kind)) n.Message = ParseStringLiteral();
            else ErrorExpected("string literal");
        }
        if (!Expect(TokenKind.CloseParen))
        {
            SkipToStatementEnd();
            n.LastToken = _prev;
            return n;
        }
        ExpectSemicolon();
        n.LastToken = _prev;
        return n;
    }

    /// <summary>
    /// A declaration or, where allowed, a function definition. <paramref name="start"/> is the
    /// first token (an <c>__extension__</c> already consumed when <paramref name="ext"/>).
    /// </summary>
    private ExternalDeclaration? ParseDeclarationOrFunctionDefinition(DeclContext ctx, int start, bool ext, AttributeSpecifier[]? leading)
    {
        if (CurrentKeyword == Keyword.StaticAssert) return ParseStaticAssert();
        bool fileScope = ctx == DeclContext.File;
        var specs = ParseDeclarationSpecifiers(SpecContext.Declaration, fileScope, leading);
        var decl = new Declaration { FirstToken = start, HasExtension = ext, Specifiers = specs };
        if (_kind == TokenKind.Semicolon)
        {
            if (specs.Items.Length == 0) Warning(_pos, "empty declaration");
            Advance();
            decl.LastToken = _prev;
            return decl;
        }
        if (specs.HasTagDefinition && !(_kind is TokenKind.OpenParen or TokenKind.Mult || AtPlainIdentifier))
        {
            ErrorExpected("';', identifier or '('");
            decl.LastToken = _prev;
            return decl;
        }
        bool first = true;
        int mark = _scratchTop;
        var prefix = Array.Empty<AttributeSpecifier>();
        while (true)
        {
            int declStart = _pos;
            var d = ParseDeclarator(DeclaratorKind.Named);
            if (d is null)
            {
                SkipToStatementEnd();
                break;
            }
            var id = d.FindName();
            if (first && ctx is DeclContext.File or DeclContext.Block && !IsDeclarationContinuation())
            {
                var fn = d.FindFunctionOfName();
                if (fn is not null)
                {
                    _scratchTop = mark;
                    return ParseFunctionDefinition(start, ext, specs, d, fn, null, Array.Empty<AttributeSpecifier>());
                }
            }
            if (!specs.HasTypeSpecifier && id is not null)
            {
                if (first && specs.Items.Length == 0 && fileScope) Warning(start, "data definition has no type or storage class");
                WarnImplicitInt(id);
            }
            if (id is not null) Declare(id.Name, specs.IsTypedef);
            var init = new InitDeclarator { FirstToken = prefix.Length > 0 ? prefix[0].FirstToken : declStart, Declarator = d, PrefixAttributes = prefix };
            if (CurrentKeyword == Keyword.Asm) init.AsmLabel = ParseAsmLabel();
            init.Attributes = ParseAttributeSpecifiers();
            if (first && _kind == TokenKind.OpenBrace && ctx is DeclContext.File or DeclContext.Block)
            {
                var fn = d.FindFunctionOfName();
                if (fn is not null)
                {
                    _scratchTop = mark;
                    return ParseFunctionDefinition(start, ext, specs, d, fn, init.AsmLabel, init.Attributes);
                }
            }
            bool hasInit = false;
            if (_kind == TokenKind.Eq)
            {
                Advance();
                hasInit = true;
                init.Initializer = ParseInitializer();
            }
            init.LastToken = _prev;
            Push(init);
            if (_kind == TokenKind.Comma)
            {
                Advance();
                first = false;
                prefix = ParseAttributeSpecifiers();
                continue;
            }
            if (_kind == TokenKind.Semicolon)
            {
                Advance();
                break;
            }
            ErrorExpected(hasInit ? "',' or ';'" : "'=', ',', ';', 'asm' or '__attribute__'");
            SkipToStatementEnd();
            break;
        }
        decl.Declarators = PopArray<InitDeclarator>(mark);
        decl.LastToken = _prev;
        return decl;
    }

    /// <summary>gcc's -Wimplicit-int (on by default): a declaration whose specifiers name no type.</summary>
    private void WarnImplicitInt(IdentifierDeclarator id) =>
        Warning(id.Token, "type defaults to 'int' in declaration of '" + _names[id.Name] + "'");

    /// <summary>After a declarator: the tokens that continue a declaration rather than start a function body.</summary>
    private bool IsDeclarationContinuation()
    {
        switch (_kind)
        {
            case TokenKind.Eq:
            case TokenKind.Comma:
            case TokenKind.Semicolon:
                return true;
            case TokenKind.Identifier:
                var kw = CurrentKeyword;
                return kw is Keyword.Asm or Keyword.Attribute;
            case TokenKind.OpenBrace:
                return false;
            case TokenKind.OpenSquare:
                return AtStandardAttribute;
            default:
                // K&R parameter declarations must follow; anything else continues a (broken) declaration
                return !StartsDeclaration(_pos);
        }
    }

    private FunctionDefinition ParseFunctionDefinition(int start, bool ext, DeclarationSpecifiers specs, Declarator d,
        FunctionDeclarator fn, AsmLabel? asmLabel, AttributeSpecifier[] attrs)
    {
        var f = new FunctionDefinition
        {
            FirstToken = start, HasExtension = ext, Specifiers = specs, Declarator = d, AsmLabel = asmLabel, Attributes = attrs,
        };
        var id = d.FindName();
        if (id is not null)
        {
            if (!specs.HasTypeSpecifier) Warning(id.Token, "return type defaults to 'int'");
            Declare(id.Name, false);
        }
        PushScope();
        foreach (var p in fn.Parameters)
        {
            var pid = p.Declarator?.FindName();
            if (pid is not null) Declare(pid.Name, false);
        }
        if (fn.IdentifierNames is not null)
            foreach (var n in fn.IdentifierNames) Declare(n, false);
        // K&R parameter declarations
        int mark = _scratchTop;
        while (_kind != TokenKind.OpenBrace && _kind != TokenKind.EndOfFile)
        {
            int before = _pos;
            if (!StartsDeclaration(_pos) && CurrentKeyword != Keyword.Extension)
            {
                ErrorExpected("'{'");
                break;
            }
            while (CurrentKeyword == Keyword.Extension) Advance();
            var kd = ParseDeclarationOrFunctionDefinition(DeclContext.KnR, before, before != _pos, null);
            if (kd is Declaration dd) Push(dd);
            if (_pos == before) break;
        }
        f.KnRDeclarations = PopArray<Declaration>(mark);
        if (fn.IdentifierNames is { } knr && id is not null) WarnUndeclaredKnRParameters(knr, f.KnRDeclarations, id.Token);
        if (_kind == TokenKind.OpenBrace)
            f.Body = ParseCompoundStatement(openScope: false);
        else
        {
            f.Body = new CompoundStatement { FirstToken = _pos, LastToken = _prev };
            SkipToStatementEnd();
        }
        PopScope();
        f.LastToken = _prev;
        return f;
    }

    /// <summary>gcc: "type of 'a' defaults to 'int'" for a K&amp;R parameter no declaration names, at the function name.</summary>
    private void WarnUndeclaredKnRParameters(int[] names, Declaration[] decls, int at)
    {
        foreach (var n in names)
        {
            bool declared = false;
            foreach (var d in decls)
                foreach (var i in d.Declarators)
                    if (i.Declarator.FindName()?.Name == n) declared = true;
            if (!declared) Warning(at, "type of '" + _names[n] + "' defaults to 'int'");
        }
    }

    // ---------------------------------------------------------------- initializers

    private SyntaxNode ParseInitializer() =>
        _kind == TokenKind.OpenBrace ? ParseInitializerList() : ParseAssignment();

    private InitializerList ParseInitializerList()
    {
        var list = new InitializerList { FirstToken = _pos };
        Advance();
        Nest();
        int mark = _scratchTop;
        while (_kind != TokenKind.CloseBrace && _kind != TokenKind.EndOfFile)
        {
            int start = _pos;
            var item = new InitializerItem { FirstToken = _pos };
            int dmark = _scratchTop;
            if (AtPlainIdentifier && PeekKind() == TokenKind.Colon)
            {
                Push(new FieldDesignator { FirstToken = _pos, LastToken = _pos, Name = CurrentText, NameToken = _pos });
                Advance();
                Advance();
                item.IsGnuFieldColon = true;
            }
            else
            {
                bool onlyIndex = true;
                while (true)
                {
                    if (_kind == TokenKind.OpenSquare)
                    {
                        Push(ParseIndexDesignator(true));
                    }
                    else if (_kind == TokenKind.Dot)
                    {
                        onlyIndex = false;
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
                    else break;
                }
                if (_scratchTop > dmark)
                {
                    if (_kind == TokenKind.Eq)
                    {
                        Advance();
                        item.HasEquals = true;
                    }
                    else if (!onlyIndex || _scratchTop - dmark > 1)
                        ErrorExpected("'='");
                }
            }
            item.Designators = PopArray<Designator>(dmark);
            item.Value = ParseInitializer();
            item.LastToken = _prev;
            Push(item);
            if (_kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }
            if (_kind != TokenKind.CloseBrace)
            {
                ErrorExpected("'}'");
                SkipInitializerRest();
                break;
            }
            if (_pos == start) break;
        }
        list.Items = PopArray<InitializerItem>(mark);
        Unnest();
        if (_kind == TokenKind.CloseBrace) Advance();
        else ErrorExpected("'}'");
        list.LastToken = _prev;
        return list;
    }

    /// <summary>After an error inside an initializer list: skip to its closing '}' (not consumed) or to a ';' outside braces.</summary>
    private void SkipInitializerRest()
    {
        int depth = 0;
        while (_kind != TokenKind.EndOfFile)
        {
            switch (_kind)
            {
                case TokenKind.OpenBrace:
                    depth++;
                    break;
                case TokenKind.CloseBrace:
                    if (depth == 0) return;
                    depth--;
                    break;
                case TokenKind.Semicolon:
                    if (depth == 0) return;
                    break;
            }
            Advance();
        }
    }

    private IndexDesignator ParseIndexDesignator(bool allowRange)
    {
        var d = new IndexDesignator { FirstToken = _pos };
        Advance();
        Nest();
        d.Index = allowRange ? ParseConditional() : ParseExpression();
        if (allowRange && _kind == TokenKind.Ellipsis)
        {
            Advance();
            d.RangeEnd = ParseConditional();
        }
        Unnest();
        Expect(TokenKind.CloseSquare);
        d.LastToken = _prev;
        return d;
    }
}
