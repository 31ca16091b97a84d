using KlpCcp.Engine.LivePatch.Model;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Output;

// SPEC §2.10: the chunks of the output, external declaration by external declaration.
internal sealed partial class OutputAssembly
{
    private readonly List<OutputChunk> _chunks = new();
    /// <summary>Token positions of file-scope tag mentions that the emitted text contains (they declare the tag).</summary>
    private readonly Dictionary<TagSymbol, int> _declaredAt = new();
    /// <summary>Tag declarations to synthesize (struct X;) before the item at the key position.</summary>
    private readonly Dictionary<int, List<Specifier>> _tagForwardDeclarations = new();

    private List<OutputChunk> Assemble()
    {
        // tag declarations first need to know which mentions get emitted: assemble twice
        EmitAll();
        if (ResolveTagDeclarations())
        {
            Drain();
            _chunks.Clear();
            _declaredAt.Clear();
            EmitAll();
        }
        return _chunks;
    }

    private void EmitAll()
    {
        var includes = _unit.Record.Includes
            .Where(i => i.Region >= 0 && !i.IsPreInclude && !i.IsIMacros && i.DirectiveLoc > 0
                        && _includeRootOfRegion.GetValueOrDefault(i.Region, -1) == i.Region)
            .OrderBy(i => i.OutputStart)
            .ToList();
        int nextInclude = 0;
        foreach (var item in _model.Items)
        {
            while (nextInclude < includes.Count && includes[nextInclude].OutputStart <= item.FirstToken)
                EmitInclude(includes[nextInclude++]);
            if (_tagForwardDeclarations.TryGetValue(item.Index, out var fwd))
                foreach (var spec in fwd)
                    if (!IsStandaloneTagDeclarationOf(item, spec)) EmitTagDeclaration(spec, item);
            if (IncludeRootOf(item) >= 0)
            {
                EmitFromIncludedHeader(item);
                continue;
            }
            // headers included from inside the declaration stay #included in place (SPEC §2.10 (b))
            var inside = new List<IncludeRecord>();
            while (nextInclude < includes.Count && includes[nextInclude].OutputStart <= item.LastToken)
                inside.Add(includes[nextInclude++]);
            int before = _chunks.Count;
            EmitItem(item);
            if (inside.Count > 0) SplitAroundIncludes(before, inside);
        }
        while (nextInclude < includes.Count) EmitInclude(includes[nextInclude++]);
    }

    // ---- headers ----------------------------------------------------------------------------

    private void EmitInclude(IncludeRecord inc)
    {
        var region = _unit.Sources.GetRegion(inc.DirectiveLoc);
        if (region is null) return;
        // SPEC §2.10 (a): declarations first in their chain that the header gives external linkage
        // but the live patch needs internal get a static prototype before the #include
        foreach (var item in _model.Items)
        {
            if (item.FirstToken < inc.OutputStart || item.FirstToken >= inc.OutputEnd) continue;
            foreach (var di in item.Declarators)
                if (NeedsStaticCopyBeforeInclude(di)) EmitStaticPrototype(di);
        }
        int start = inc.DirectiveLoc - region.Base;
        int end = inc.DirectiveEndLoc - region.Base;
        _chunks.Add(new OutputChunk(region.Id, TokenEdits.None) { Directive = region.File.Text.Substring(start, end - start), Include = inc.Id });
        _includedHeaders.Add(inc.Region);
    }

    /// <summary>Token pieces of the chunks from <paramref name="firstChunk"/> on lose the included headers' tokens to their #include lines.</summary>
    private void SplitAroundIncludes(int firstChunk, List<IncludeRecord> includes)
    {
        for (int c = firstChunk; c < _chunks.Count; c++)
        {
            var chunk = _chunks[c];
            var pieces = chunk.Pieces.ToList();
            chunk.Pieces.Clear();
            foreach (var piece in pieces)
            {
                if (piece is not ChunkPiece.Tokens t)
                {
                    chunk.Pieces.Add(piece);
                    continue;
                }
                int first = t.First;
                foreach (var inc in includes)
                {
                    if (inc.OutputStart > t.Last || inc.OutputEnd <= first) continue;
                    if (inc.OutputStart > first) chunk.Pieces.Add(new ChunkPiece.Tokens(first, inc.OutputStart - 1));
                    chunk.Pieces.Add(new ChunkPiece.Include(inc.Id));
                    _includedHeaders.Add(inc.Region);
                    first = inc.OutputEnd;
                }
                if (first <= t.Last) chunk.Pieces.Add(new ChunkPiece.Tokens(first, t.Last));
            }
        }
    }

