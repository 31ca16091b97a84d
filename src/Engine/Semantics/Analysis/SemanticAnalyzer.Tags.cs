using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

public sealed partial class SemanticAnalyzer
{
    private TagSymbol NewTag(int nameId, CType type)
    {
        var t = Register(new TagSymbol(nameId >= 0 ? _names[nameId] : "", nameId, type)
        {
            IsFileScope = AtFileScope,
            OwnerFunction = _function,
        });
        if (nameId >= 0) Bind(nameId, t, tag: true);
        return t;
    }

    private TagMention Mention(TagSymbol tag, Specifier spec, TagUseKind use, bool standalone)
    {
        var m = new TagMention(tag, spec, use, standalone, _function is null && AtFileScope,
            _tagDefinitionStack.Count > 0 ? _tagDefinitionStack[^1] : null, _function);
        tag.MentionList.Add(m);
        spec.SemanticSlot = _model.TagMentionList.Count;
        _model.TagMentionList.Add(m);
        return m;
    }

    private static string TagKeyword(TypeKind k) => k switch { TypeKind.Union => "union", TypeKind.Enum => "enum", _ => "struct" };

    /// <summary>Finds or declares the tag of a specifier without a body.</summary>
    private TagSymbol TagReference(int nameId, int nameToken, TypeKind kind, Specifier spec, bool standalone)
    {
        TagSymbol? found = standalone ? LookupCurrentScope(nameId, tag: true) as TagSymbol : LookupTag(nameId);
        if (found is not null)
        {
            if (found.TagType.Kind != kind)
            {
                Error(nameToken, $"'{_names[nameId]}' defined as wrong kind of tag");
                var fresh = kind == TypeKind.Enum ? (CType)_ctx.NewEnum(_names[nameId]) : kind == TypeKind.Union ? _ctx.NewUnion(_names[nameId]) : _ctx.NewStruct(_names[nameId]);
                var t = Register(new TagSymbol(_names[nameId], nameId, fresh) { IsFileScope = AtFileScope, OwnerFunction = _function });
                Mention(t, spec, TagUseKind.Declaration, standalone);
                return t;
            }
            Mention(found, spec, TagUseKind.Reference, standalone);
            return found;
        }
        var name = _names[nameId];
        CType type = kind switch
        {
            TypeKind.Enum => _ctx.NewEnum(name),
            TypeKind.Union => _ctx.NewUnion(name),
            _ => _ctx.NewStruct(name),
        };
        var tag = NewTag(nameId, type);
        if (type is RecordType rt) rt.Declaration = tag;
        else ((EnumType)type).Declaration = tag;
        Mention(tag, spec, TagUseKind.Declaration, standalone);
        return tag;
    }

    private TagSymbol StructSpecifier(StructSpecifier s, bool standalone)
    {
        var kind = s.IsUnion ? TypeKind.Union : TypeKind.Struct;
        if (!s.HasBody)
        {
            if (s.Tag < 0)
            {
                // parser error recovery: an anonymous reference
                var anon = NewTag(-1, s.IsUnion ? _ctx.NewUnion(null) : _ctx.NewStruct(null));
                Mention(anon, s, TagUseKind.Declaration, standalone);
                return anon;
            }
            return TagReference(s.Tag, s.TagToken, kind, s, standalone);
        }

        TagSymbol? tag = null;
        if (s.Tag >= 0 && LookupCurrentScope(s.Tag, tag: true) is TagSymbol existing)
        {
            if (existing.TagType.Kind != kind) Error(s.TagToken, $"'{_names[s.Tag]}' defined as wrong kind of tag");
            else if (existing.IsDefined || ((RecordType)existing.TagType).IsBeingDefined)
                Error(s.TagToken, $"redefinition of '{TagKeyword(kind)} {_names[s.Tag]}'");
            else tag = existing;
        }
        if (tag is null)
        {
            var type = s.IsUnion ? _ctx.NewUnion(s.Tag >= 0 ? _names[s.Tag] : null) : _ctx.NewStruct(s.Tag >= 0 ? _names[s.Tag] : null);
            // a duplicate definition gets its own (unbound) type, so that analysis can go on
            bool bind = !(s.Tag >= 0 && LookupCurrentScope(s.Tag, tag: true) is not null);
            tag = bind ? NewTag(s.Tag, type) : Register(new TagSymbol(_names[s.Tag], s.Tag, type) { IsFileScope = AtFileScope, OwnerFunction = _function });
            type.Declaration = tag;
        }
        tag.Definition = s;
        Mention(tag, s, TagUseKind.Definition, false);
        var record = (RecordType)tag.TagType;
        record.IsBeingDefined = true;
        _tagDefinitionStack.Add(s);
        var members = new List<RecordMember>(s.Members!.Length);
        foreach (var md in s.Members!)
        {
            if (_stopped) break;
            Member(md, members);
        }
        _tagDefinitionStack.RemoveAt(_tagDefinitionStack.Count - 1);

        var attrs = new AttrSet();
        CollectAttributes(s.Attributes, ref attrs);
        CollectAttributes(s.TrailingAttributes, ref attrs);
        int close = CloseBraceToken(s, s.TrailingAttributes);
        ApplyPragmasBefore(close);
        var ra = new RecordAttributes
        {
            Packed = attrs.Packed,
            Alignment = attrs.Aligned,
            MaxFieldAlignment = _pack.Current,
            TransparentUnion = attrs.TransparentUnion,
        };
        int mark = _scratch.Count;
        if (attrs.TransparentUnion && !s.IsUnion) Warning(attrs.TransparentToken, "'transparent_union' attribute ignored");
        record.Complete(members, s.IsUnion ? ra : ra with { TransparentUnion = false }, _scratch, _unit.LocationOf(_toks[s.TagToken >= 0 ? s.TagToken : s.FirstToken]));
        TakeScratch(mark, s.TagToken >= 0 ? s.TagToken : s.FirstToken);
        return tag;
    }

