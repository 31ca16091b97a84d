using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

public sealed partial class SemanticAnalyzer
{
    /// <summary>The symbols of the parameter scope of the function declarator being defined (re-bound in the body).</summary>
    private List<Symbol>? _keptParameterScope;

    // ------------------------------------------------------------------ declarators

    /// <summary>
    /// Builds the type a declarator gives to <paramref name="t"/>, outermost derivation first.
    /// When <paramref name="keepScopeOf"/> is met, its parameter scope's symbols are kept in
    /// <see cref="_keptParameterScope"/> (a definition's parameters). Attributes written inside
    /// the declarator go to <paramref name="attrs"/>.
    /// </summary>
    private QualifiedType ApplyDeclarator(Declarator? d, QualifiedType t, out IdentifierDeclarator? name, FunctionDeclarator? keepScopeOf, ref AttrSet attrs)
    {
        name = null;
        int guard = 0;
        while (d is not null)
        {
            if (++guard > 10000 || _stopped) break;
            switch (d)
            {
                case IdentifierDeclarator id:
                    name = id;
                    return t;
                case ParenthesizedDeclarator p:
                    CollectAttributes(p.Attributes, ref attrs);
                    d = p.Inner;
                    continue;
                case PointerDeclarator p:
                {
                    var quals = TypeQualifiers.None;
                    var space = AddressSpace.Generic;
                    foreach (var q in p.Qualifiers)
                    {
                        if (q is KeywordSpecifier k)
                        {
                            quals |= k.Keyword switch
                            {
                                Keyword.Const => TypeQualifiers.Const,
                                Keyword.Volatile => TypeQualifiers.Volatile,
                                Keyword.Restrict => TypeQualifiers.Restrict,
                                Keyword.Atomic => TypeQualifiers.Atomic,
                                _ => TypeQualifiers.None,
                            };
                            if (k.Keyword == Keyword.SegFs) space = AddressSpace.SegFs;
                            else if (k.Keyword == Keyword.SegGs) space = AddressSpace.SegGs;
                        }
                    }
                    t = new QualifiedType(_ctx.Pointer(t), quals, space);
                    d = p.Inner;
                    continue;
                }
                case ArrayDeclarator a:
                    t = ArrayOf(a, t);
                    d = a.Inner;
                    continue;
                case FunctionDeclarator f:
                    t = FunctionOf(f, t, ReferenceEquals(f, keepScopeOf));
                    d = f.Inner;
                    continue;
                default:
                    return t;
            }
        }
        return t;
    }

    private string DeclaratorName(Declarator? d)
    {
        var id = d?.FindName();
        return id is null ? "" : _names[id.Name];
    }

    private QualifiedType ArrayOf(ArrayDeclarator a, QualifiedType element)
    {
        var name = DeclaratorName(a);
        var ec = element.Canonical.Type;
        if (ec is FunctionType)
        {
            Error(a.OpenBracketToken, name.Length > 0 ? $"declaration of '{name}' as array of functions" : "declaration of type name as array of functions");
            element = new QualifiedType(_ctx.Int);
        }
        else if (ec is VoidType)
        {
            Error(a.OpenBracketToken, name.Length > 0 ? $"declaration of '{name}' as array of voids" : "declaration of type name as array of voids");
            element = new QualifiedType(_ctx.Char);
        }
        else if (!element.IsComplete && (ec is RecordType or EnumType || ec is ArrayType { SizeKind: ArraySizeKind.Incomplete }))
        {
            Error(a.OpenBracketToken, $"array type has incomplete element type '{TypeText(element)}'");
        }
        if (a.IsStar) return new QualifiedType(_ctx.VariableArray(element, null));
        if (a.Size is null) return new QualifiedType(_ctx.IncompleteArray(element));
        int s = Expr(a.Size);
        ref var info = ref _model.Expressions[s];
        if (info.HasError) return new QualifiedType(_ctx.IncompleteArray(element));
        if (!info.ValueType.IsInteger)
        {
            Error(a.Size.FirstToken, name.Length > 0 ? $"size of array '{name}' has non-integer type" : "size of unnamed array has non-integer type");
            return new QualifiedType(_ctx.IncompleteArray(element));
        }
        if (info.IsIntegerConstant)
        {
            var v = _model.IntegerConstants[info.ConstantIndex];
            if (v.IsNegative)
            {
                Error(a.Size.FirstToken, name.Length > 0 ? $"size of array '{name}' is negative" : "size of unnamed array is negative");
                return new QualifiedType(_ctx.IncompleteArray(element));
            }
            var esize = _ctx.SizeOf(element) ?? 1;
            if (v.UnsignedValue > (UInt128)(long.MaxValue / Math.Max(1, esize)))
            {
                Error(a.Size.FirstToken, name.Length > 0 ? $"size of array '{name}' is too large" : "size of unnamed array is too large");
                return new QualifiedType(_ctx.IncompleteArray(element));
            }
            return new QualifiedType(_ctx.Array(element, (long)v.UnsignedValue));
        }
        if (_function is null && CurrentScopeKind != ScopeKind.Prototype && name.Length > 0)
        {
            Error(a.Size.FirstToken, $"variably modified '{name}' at file scope");
            return new QualifiedType(_ctx.IncompleteArray(element));
        }
        return new QualifiedType(_ctx.VariableArray(element, a.Size));
    }