    private bool NeedsStaticCopyBeforeInclude(DeclaratorItem di)
    {
        if (di.Record is not { IsFirst: true } rec || di.Symbol is not FunctionSymbol f) return false;
        if (f.Linkage == Semantics.Analysis.Linkage.Internal) return false;
        bool closureNotRenamed = _plan.Copied.Contains(f) && !_plan.Rewritten.ContainsKey(f)
                                 && !(f.IsGnuInline && f.IsAlwaysInline);
        bool staticExternalized = _plan.Externalized.TryGetValue(f, out var m) && m.Linkage == LinkageChange.MakeStatic && !m.Renamed(f.Name) && !m.Pointer;
        return closureNotRenamed || staticExternalized;
    }

    /// <summary>An item inside an included header: only the renamed entities from it are emitted (after the #include).</summary>
    private void EmitFromIncludedHeader(ExternalItem item)
    {
        int before = _chunks.Count;
        EmitRenamedFromIncludedHeader(item);
        int root = IncludeRootOf(item);
        if (!_includeOfRegion.TryGetValue(root, out var anchor)) return;
        for (int c = before; c < _chunks.Count; c++)
        {
            var old = _chunks[c];
            var anchored = new OutputChunk(old.Region, old.Edits) { Item = old.Item, Directive = old.Directive, Include = old.Include, AnchorInclude = anchor.Id };
            anchored.Pieces.AddRange(old.Pieces);
            _chunks[c] = anchored;
        }
    }

    private void EmitRenamedFromIncludedHeader(ExternalItem item)
    {
        foreach (var di in item.Declarators)
        {
            switch (di.Symbol)
            {
                case FunctionSymbol f when item.Node is FunctionDefinition fd:
                    if (_plan.ExternalizedFunctions.Contains(f) && IsRenamedOrPointer(f)) EmitFunctionPrototype(item, fd, f, externalized: true);
                    if (_plan.Patched.Contains(f) || (_plan.Rewritten.TryGetValue(f, out var rn) && rn != f.Name))
                        EmitFunctionDefinition(item, fd, f);
                    break;
                case FunctionSymbol f when item.Node is Declaration && _plan.ExternalizedFunctions.Contains(f) && IsRenamedOrPointer(f) && IsFirstVisibleDeclaration(di):
                    EmitExternalizedDeclaration(di);
                    break;
                case ObjectSymbol o when _plan.ExternalizedObjects.Contains(o) && IsRenamedOrPointer(o):
                    EmitExternalizedDeclaration(di);
                    break;
            }
        }
    }

    private bool IsRenamedOrPointer(Symbol s) => _plan.Externalized.TryGetValue(s, out var m) && (m.Pointer || m.Renamed(s.Name));

    // ---- items ------------------------------------------------------------------------------

    private void EmitItem(ExternalItem item)
    {
        switch (item.Node)
        {
            case FunctionDefinition fd when item.Declarators[0].Symbol is FunctionSymbol f:
                {
                    bool copied = _plan.InClosure(f);
                    bool externalized = _plan.ExternalizedFunctions.Contains(f);
                    if (!copied && !externalized && (_declarations.Contains(f) || _plan.DeclaredOnlyFunctions.Contains(f))
                        && IsFirstVisibleDeclaration(item.Declarators[0]))
                        EmitFunctionPrototype(item, fd, f, externalized: false);
                    if (externalized) EmitFunctionPrototype(item, fd, f, externalized: true);
                    if (copied) EmitFunctionDefinition(item, fd, f);
                    break;
                }
            case Declaration d:
                EmitDeclaration(item, d);
                break;
            case StaticAssertDeclaration:
                foreach (var spec in item.TagDefinitions)
                    if (_sema.TagMentionOf(spec) is { } m && _tagDefinitions.Contains(m.Tag) && !IsNestedIn(spec, item.TagDefinitions))
                        EmitTagAlone(item, spec, definition: true);
                break;
        }
    }