    private int CloseBraceToken(SyntaxNode s, AttributeSpecifier[] trailing)
    {
        int t = trailing.Length > 0 ? trailing[0].FirstToken - 1 : s.LastToken;
        while (t > s.FirstToken && _toks[t].Kind != Preprocessing.TokenKind.CloseBrace) t--;
        return t;
    }

    private void Member(MemberDeclaration md, List<RecordMember> members)
    {
        if (md.StaticAssert is not null)
        {
            StaticAssert(md.StaticAssert);
            return;
        }
        if (md.Specifiers is null) return;
        var ds = Specifiers(md.Specifiers);
        if (md.Declarators.Length == 0)
        {
            // an anonymous struct/union member (C11), or a declaration that declares nothing
            var c = ds.Type.Canonical.Type;
            if (c is RecordType r && r.Tag is null)
            {
                var attrs0 = ds.Attrs;
                members.Add(new RecordMember(null, ds.Type) { IsPacked = attrs0.Packed, Alignment = MaxAlign(attrs0.Aligned, ds.Alignas), Location = _unit.LocationOf(_toks[md.FirstToken]), Declaration = md });
            }
            else if (!ds.Error && c is not RecordType && c is not EnumType)
                Warning(md.FirstToken, "declaration does not declare anything");
            return;
        }
        foreach (var m in md.Declarators)
        {
            var attrs = ds.Attrs;
            CollectAttributes(m.PrefixAttributes, ref attrs);
            CollectAttributes(m.Attributes, ref attrs);
            var t = ApplyDeclarator(m.Declarator, ds.Type, out var id, null, ref attrs);
            t = ApplyTypeAttributes(t, ref attrs, m.FirstToken, false);
            int nameToken = id?.Token ?? m.FirstToken;
            string? name = id is null ? null : _names[id.Name];
            int? width = null;
            if (m.BitWidth is not null)
            {
                _unevaluated++;
                _requireConstant++;
                int s = Expr(m.BitWidth);
                _requireConstant--;
                _unevaluated--;
                ref var wi = ref _model.Expressions[s];
                if (wi.HasError) width = null;
                else if (!wi.IsIntegerConstant || !wi.Type.IsInteger)
                {
                    Error(m.BitWidth.FirstToken, name is null ? "bit-field width not an integer constant" : $"bit-field '{name}' width not an integer constant");
                }
                else
                {
                    var v = _model.IntegerConstants[wi.ConstantIndex];
                    width = v.IsNegative ? -1 : v.UnsignedValue > 1 << 20 ? 1 << 20 : (int)v.UnsignedValue;
                }
                if (width is null) width = 1;
            }
            if (IncompleteMember(t))
            {
                // gcc drops the field's type; so do we, so that no layout sees it
                Error(nameToken, $"field '{name ?? "<anonymous>"}' has incomplete type");
                t = new QualifiedType(_ctx.Int);
            }
            var member = new RecordMember(name, t, width)
            {
                IsPacked = attrs.Packed,
                Alignment = MaxAlign(attrs.Aligned, ds.Alignas),
                Location = _unit.LocationOf(_toks[nameToken]),
                Declaration = m,
            };
            members.Add(member);
            var info = new DeclaratorInfo(null, t, null, member);
            SetDeclarator(m, info);
            if (id is not null) SetDeclarator(id, info);
        }
    }