    private QualifiedType FunctionOf(FunctionDeclarator f, QualifiedType ret, bool keepScope)
    {
        var rc = ret.Canonical.Type;
        var name = DeclaratorName(f);
        if (rc is FunctionType)
        {
            Error(f.OpenParenToken, $"'{name}' declared as function returning a function");
            ret = new QualifiedType(_ctx.Int);
        }
        else if (rc is ArrayType)
        {
            Error(f.OpenParenToken, $"'{name}' declared as function returning an array");
            ret = new QualifiedType(_ctx.Int);
        }
        PushScope(ScopeKind.Prototype);
        var ps = new List<QualifiedType>(f.Parameters.Length);
        bool prototyped = f.IsPrototype;
        for (int i = 0; i < f.Parameters.Length && !_stopped; i++)
        {
            var p = f.Parameters[i];
            var ds = Specifiers(p.Specifiers);
            var attrs = ds.Attrs;
            CollectAttributes(p.Attributes, ref attrs);
            var t = ApplyDeclarator(p.Declarator, ds.Type, out var id, null, ref attrs);
            t = ApplyTypeAttributes(t, ref attrs, p.FirstToken, false);
            if (ds.Storage != Keyword.None && ds.Storage != Keyword.Register)
                Error(ds.StorageToken, id is null ? "storage class specified for unnamed parameter" : $"storage class specified for parameter '{_names[id.Name]}'");
            // (void)
            if (f.Parameters.Length == 1 && id is null && p.Declarator is null && t.IsVoid && !t.HasQualifiers && !f.IsVariadic)
            {
                SetDeclarator(p, new DeclaratorInfo(null, t, null, null));
                break;
            }
            if (t.IsVoid && p.Declarator is null)
            {
                Error(p.FirstToken, "'void' must be the only parameter");
                t = new QualifiedType(_ctx.Int);
            }
            var adjusted = AdjustParameter(t, p.Declarator);
            ps.Add(adjusted);
            ObjectSymbol? sym = null;
            if (id is not null)
            {
                sym = Register(new ObjectSymbol(_names[id.Name], id.Name, adjusted)
                {
                    IsParameter = true,
                    Linkage = Linkage.None,
                    StorageDuration = StorageDuration.Automatic,
                    OwnerFunction = _function,
                    IsRegister = ds.Storage == Keyword.Register,
                });
                var rec = new DeclarationRecord(sym, p, p.Declarator, adjusted, adjusted, null, true, true, false, ds.Storage);
                sym.DeclarationList.Add(rec);
                if (LookupCurrentScope(id.Name, false) is not null) Error(id.Token, $"redefinition of parameter '{_names[id.Name]}'");
                else Bind(id.Name, sym, false);
                SetDeclarator(id, new DeclaratorInfo(sym, adjusted, rec, null));
                SetDeclarator(p, new DeclaratorInfo(sym, adjusted, rec, null));
            }
            else SetDeclarator(p, new DeclaratorInfo(null, adjusted, null, null));
        }
        List<Symbol>? kept = keepScope ? new List<Symbol>() : null;
        PopScope(kept);
        if (kept is not null)
        {
            kept.Reverse();
            _keptParameterScope = kept;
        }
        if (!prototyped) return new QualifiedType(_ctx.UnprototypedFunction(ret));
        return new QualifiedType(_ctx.Function(ret, ps, f.IsVariadic));
    }