    private static bool IsNestedIn(Specifier spec, List<Specifier> all) =>
        all.Any(o => o != spec && o.FirstToken < spec.FirstToken && o.LastToken >= spec.LastToken);

    /// <summary>The first declaration of the symbol in file order (the one a declared-type need uses).</summary>
    private bool IsFirstVisibleDeclaration(DeclaratorItem di) => di.Record?.IsFirst ?? true;

    // ---- functions --------------------------------------------------------------------------

    private void EmitFunctionDefinition(ExternalItem item, FunctionDefinition fd, FunctionSymbol f)
    {
        var edits = new TokenEdits();
        RewriteReferences(edits, fd.FirstToken, fd.LastToken);
        ExternalizeLocalDeclarations(edits, fd.Body);
        var name = fd.Declarator.FindName();
        if (_plan.Patched.Contains(f))
        {
            var m = _plan.PatchedMods[f];
            if (name is not null && m.Renamed(f.Name)) edits.Replace(name.Token, m.NewName);
            ApplyFunctionLinkage(edits, fd.Specifiers, fd.Declarator, m.Linkage, item.Declarators[0].Record);
        }
        else
        {
            if (name is not null && _plan.Rewritten.TryGetValue(f, out var rn) && rn != f.Name) edits.Replace(name.Token, rn);
            ForceStatic(edits, f, fd.Specifiers, fd.Declarator, item.Declarators[0].Record);
        }
        PurgeUnneededTagBodies(edits, item);
        var chunk = NewChunk(item, edits);
        chunk.Pieces.Add(new ChunkPiece.Tokens(fd.FirstToken, fd.LastToken));
        _chunks.Add(chunk);
        NoteMentions(item, fd.FirstToken, fd.Body.FirstToken - 1);
    }

    /// <summary>
    /// SPEC §2.10: in an emitted function, a local static that is externalized (or a block-scope
    /// declaration of an externalized object) becomes an extern declaration of the externalized
    /// symbol, renamed or pointerized, without initializer.
    /// </summary>
    private void ExternalizeLocalDeclarations(TokenEdits edits, CompoundStatement body)
    {
        foreach (var n in body.DescendantsAndSelf())
        {
            if (n is not Declaration d) continue;
            foreach (var id in d.Declarators)
            {
                if (_sema.DeclaredSymbol(id) is not ObjectSymbol o || !_plan.ExternalizedObjects.Contains(o)) continue;
                var name = id.Declarator.FindName();
                if (name is not null && IsRenamedOrPointer(o)) edits.Replace(name.Token, _plan.ExternalizedDeclaratorName(o));
                if (d.Specifiers.StorageClass != Keyword.Extern) SetStorageClass(edits, d.Specifiers, id.Declarator, "extern");
                // a block-scope extern declaration takes no section or other storage attributes
                if (d.Specifiers.StorageClass == Keyword.Static || IsRenamedOrPointer(o)) PurgeAttributes(edits, d.Specifiers, id.Declarator);
                if (id.Initializer is { } init) edits.Purge(init.FirstToken - 1, init.LastToken);
            }
        }
    }

    private void EmitFunctionPrototype(ExternalItem item, FunctionDefinition fd, FunctionSymbol f, bool externalized)
    {
        var edits = new TokenEdits();
        int last = fd.Body.FirstToken - 1;
        RewriteReferences(edits, fd.FirstToken, last);
        if (externalized) ExternalizeDeclaration(edits, f, fd.Specifiers, fd.Declarator, item.Declarators[0].Record, isFunction: true);
        PurgeUnneededTagBodies(edits, item);
        // K&R definitions: the parameter declarations are not part of a prototype
        foreach (var kr in fd.KnRDeclarations) edits.Purge(kr.FirstToken, kr.LastToken);
        var chunk = NewChunk(item, edits);
        chunk.Pieces.Add(new ChunkPiece.Tokens(fd.FirstToken, last));
        chunk.Pieces.Add(new ChunkPiece.Text(";"));
        _chunks.Add(chunk);
        NoteMentions(item, fd.FirstToken, last);
    }