    /// <summary>An incomplete member type (a struct being defined counts; a flexible array member and function types are the type model's to report).</summary>
    private static bool IncompleteMember(QualifiedType t)
    {
        var c = t.Canonical.Type;
        if (c is ArrayType { SizeKind: ArraySizeKind.Incomplete } flex) c = flex.Element.Canonical.Type;
        while (c is ArrayType a) c = a.Element.Canonical.Type;
        return c switch
        {
            RecordType r => !r.IsDefined || r.IsBeingDefined,
            EnumType e => !e.IsDefined,
            VoidType => true,
            _ => false,
        };
    }

    private static int? MaxAlign(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private TagSymbol EnumSpecifier(EnumSpecifier s, bool standalone)
    {
        if (!s.HasBody)
        {
            if (s.Tag < 0)
            {
                var anon = NewTag(-1, _ctx.NewEnum(null));
                Mention(anon, s, TagUseKind.Declaration, standalone);
                return anon;
            }
            return TagReference(s.Tag, s.TagToken, TypeKind.Enum, s, standalone);
        }
        TagSymbol? tag = null;
        if (s.Tag >= 0 && LookupCurrentScope(s.Tag, tag: true) is TagSymbol existing)
        {
            if (existing.TagType.Kind != TypeKind.Enum) Error(s.TagToken, $"'{_names[s.Tag]}' defined as wrong kind of tag");
            else if (existing.IsDefined) Error(s.TagToken, $"redeclaration of 'enum {_names[s.Tag]}'");
            else tag = existing;
        }
        if (tag is null)
        {
            var type = _ctx.NewEnum(s.Tag >= 0 ? _names[s.Tag] : null);
            bool bind = !(s.Tag >= 0 && LookupCurrentScope(s.Tag, tag: true) is not null);
            tag = bind ? NewTag(s.Tag, type) : Register(new TagSymbol(_names[s.Tag], s.Tag, type) { IsFileScope = AtFileScope, OwnerFunction = _function });
            type.Declaration = tag;
        }
        tag.Definition = s;
        Mention(tag, s, TagUseKind.Definition, false);
        var en = (EnumType)tag.TagType;
        var pending = new List<(EnumeratorDeclaration, EnumeratorSymbol)>();
        // tag mentions in enumerator values are nested in this definition (the live patch copies
        // the whole enum for them, SPEC §2.9)
        _tagDefinitionStack.Add(s);
        foreach (var e in s.Enumerators!)
        {
            if (_stopped) break;
            IntegerConstant? value = null;
            bool bad = false;
            if (e.Value is not null)
            {
                _unevaluated++;
                _requireConstant++;
                int vs = Expr(e.Value);
                _requireConstant--;
                _unevaluated--;
                ref var vi = ref _model.Expressions[vs];
                if (vi.HasError) bad = true;
                else if (vi.IsIntegerConstant && vi.Type.IsInteger) value = _model.IntegerConstants[vi.ConstantIndex];
                else
                {
                    Error(e.Value.FirstToken, $"enumerator value for '{_names[e.Name]}' is not an integer constant");
                    bad = true;
                }
            }
            int mark = _scratch.Count;
            var enumerator = en.AddEnumerator(_names[e.Name], bad ? IntegerConstant.Create(0, _ctx.Int) : value, _scratch, _unit.LocationOf(_toks[e.NameToken]));
            TakeScratch(mark, e.NameToken);
            var sym = Register(new EnumeratorSymbol(_names[e.Name], e.Name, enumerator, tag, e) { IsFileScope = AtFileScope });
            enumerator.Declaration = sym;
            if (LookupCurrentScope(e.Name, tag: false) is { } prev)
                Error(e.NameToken, prev is EnumeratorSymbol ? $"redeclaration of enumerator '{_names[e.Name]}'" : $"'{_names[e.Name]}' redeclared as different kind of symbol");
            Bind(e.Name, sym, tag: false);
            pending.Add((e, sym));
        }
        _tagDefinitionStack.RemoveAt(_tagDefinitionStack.Count - 1);
        var attrs = new AttrSet();
        CollectAttributes(s.Attributes, ref attrs);
        CollectAttributes(s.TrailingAttributes, ref attrs);
        int? modeBits = attrs.Mode is string m ? ModeBits(m) : null;
        int mark2 = _scratch.Count;
        en.Complete(attrs.Packed, _scratch, _unit.LocationOf(_toks[s.FirstToken]), modeBits);
        TakeScratch(mark2, s.FirstToken);
        foreach (var (e, sym) in pending) SetDeclarator(e, new DeclaratorInfo(sym, sym.Type, null, null));
        return tag;
    }

    private static int? ModeBits(string mode)
    {
        var m = AttributeName(mode);
        return m switch
        {
            "QI" or "byte" => 8,
            "HI" => 16,
            "SI" => 32,
            "DI" or "word" or "pointer" => 64,
            "TI" => 128,
            _ => null,
        };
    }
}