    /// <summary>C11 6.7.6.3p7-8: arrays become pointers (keeping the qualifiers in the brackets), functions pointers to functions.</summary>
    private QualifiedType AdjustParameter(QualifiedType t, Declarator? d)
    {
        var c = t.Type;
        while (c is TypedefType td) c = td.Underlying.Type;
        if (t.Canonical.Type is ArrayType)
        {
            var element = t.Canonical.Type is ArrayType ca ? ca.Element : t;
            if (c is ArrayType wa) element = wa.Element;
            var quals = TypeQualifiers.None;
            // qualifiers inside the outermost array declarator's brackets
            var ad = OutermostArrayOfName(d);
            if (ad is not null)
                foreach (var q in ad.Qualifiers)
                    if (q is KeywordSpecifier k)
                        quals |= k.Keyword switch { Keyword.Const => TypeQualifiers.Const, Keyword.Volatile => TypeQualifiers.Volatile, Keyword.Restrict => TypeQualifiers.Restrict, _ => 0 };
            if (t.Qualifiers != TypeQualifiers.None && c is not ArrayType) element = element.WithQualifiers(t.Qualifiers);
            return new QualifiedType(_ctx.Pointer(element), quals);
        }
        if (t.Canonical.Type is FunctionType) return new QualifiedType(_ctx.Pointer(t));
        return t;
    }

    /// <summary>The array declarator that applies directly to the name (through parentheses).</summary>
    private static ArrayDeclarator? OutermostArrayOfName(Declarator? d)
    {
        ArrayDeclarator? candidate = null;
        while (d is not null)
        {
            switch (d)
            {
                case IdentifierDeclarator: return candidate;
                case ParenthesizedDeclarator: break;
                case ArrayDeclarator a: candidate = a; break;
                default: candidate = null; break;
            }
            d = d.InnerDeclarator;
        }
        return candidate;
    }

    // ------------------------------------------------------------------ declarations

    private void Declaration(Declaration decl)
    {
        bool standalone = decl.Declarators.Length == 0;
        var ds = Specifiers(decl.Specifiers, standalone);
        if (standalone)
        {
            if (!ds.HasTypeSpecifier && !ds.Error) Warning(decl.FirstToken, "useless type name in empty declaration");
            else if (ds.Tag is null && !ds.Error && ds.Type.Canonical.Type is not RecordType && ds.Type.Canonical.Type is not EnumType)
                Warning(decl.FirstToken, "useless type name in empty declaration");
            return;
        }
        foreach (var init in decl.Declarators)
        {
            if (_stopped) return;
            InitDeclarator(decl, ds, init);
        }
    }