    private void EmitStaticPrototype(DeclaratorItem di)
    {
        var item = di.Owner;
        var edits = new TokenEdits();
        var specs = item.Specifiers;
        int first = item.FirstToken;
        int last = item.Node is FunctionDefinition fd ? fd.Body.FirstToken - 1 : item.LastToken - 1;
        RewriteReferences(edits, first, last);
        if (specs is not null) SetStorageClass(edits, specs, di.Declarator, "static");
        if (item.Node is Declaration d && d.Declarators.Length > 1)
        {
            var chunk2 = NewChunk(item, edits);
            chunk2.Pieces.Add(new ChunkPiece.Tokens(d.Specifiers.FirstToken, d.Specifiers.LastToken));
            chunk2.Pieces.Add(new ChunkPiece.Tokens(di.Node.FirstToken, DeclaratorEnd(di)));
            chunk2.Pieces.Add(new ChunkPiece.Text(";"));
            _chunks.Add(chunk2);
            return;
        }
        if (item.Node is Declaration single && single.Declarators.Length == 1 && single.Declarators[0].Initializer is { } init)
            edits.Purge(init.FirstToken - 1, init.LastToken);
        var chunk = NewChunk(item, edits);
        chunk.Pieces.Add(new ChunkPiece.Tokens(first, last));
        chunk.Pieces.Add(new ChunkPiece.Text(";"));
        _chunks.Add(chunk);
    }

    /// <summary>SPEC §2.7/§2.10: closure functions are static; gnu_inline + always_inline definitions keep their class.</summary>
    private void ForceStatic(TokenEdits edits, FunctionSymbol f, DeclarationSpecifiers specs, Declarator declarator, Semantics.Analysis.DeclarationRecord? rec)
    {
        if (f.IsGnuInline && f.IsAlwaysInline) return;
        if (f.IsGnuInline && specs.StorageClass == Keyword.Extern)
        {
            ReplaceStorageClass(edits, specs, "static");
            return;
        }
        if (rec?.IsFirst ?? true) SetStorageClass(edits, specs, declarator, "static");
        else if (specs.StorageClass is not Keyword.None and not Keyword.Static) RemoveStorageClass(edits, specs);
    }

    private void ApplyFunctionLinkage(TokenEdits edits, DeclarationSpecifiers specs, Declarator declarator, LinkageChange linkage, Semantics.Analysis.DeclarationRecord? rec)
    {
        bool first = rec?.IsFirst ?? true;
        switch (linkage)
        {
            case LinkageChange.MakeStatic:
                if (first) SetStorageClass(edits, specs, declarator, "static");
                else if (specs.StorageClass is not Keyword.None and not Keyword.Static) RemoveStorageClass(edits, specs);
                break;
            case LinkageChange.MakeExtern:
                if (specs.StorageClass == Keyword.Static)
                {
                    if (first) ReplaceStorageClass(edits, specs, "extern");
                    else RemoveStorageClass(edits, specs);
                }
                PurgeInlineSpecifiers(edits, specs);
                break;
        }
    }

    /// <summary>
    /// A function made external must be emitted as an ordinary external definition: `inline`
    /// (C99 or gnu_inline extern-inline semantics would emit no symbol, or forbid references to
    /// static objects) and the always_inline/gnu_inline attributes go.
    /// </summary>
    private void PurgeInlineSpecifiers(TokenEdits edits, DeclarationSpecifiers specs)
    {
        foreach (var sp in specs.Items)
        {
            switch (sp)
            {
                case KeywordSpecifier { Keyword: Keyword.Inline }:
                    edits.Purge(sp.FirstToken, sp.LastToken, requireBlank: true);
                    break;
                case AttributeSpecifier a when a.Attributes.Length > 0 && a.Attributes.All(IsInlineAttribute):
                    edits.Purge(sp.FirstToken, sp.LastToken, requireBlank: true);
                    break;
            }
        }
    }

    private bool IsInlineAttribute(AttributeItem a) =>
        _unit.Names[a.Name] is "gnu_inline" or "__gnu_inline__" or "always_inline" or "__always_inline__";

    // ---- declarations ----------------------------------------------------------------------