    private void InitDeclarator(Declaration decl, DeclSpec ds, InitDeclarator init)
    {
        var attrs = ds.Attrs;
        CollectAttributes(init.PrefixAttributes, ref attrs);
        CollectAttributes(init.Attributes, ref attrs);
        var t = ApplyDeclarator(init.Declarator, ds.Type, out var id, null, ref attrs);
        t = ApplyTypeAttributes(t, ref attrs, init.FirstToken, ds.Storage == Keyword.Typedef);
        if (id is null) return;
        int nameTok = id.Token;
        string name = _names[id.Name];

        if (ds.Storage == Keyword.Typedef)
        {
            if (init.Initializer is not null) Error(nameTok, $"typedef '{name}' is initialized (use __typeof__ instead)");
            DeclareTypedef(decl, init, id, t, ref attrs);
            return;
        }
        if (ds.AutoType)
        {
            if (init.Initializer is Expression ie)
            {
                int s = Expr(ie);
                var vt = _model.Expressions[s].ValueType;
                t = new QualifiedType(vt.Type, vt.Qualifiers | ds.Type.Qualifiers, ds.Type.AddressSpace);
            }
            else
            {
                Error(nameTok, $"'__auto_type' requires an initialized data declaration");
                t = new QualifiedType(_ctx.Int);
            }
        }
        if (t.Canonical.Type is FunctionType)
        {
            if (init.Initializer is not null) Error(nameTok, $"function '{name}' is initialized like a variable");
            var fs = DeclareFunction(init, init.Declarator, id, t, ds, ref attrs, definition: false);
            if (init.AsmLabel is not null) fs.AsmLabel = StringText(init.AsmLabel.Name);
            return;
        }
        var obj = DeclareObject(init, id, t, ds, ref attrs, init.Initializer is not null);
        if (init.Initializer is not null && !ds.AutoType)
        {
            var declared = obj.Type;
            bool isStatic = obj.StorageDuration != StorageDuration.Automatic;
            var final = Initializer(init.Initializer, declared, isStatic, nameTok);
            if (!final.Equals(declared))
            {
                obj.SetType(final);
                var rec = obj.DeclarationList[^1];
                SetDeclarator(init, new DeclaratorInfo(obj, final, rec, null));
                SetDeclarator(id, new DeclaratorInfo(obj, final, rec, null));
            }
        }
        else if (ds.AutoType && init.Initializer is not null) { /* analysed above */ }
        if (obj.StorageDuration == StorageDuration.Automatic && !obj.Type.IsComplete && !obj.Type.IsVariablyModified
            && obj.Type.Canonical.Type is not ArrayType { SizeKind: ArraySizeKind.Variable })
        {
            Error(nameTok, $"storage size of '{name}' isn't known");
        }
        else if (obj.StorageDuration == StorageDuration.Static && !AtFileScope && obj.Linkage == Linkage.None && !obj.Type.IsComplete)
            Error(nameTok, $"storage size of '{name}' isn't known");
    }

    private void DeclareTypedef(Declaration decl, InitDeclarator init, IdentifierDeclarator id, QualifiedType t, ref AttrSet attrs)
    {
        var name = _names[id.Name];
        if (attrs.TransparentUnion)
        {
            if (t.Canonical.Type is RecordType { IsUnion: true } u)
            {
                int mark = _scratch.Count;
                u.MarkTransparentUnion(_scratch);
                TakeScratch(mark, id.Token);
            }
            else Warning(attrs.TransparentToken, "'transparent_union' attribute ignored");
        }
        var td = _ctx.Typedef(name, t, attrs.Aligned);
        var existing = LookupCurrentScope(id.Name, false);
        TypedefSymbol sym;
        if (existing is TypedefSymbol prev && !prev.IsBuiltin)
        {
            if (!prev.TypedefType.Underlying.SameTypeAs(t) && !TypeCompatibility.AreCompatible(prev.TypedefType.Underlying, t))
                Error(id.Token, $"conflicting types for '{name}'; have '{TypeText(t)}'");
            else if (t.IsVariablyModified)
                Error(id.Token, $"redefinition of typedef '{name}' with variably modified type");
        }
        else if (existing is not null && existing is not TypedefSymbol)
            Error(id.Token, $"'{name}' redeclared as different kind of symbol");
        sym = Register(new TypedefSymbol(name, id.Name, td) { Declarator = init, Declaration = decl, IsFileScope = AtFileScope });
        td.Declaration = sym;
        Bind(id.Name, sym, false);
        var info = new DeclaratorInfo(sym, new QualifiedType(td), null, null);
        SetDeclarator(init, info);
        SetDeclarator(id, info);
    }

    private ObjectSymbol DeclareObject(InitDeclarator node, IdentifierDeclarator id, QualifiedType t, DeclSpec ds, ref AttrSet attrs, bool hasInit)
    {
        var name = _names[id.Name];
        var storage = ds.Storage;
        bool file = AtFileScope;
        ObjectSymbol? entity = null;
        Linkage linkage;
        StorageDuration duration;
        DeclarationRecord? previousVisible = null;
        var visible = Lookup(id.Name);
        bool visibleInScope = LookupCurrentScope(id.Name, false) is not null;

        if (file || storage == Keyword.Extern)
        {
            duration = ds.ThreadLocal ? StorageDuration.Thread : StorageDuration.Static;
            Symbol? prior = null;
            if (visible is ObjectSymbol { Linkage: not Linkage.None } || visible is FunctionSymbol { Linkage: not Linkage.None }) prior = visible;
            else if (visible is not null && visibleInScope && file) prior = visible; // a conflicting kind at file scope
            else if (visible is null || !file) _externals.TryGetValue(id.Name, out prior);
            if (!file && storage == Keyword.Extern && hasInit) Error(id.Token, $"'{name}' has both 'extern' and initializer");

            if (storage == Keyword.Static) linkage = Linkage.Internal;
            else if (storage == Keyword.Extern && prior is ObjectSymbol { Linkage: Linkage.Internal } && ReferenceEquals(prior, visible)) linkage = Linkage.Internal;
            else linkage = Linkage.External;

            if (prior is ObjectSymbol po)
            {
                if (po.Linkage == Linkage.Internal && linkage == Linkage.External && storage != Keyword.Extern)
                    Error(id.Token, $"non-static declaration of '{name}' follows static declaration");
                else if (po.Linkage == Linkage.External && linkage == Linkage.Internal)
                    Error(id.Token, $"static declaration of '{name}' follows non-static declaration");
                entity = po;
                linkage = po.Linkage;
                if (ReferenceEquals(prior, visible) || file) previousVisible = po.DeclarationList.Count > 0 && ReferenceEquals(prior, visible) ? po.DeclarationList[^1] : null;
                if (!TypeCompatibility.AreCompatible(po.Type, t))
                {
                    Error(id.Token, $"conflicting types for '{name}'; have '{TypeText(t)}'");
                }
                else po.SetType(TypeCompatibility.Composite(po.Type, t));
                if (hasInit && po.Definition?.Node is InitDeclarator { Initializer: not null })
                    Error(id.Token, $"redefinition of '{name}'");
                if (ds.ThreadLocal != (po.StorageDuration == StorageDuration.Thread) && po.DeclarationList.Count > 0)
                    Error(id.Token, ds.ThreadLocal ? $"thread-local declaration of '{name}' follows non-thread-local declaration" : $"non-thread-local declaration of '{name}' follows thread-local declaration");
            }
            else if (prior is not null)
            {
                Error(id.Token, $"'{name}' redeclared as different kind of symbol");
            }
        }
        else
        {
            linkage = Linkage.None;
            duration = storage == Keyword.Static ? StorageDuration.Static : ds.ThreadLocal ? StorageDuration.Thread : StorageDuration.Automatic;
            if (ds.ThreadLocal && storage != Keyword.Static) Error(id.Token, $"function-scope '{name}' implicitly auto and declared '__thread'");
            if (visibleInScope) Error(id.Token, visible is ObjectSymbol or EnumeratorSymbol or TypedefSymbol && visible is not FunctionSymbol
                ? $"redeclaration of '{name}' with no linkage" : $"'{name}' redeclared as different kind of symbol");
        }

        bool first = entity is null;
        entity ??= Register(new ObjectSymbol(name, id.Name, t)
        {
            Linkage = linkage,
            StorageDuration = duration,
            IsFileScope = file,
            OwnerFunction = file ? null : _function,
            IsRegister = storage == Keyword.Register,
        });
        if (first && entity.Linkage == Linkage.External) _externals[id.Name] = entity;
        if (first && entity.IsLocalStatic) _function?.LocalStaticList.Add(entity);
        var align = MaxAlign(attrs.Aligned, ds.Alignas);
        if (align is int al) entity.RequestedAlignment = MaxAlign(entity.RequestedAlignment, al);

        bool isDefinition = hasInit || storage != Keyword.Extern;
        var rec = new DeclarationRecord(entity, node, node.Declarator, t, entity.Type, previousVisible, first, isDefinition, file, storage);
        rec.Index = entity.DeclarationList.Count;
        entity.DeclarationList.Add(rec);
        if (hasInit)
        {
            entity.Definition = rec;
            entity.Initializer = node.Initializer;
        }
        else if (isDefinition && entity.Definition is null)
        {
            entity.Definition = rec;
            if (file) _tentatives.Add(entity);
        }
        if (!(visibleInScope && ReferenceEquals(visible, entity))) Bind(id.Name, entity, false);
        var info = new DeclaratorInfo(entity, entity.Type, rec, null);
        SetDeclarator(node, info);
        SetDeclarator(id, info);
        return entity;
    }