    private void EmitDeclaration(ExternalItem item, Declaration d)
    {
        var emitted = new List<(DeclaratorItem Di, Variant V)>();
        foreach (var di in item.Declarators)
            foreach (var v in Variants(di)) emitted.Add((di, v));

        if (emitted.Count == 0)
        {
            // nothing declared is needed, but tag definitions or declarations in it may be
            if (d.Declarators.Length == 0 && d.Specifiers.Items.OfType<Specifier>().FirstOrDefault(s => s is StructSpecifier or EnumSpecifier) is { } tagSpec
                && _sema.TagMentionOf(tagSpec) is { } mention)
            {
                if (_tagDefinitions.Contains(mention.Tag) && mention.Use == TagUseKind.Definition)
                {
                    EmitWhole(item, d);
                    return;
                }
                if (NeedsTagDeclarationHere(mention.Tag, item))
                {
                    EmitTagAlone(item, tagSpec, definition: false);
                    return;
                }
            }
            foreach (var spec in item.TagDefinitions)
            {
                if (_sema.TagMentionOf(spec) is { } m && _tagDefinitions.Contains(m.Tag) && !IsNestedIn(spec, item.TagDefinitions))
                    EmitTagAlone(item, spec, definition: true);
            }
            return;
        }

        bool single = d.Declarators.Length == 1 && emitted.Count == 1;
        foreach (var (di, v) in emitted)
        {
            var edits = new TokenEdits();
            int first = d.FirstToken, last = d.LastToken;
            RewriteReferences(edits, first, last);
            PurgeUnneededTagBodies(edits, item);
            // the other declarators' names must not be renamed by this variant's edits
            switch (v)
            {
                case Variant.Externalized:
                    ExternalizeDeclaration(edits, di.Symbol!, d.Specifiers, di.Declarator!, di.Record, isFunction: di.Symbol is FunctionSymbol);
                    PurgeInitializer(edits, di);
                    RecoverArrayLength(edits, di);
                    break;
                case Variant.Closure:
                    if (di.Symbol is FunctionSymbol f)
                    {
                        var name = di.Declarator?.FindName();
                        if (_plan.Patched.Contains(f))
                        {
                            var m = _plan.PatchedMods[f];
                            if (name is not null && m.Renamed(f.Name)) edits.Replace(name.Token, m.NewName);
                            ApplyFunctionLinkage(edits, d.Specifiers, di.Declarator!, m.Linkage, di.Record);
                        }
                        else
                        {
                            if (name is not null && _plan.Rewritten.TryGetValue(f, out var rn) && rn != f.Name) edits.Replace(name.Token, rn);
                            ForceStatic(edits, f, d.Specifiers, di.Declarator!, di.Record);
                        }
                    }
                    break;
                case Variant.Original:
                    if (di.Symbol is ObjectSymbol)
                    {
                        PurgeInitializer(edits, di);
                        if (d.Specifiers.StorageClass == Keyword.None) SetStorageClass(edits, d.Specifiers, di.Declarator, "extern");
                        RecoverArrayLength(edits, di);
                    }
                    break;
                case Variant.Copied:
                case Variant.Typedef:
                    break;
            }
            var chunk = NewChunk(item, edits);
            if (single)
            {
                chunk.Pieces.Add(new ChunkPiece.Tokens(first, last));
            }
            else
            {
                chunk.Pieces.Add(new ChunkPiece.Tokens(d.Specifiers.FirstToken, d.Specifiers.LastToken));
                chunk.Pieces.Add(new ChunkPiece.Tokens(di.Node.FirstToken, di.Node.LastToken));
                chunk.Pieces.Add(new ChunkPiece.Text(";"));
            }
            _chunks.Add(chunk);
            NoteMentions(item, d.Specifiers.FirstToken, d.Specifiers.LastToken);
        }
    }

    private enum Variant
    {
        Original,
        Externalized,
        Closure,
        Copied,
        Typedef,
    }