    private FunctionSymbol DeclareFunction(SyntaxNode node, Declarator declarator, IdentifierDeclarator id, QualifiedType t, DeclSpec ds, ref AttrSet attrs, bool definition)
    {
        var name = _names[id.Name];
        var storage = ds.Storage;
        bool file = AtFileScope;
        // qualifiers on a function type (old GNU "volatile void f()": noreturn) are dropped
        if (t.HasQualifiers || t.Canonical.HasQualifiers) t = new QualifiedType(t.Canonical.Type);
        if (!file && storage == Keyword.Static && !definition) Error(id.Token, $"invalid storage class for function '{name}'");
        if (storage is Keyword.Auto or Keyword.Register && file) Error(id.Token, $"function '{name}' has invalid storage class");
        var visible = Lookup(id.Name);
        bool visibleInScope = LookupCurrentScope(id.Name, false) is not null;
        Symbol? prior = null;
        bool nested = definition && !file;
        if (nested)
        {
            if (visibleInScope && visible is not FunctionSymbol { IsNested: true }) prior = visible;
            else if (visibleInScope) prior = visible;
        }
        else if (visible is FunctionSymbol { Linkage: not Linkage.None } || visible is ObjectSymbol { Linkage: not Linkage.None }) prior = visible;
        else if (visible is not null && (visibleInScope || file)) prior = visible;
        else _externals.TryGetValue(id.Name, out prior);
        if (prior is null && _builtinSymbols.TryGetValue(id.Name, out var b)) prior = b;

        Linkage linkage = nested ? Linkage.None : storage == Keyword.Static ? Linkage.Internal : Linkage.External;
        FunctionSymbol? entity = null;
        DeclarationRecord? previousVisible = null;
        if (prior is FunctionSymbol pf)
        {
            if (nested && !pf.IsNested)
            {
                // a nested function shadowing an outer declaration
                prior = null;
            }
            else
            {
                entity = pf;
                if (!pf.IsBuiltin)
                {
                    if (storage == Keyword.Static && pf.Linkage == Linkage.External && !pf.IsImplicit)
                        Error(id.Token, $"static declaration of '{name}' follows non-static declaration");
                    else if (storage == Keyword.Static && pf.Linkage == Linkage.External && pf.IsImplicit)
                        Error(id.Token, $"static declaration of '{name}' follows non-static declaration");
                    if (pf.Linkage != Linkage.None) linkage = pf.Linkage;
                }
                else linkage = storage == Keyword.Static ? Linkage.Internal : Linkage.External;
                previousVisible = ReferenceEquals(prior, visible) && pf.DeclarationList.Count > 0 ? pf.DeclarationList[^1] : null;
                if (pf.IsBuiltin && pf.DeclarationList.Count == 0)
                {
                    // the user's declaration of a library builtin wins (gcc warns when they differ)
                    pf.SetType(t);
                    pf.Linkage = linkage;
                }
                else if (!TypeCompatibility.AreCompatible(pf.Type, t))
                {
                    var oldF = (FunctionType)pf.Type.Canonical.Type;
                    var newF = (FunctionType)t.Canonical.Type;
                    bool returnsCompatible = TypeCompatibility.AreCompatible(oldF.ReturnType, newF.ReturnType);
                    if (pf.IsImplicit && pf.DeclarationList.Count == 0 || pf.IsBuiltin) pf.SetType(t);
                    else if (returnsCompatible && (newF.OldStyleParameters is not null || oldF.OldStyleParameters is not null))
                    {
                        // a K&R definition against a prototype: gcc only warns about promoted parameters
                        Warning(id.Token, $"conflicting types for '{name}'");
                        if (!oldF.IsPrototyped) pf.SetType(t);
                    }
                    else if (definition && !ds.HasTypeSpecifier && oldF.ReturnType.IsVoid && newF.ReturnType.Kind == TypeKind.Int)
                    {
                        Warning(id.Token, $"conflicting types for '{name}'");
                        t = pf.Type;
                    }
                    else Error(id.Token, $"conflicting types for '{name}'; have '{TypeText(t)}'");
                }
                else pf.SetType(TypeCompatibility.Composite(pf.Type, t));
                if (definition && pf.Definition is not null)
                {
                    bool gnuExternInline = pf.IsGnuInline || (_opts.Gnu89Inline && pf.IsExternInline) || pf.IsExternInline && pf.IsGnuInline;
                    if (!(pf.IsExternInline && (pf.IsGnuInline || _opts.Gnu89Inline)) && !gnuExternInline)
                        Error(id.Token, $"redefinition of '{name}'");
                }
            }
        }
        else if (prior is not null)
        {
            Error(id.Token, $"'{name}' redeclared as different kind of symbol");
        }

        bool first = entity is null || entity.DeclarationList.Count == 0;
        entity ??= Register(new FunctionSymbol(name, id.Name, t)
        {
            Linkage = linkage,
            IsFileScope = file,
            IsNested = nested,
            OwnerFunction = file ? null : _function,
        });
        if (entity.Linkage == Linkage.External && !nested) _externals[id.Name] = entity;
        if (ds.Inline)
        {
            entity.IsInline = true;
            if (storage == Keyword.Extern) entity.IsExternInline = true;
        }
        entity.IsGnuInline |= attrs.GnuInline;
        entity.IsAlwaysInline |= attrs.AlwaysInline;
        entity.IsNoreturn |= ds.Noreturn || attrs.Noreturn;
        var rec = new DeclarationRecord(entity, node, declarator, t, entity.Type, previousVisible, first, definition, file, storage);
        rec.Index = entity.DeclarationList.Count;
        entity.DeclarationList.Add(rec);
        if (definition) entity.Definition = rec;
        if (!(visibleInScope && ReferenceEquals(visible, entity))) Bind(id.Name, entity, false);
        var info = new DeclaratorInfo(entity, entity.Type, rec, null);
        SetDeclarator(node, info);
        SetDeclarator(id, info);
        return entity;
    }