    /// <summary>The variants of a declarator the output contains, in SPEC §2.10's order.</summary>
    private IEnumerable<Variant> Variants(DeclaratorItem di)
    {
        switch (di.Symbol)
        {
            case TypedefSymbol td:
                if (_typedefs.Contains(td)) yield return Variant.Typedef;
                break;
            case FunctionSymbol f:
                if (_plan.ExternalizedFunctions.Contains(f)) yield return Variant.Externalized;
                else if (_plan.InClosure(f)) yield return Variant.Closure;
                else if ((_declarations.Contains(f) || _plan.DeclaredOnlyFunctions.Contains(f)) && IsFirstVisibleDeclaration(di))
                    yield return Variant.Original;
                break;
            case ObjectSymbol o:
                if (_plan.ExternalizedObjects.Contains(o)) yield return Variant.Externalized;
                else if (_plan.CopiedObjects.Contains(o)) yield return Variant.Copied;
                else if (_declarations.Contains(o) && (IsFirstVisibleDeclaration(di) || _compositeDeclarations.Contains(o)))
                    yield return Variant.Original;
                break;
        }
    }

    private void EmitWhole(ExternalItem item, Declaration d)
    {
        var edits = new TokenEdits();
        RewriteReferences(edits, d.FirstToken, d.LastToken);
        PurgeUnneededTagBodies(edits, item);
        var chunk = NewChunk(item, edits);
        chunk.Pieces.Add(new ChunkPiece.Tokens(d.FirstToken, d.LastToken));
        _chunks.Add(chunk);
        NoteMentions(item, d.FirstToken, d.LastToken);
    }

    /// <summary>A tag definition alone (`struct X {...};`) or a tag declaration (`struct X;`) from a mention.</summary>
    private void EmitTagAlone(ExternalItem item, Specifier spec, bool definition)
    {
        var edits = new TokenEdits();
        var chunk = NewChunk(item, edits);
        if (definition)
        {
            RewriteReferences(edits, spec.FirstToken, spec.LastToken);
            PurgeUnneededTagBodies(edits, item);
            chunk.Pieces.Add(new ChunkPiece.Tokens(spec.FirstToken, spec.LastToken));
        }
        else
        {
            int tagToken = spec is StructSpecifier s ? s.TagToken : ((EnumSpecifier)spec).TagToken;
            chunk.Pieces.Add(new ChunkPiece.Tokens(spec.FirstToken, tagToken));
        }
        chunk.Pieces.Add(new ChunkPiece.Text(";"));
        _chunks.Add(chunk);
        if (_sema.TagMentionOf(spec) is { } m) _declaredAt.TryAdd(m.Tag, spec.FirstToken);
    }

    private void EmitTagDeclaration(Specifier spec, ExternalItem item) => EmitTagAlone(item, spec, definition: false);

    /// <summary>The item is a declaration of nothing but this tag (`struct X;` or `struct X {...};`): it is written by <see cref="EmitDeclaration"/>.</summary>
    private static bool IsStandaloneTagDeclarationOf(ExternalItem item, Specifier spec) =>
        item.Node is Declaration { Declarators.Length: 0 } d && d.Specifiers.Items.Contains(spec);

    private bool NeedsTagDeclarationHere(TagSymbol tag, ExternalItem item) =>
        _tagForwardDeclarations.TryGetValue(item.Index, out var list) && list.Any(s => _sema.TagMentionOf(s)?.Tag == tag);

    /// <summary>The externalized variant of a declaration from an included header (renamed or turned into a pointer).</summary>
    private void EmitExternalizedDeclaration(DeclaratorItem di)
    {
        var item = di.Owner;
        if (item.Node is not Declaration d) return;
        var edits = new TokenEdits();
        RewriteReferences(edits, d.FirstToken, d.LastToken);
        ExternalizeDeclaration(edits, di.Symbol!, d.Specifiers, di.Declarator!, di.Record, isFunction: di.Symbol is FunctionSymbol);
        PurgeInitializer(edits, di);
        RecoverArrayLength(edits, di);
        // the header, #included before, defines the tags
        PurgeUnneededTagBodies(edits, item, definedElsewhere: true);
        var chunk = NewChunk(item, edits);
        chunk.Pieces.Add(new ChunkPiece.Tokens(d.Specifiers.FirstToken, d.Specifiers.LastToken));
        chunk.Pieces.Add(new ChunkPiece.Tokens(di.Node.FirstToken, di.Node.LastToken));
        chunk.Pieces.Add(new ChunkPiece.Text(";"));
        _chunks.Add(chunk);
    }

    private OutputChunk NewChunk(ExternalItem item, TokenEdits edits) =>
        new(RegionOfToken(item.FirstToken), edits) { Item = item.Index };
}