    // ------------------------------------------------------------------ function definitions

    private void FunctionDefinition(FunctionDefinition fd)
    {
        var ds = Specifiers(fd.Specifiers);
        var attrs = ds.Attrs;
        CollectAttributes(fd.Attributes, ref attrs);
        var fdecl = fd.Declarator.FindFunctionOfName();
        _keptParameterScope = null;
        var t = ApplyDeclarator(fd.Declarator, ds.Type, out var id, fdecl, ref attrs);
        t = ApplyTypeAttributes(t, ref attrs, fd.FirstToken, false);
        var kept = _keptParameterScope ?? new List<Symbol>();
        _keptParameterScope = null;
        if (id is null || fdecl is null || t.Canonical.Type is not FunctionType)
        {
            Error(fd.Declarator.FirstToken, "expected function declarator in function definition");
            return;
        }
        // K&R parameter declarations
        if (fdecl.IdentifierNames is { } knrNames)
            t = KnRParameters(fd, fdecl, knrNames, t, kept);
        else if (fd.KnRDeclarations.Length > 0)
            Error(fd.KnRDeclarations[0].FirstToken, "old-style parameter declarations in prototyped function definition");

        var ft = (FunctionType)t.Canonical.Type;
        var fs = DeclareFunction(fd, fd.Declarator, id, t, ds, ref attrs, definition: true);
        if (fd.AsmLabel is not null) fs.AsmLabel = StringText(fd.AsmLabel.Name);
        _model.FunctionDefinitionList.Add(fs);

        var outerFunction = _function;
        var outerLabels = _labels;
        var outerSwitch = _switches;
        var outerLoops = _breakable;
        var outerLoopCount = _loops;
        var outerReturn = _returnType;
        _function = fs;
        _labels = new Dictionary<int, LabelSymbol>();
        if (outerFunction is not null)
            foreach (var (k, v) in outerLabels)
                if (v.IsLocal) _labels[k] = v;
        _switches = new List<SwitchContext>();
        _breakable = 0;
        _loops = 0;
        _returnType = ft.ReturnType;
        PushScope(ScopeKind.Function);
        foreach (var s in kept)
        {
            if (s is ObjectSymbol o) o.OwnerFunction = fs;
            if (s is TagSymbol tag) { if (tag.NameId >= 0) Bind(tag.NameId, tag, true); }
            else if (s.NameId >= 0) Bind(s.NameId, s, false);
        }
        if (!ft.ReturnType.IsVoid && !ft.ReturnType.IsComplete && ft.ReturnType.Canonical.Type is RecordType or EnumType)
            Error(id.Token, "return type is an incomplete type");
        foreach (var item in fd.Body.Items)
        {
            if (_stopped) break;
            BlockItem(item);
        }
        CheckLabels();
        PopScope();
        _function = outerFunction;
        _labels = outerLabels;
        _switches = outerSwitch;
        _breakable = outerLoops;
        _loops = outerLoopCount;
        _returnType = outerReturn;
    }

    private QualifiedType KnRParameters(FunctionDefinition fd, FunctionDeclarator fdecl, int[] names, QualifiedType t, List<Symbol> kept)
    {
        var ret = ((FunctionType)t.Canonical.Type).ReturnType;
        var declaredTypes = new Dictionary<int, (QualifiedType, ObjectSymbol)>();
        PushScope(ScopeKind.Prototype);
        foreach (var d in fd.KnRDeclarations)
        {
            var ds = Specifiers(d.Specifiers);
            foreach (var init in d.Declarators)
            {
                var attrs = ds.Attrs;
                CollectAttributes(init.Attributes, ref attrs);
                var pt = ApplyDeclarator(init.Declarator, ds.Type, out var pid, null, ref attrs);
                pt = ApplyTypeAttributes(pt, ref attrs, init.FirstToken, false);
                if (pid is null) continue;
                if (Array.IndexOf(names, pid.Name) < 0)
                {
                    Error(pid.Token, $"declaration for parameter '{_names[pid.Name]}' but no such parameter");
                    continue;
                }
                var adjusted = AdjustParameter(pt, init.Declarator);
                var sym = Register(new ObjectSymbol(_names[pid.Name], pid.Name, adjusted)
                {
                    IsParameter = true,
                    StorageDuration = StorageDuration.Automatic,
                    IsRegister = ds.Storage == Keyword.Register,
                });
                var rec = new DeclarationRecord(sym, init, init.Declarator, adjusted, adjusted, null, true, true, false, ds.Storage);
                sym.DeclarationList.Add(rec);
                if (!declaredTypes.TryAdd(pid.Name, (adjusted, sym))) Error(pid.Token, $"redefinition of parameter '{_names[pid.Name]}'");
                var info = new DeclaratorInfo(sym, adjusted, rec, null);
                SetDeclarator(init, info);
                SetDeclarator(pid, info);
            }
        }
        PopScope();
        var types = new List<QualifiedType>(names.Length);
        kept.Clear();
        for (int i = 0; i < names.Length; i++)
        {
            if (!declaredTypes.TryGetValue(names[i], out var p))
            {
                var sym = Register(new ObjectSymbol(_names[names[i]], names[i], new QualifiedType(_ctx.Int))
                {
                    IsParameter = true,
                    StorageDuration = StorageDuration.Automatic,
                });
                var rec = new DeclarationRecord(sym, fdecl, null, sym.Type, sym.Type, null, true, true, false, Keyword.None);
                sym.DeclarationList.Add(rec);
                p = (sym.Type, sym);
            }
            types.Add(p.Item1);
            kept.Add(p.Item2);
        }
        return new QualifiedType(_ctx.UnprototypedFunction(ret, types));
    }

    // ------------------------------------------------------------------ static assertions

    private void StaticAssert(StaticAssertDeclaration sa)
    {
        _unevaluated++;
        _requireConstant++;
        int s = Expr(sa.Condition);
        _requireConstant--;
        _unevaluated--;
        ref var info = ref _model.Expressions[s];
        if (info.HasError) return;
        if (!info.IsIntegerConstant || !info.Type.IsInteger)
        {
            Error(sa.Condition.FirstToken, "expression in static assertion is not an integer constant expression");
            return;
        }
        if (_model.IntegerConstants[info.ConstantIndex].IsZero)
        {
            var msg = sa.Message is null ? "" : StringText(sa.Message);
            Error(sa.FirstToken, sa.Message is null ? "static assertion failed" : $"static assertion failed: \"{msg}\"");
        }
    }

    /// <summary>The text of a (narrow) string literal, escapes as written, pieces concatenated.</summary>
    private string StringText(StringLiteral s)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = s.FirstToken; i <= s.LastToken; i++)
        {
            var k = _toks[i].Kind;
            if (k is < Preprocessing.TokenKind.String or > Preprocessing.TokenKind.Utf8String) continue;
            var sp = _names[_toks[i].Text];
            int q = sp.IndexOf('"');
            if (q >= 0 && sp.Length >= q + 2) sb.Append(sp, q + 1, sp.Length - q - 2);
        }
        return sb.ToString();
    }
}
