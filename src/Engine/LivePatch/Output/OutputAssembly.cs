using KlpCcp.Engine.LivePatch.Headers;
using KlpCcp.Engine.LivePatch.Model;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Output;

/// <summary>
/// SPEC §2.9–2.10: which declarations, definitions, typedefs and tags the live patch needs,
/// which headers provide them, and the chunks that make up the output in file order — each
/// external declaration split into its emitted variants (original declaration, externalized
/// variant, closure/patched copy) with the edits that rename, pointerize, change storage
/// classes and drop initializers and unneeded tag bodies.
/// </summary>
internal sealed partial class OutputAssembly
{
    private readonly LivePatchModel _model;
    private readonly SemanticModel _sema;
    private readonly PreprocessedUnit _unit;
    private readonly SymbolPlan _plan;
    private readonly HeaderEligibility _eligibility;
    private readonly IdentifierIndex _ids;
    private readonly Dictionary<int, int> _includeRootOfRegion = new();
    /// <summary>The #include that entered each header region; pre-included (-include, -imacros) regions apart.</summary>
    private readonly Dictionary<int, IncludeRecord> _includeOfRegion = new();
    private readonly HashSet<int> _preIncludeRegions = new();

    // what the output needs, from dependency resolution
    private readonly HashSet<TypedefSymbol> _typedefs = new();
    private readonly HashSet<TagSymbol> _tagDefinitions = new();
    private readonly HashSet<TagSymbol> _tagDeclarations = new();
    private readonly HashSet<Symbol> _declarations = new();
    private readonly HashSet<Symbol> _compositeDeclarations = new();
    private readonly HashSet<int> _includedHeaders = new();

    internal OutputAssembly(LivePatchModel model, SymbolPlan plan, HeaderEligibility eligibility)
    {
        _model = model;
        _sema = model.Semantics;
        _unit = model.Unit;
        _plan = plan;
        _eligibility = eligibility;
        _ids = IdentifierIndex.Build(_sema);
    }

    internal List<OutputChunk> Build()
    {
        ComputeIncludeRoots();
        ResolveDependencies();
        return Assemble();
    }

    // ---- headers --------------------------------------------------------------------------

    private int MainRegion => _unit.MainRegion;

    private int RegionOfToken(int token)
    {
        ref readonly var t = ref _unit.Tokens[token];
        int loc = t.Expansion != 0 ? _unit.Record.Invocation(_unit.Record.Invocation(t.Expansion).TopLevel).NameLoc : t.Loc;
        return _unit.Sources.GetRegion(loc)?.Id ?? MainRegion;
    }

    /// <summary>
    /// For each header region, the outermost eligible header containing it whose parent is not
    /// eligible (the header the live patch #includes to get it), or -1 when it must be copied.
    /// </summary>
    private void ComputeIncludeRoots()
    {
        var parentOf = new Dictionary<int, int>();
        var preInclude = new HashSet<int>();
        foreach (var inc in _unit.Record.Includes)
        {
            if (inc.Region < 0) continue;
            parentOf[inc.Region] = inc.ParentRegion;
            _includeOfRegion.TryAdd(inc.Region, inc);
            if (inc.IsPreInclude || inc.IsIMacros) preInclude.Add(inc.Region);
        }
        _preIncludeRegions.UnionWith(preInclude);
        foreach (var r in _unit.Sources.Regions)
        {
            if (r.Kind != Source.SourceRegionKind.File || r.Id == MainRegion) continue;
            int root = -1;
            int cur = r.Id;
            bool ok = true;
            while (cur >= 0 && cur != MainRegion)
            {
                if (!_eligibility.IsEligible(cur) && !preInclude.Contains(cur)) { ok = false; root = -1; }
                else if (ok || root < 0) root = cur;
                int p = parentOf.GetValueOrDefault(cur, -1);
                if (p >= 0 && p != MainRegion && !_eligibility.IsEligible(p) && !preInclude.Contains(p))
                {
                    // the parent is copied: the root is the outermost eligible one below it
                    break;
                }
                cur = p;
            }
            _includeRootOfRegion[r.Id] = ok ? root : (_eligibility.IsEligible(r.Id) ? OutermostEligible(r.Id, parentOf, preInclude) : -1);
        }
    }

    private int OutermostEligible(int region, Dictionary<int, int> parentOf, HashSet<int> preInclude)
    {
        int cur = region;
        while (true)
        {
            int p = parentOf.GetValueOrDefault(cur, -1);
            if (p < 0 || p == MainRegion || !(_eligibility.IsEligible(p) || preInclude.Contains(p))) return cur;
            cur = p;
        }
    }

    /// <summary>The header the live patch includes to provide an item, or -1 when the item is copied.</summary>
    private int IncludeRootOf(ExternalItem item)
    {
        int region = RegionOfToken(item.FirstToken);
        if (region == MainRegion) return -1;
        return _includeRootOfRegion.GetValueOrDefault(region, -1);
    }

    private bool IsPreIncludeRegion(int region) => _preIncludeRegions.Contains(region);

    // ---- dependency resolution (SPEC §2.9) --------------------------------------------------

    private readonly Stack<List<Dependency>> _work = new();

    private void Need(List<Dependency> deps, bool asDefinition = true)
    {
        _work.Push(asDefinition ? deps : deps.Where(d => (d.Flags & DependencyFlags.DefinitionOnly) == 0).ToList());
    }

    private void ResolveDependencies()
    {
        // what the emitted definitions and declarations need
        foreach (var f in _plan.Patched.Concat(_plan.Copied))
        {
            if (_model.DefinitionOf.TryGetValue(f, out var item)) NeedItem(item, includeBody: true);
            foreach (var st in f.LocalStatics)
                if (_model.InitializerDepsOf.TryGetValue(st, out var init)) Need(init);
        }
        foreach (var f in _plan.ExternalizedFunctions.Concat(_plan.DeclaredOnlyFunctions))
            foreach (var di in Declarations(f)) NeedDeclarator(di, asDefinition: false);
        foreach (var o in _plan.ExternalizedObjects)
            foreach (var di in Declarations(o)) NeedDeclarator(di, asDefinition: !_plan.Externalized[o].Pointer && _plan.Externalized[o].Linkage == LinkageChange.MakeStatic);
        foreach (var o in _plan.CopiedObjects)
            foreach (var di in Declarations(o))
            {
                NeedDeclarator(di, asDefinition: true);
                if (_model.InitializerDepsOf.TryGetValue(o, out var init)) Need(init);
            }
        // every header the live patch includes contributes its own needs: what it uses from
        // outside the header must be declared before the #include
        foreach (var item in _model.Items)
        {
            int root = IncludeRootOf(item);
            if (root >= 0 && !IsPreIncludeRegion(root)) NeedItem(item, includeBody: true, fromHeader: root);
        }
        Drain();
    }

    private IEnumerable<DeclaratorItem> Declarations(Symbol s) =>
        _model.DeclarationsOf.TryGetValue(s, out var list) ? list : Enumerable.Empty<DeclaratorItem>();

    private void NeedItem(ExternalItem item, bool includeBody, int fromHeader = -1)
    {
        Need(item.SpecifierDeps);
        foreach (var di in item.Declarators)
        {
            Need(di.DeclaratorDeps);
            Need(HeaderUses(di.InitializerDeps, fromHeader));
        }
        if (includeBody) Need(HeaderUses(item.BodyDeps, fromHeader));
        Need(item.OtherDeps);
    }

    /// <summary>
    /// In an included header, uses of functions and objects declared outside it need their
    /// declaration before the #include (a header function calling a .c function).
    /// </summary>
    private List<Dependency> HeaderUses(List<Dependency> deps, int header)
    {
        if (header < 0) return deps;
        var result = new List<Dependency>(deps.Count);
        foreach (var d in deps)
        {
            if (d.Kind is ReferenceKind.Function or ReferenceKind.Object && !DeclaredInHeader(d.Target, header))
                result.Add(d with { Kind = ReferenceKind.DeclaredType });
            else result.Add(d);
        }
        return result;
    }

    private bool DeclaredInHeader(Symbol s, int header)
    {
        foreach (var di in Declarations(s))
            if (_includeRootOfRegion.GetValueOrDefault(RegionOfToken(di.Owner.FirstToken), -1) == header) return true;
        return false;
    }

    private void NeedDeclarator(DeclaratorItem di, bool asDefinition)
    {
        Need(di.Owner.SpecifierDeps);
        Need(di.DeclaratorDeps, asDefinition);
    }

    private void Drain()
    {
        while (_work.Count > 0)
        {
            var deps = _work.Pop();
            foreach (var d in deps)
            {
                switch (d.Kind)
                {
                    case ReferenceKind.Typedef when d.Target is TypedefSymbol td:
                        if (_typedefs.Add(td))
                            foreach (var di in Declarations(td)) NeedDeclarator(di, asDefinition: true);
                        break;
                    case ReferenceKind.TagDefinition when d.Target is TagSymbol tag:
                        NeedTagDefinition(tag);
                        break;
                    case ReferenceKind.TagDeclaration when d.Target is TagSymbol tag:
                        _tagDeclarations.Add(tag);
                        break;
                    case ReferenceKind.DeclaredType:
                        if (_declarations.Add(d.Target))
                            foreach (var di in Declarations(d.Target)) NeedDeclarator(di, asDefinition: false);
                        if ((d.Flags & DependencyFlags.Composite) != 0) _compositeDeclarations.Add(d.Target);
                        break;
                    case ReferenceKind.Enumerator when d.Target is EnumeratorSymbol e:
                        NeedTagDefinition(e.Tag);
                        break;
                }
            }
        }
    }

    private void NeedTagDefinition(TagSymbol tag)
    {
        if (!_tagDefinitions.Add(tag)) return;
        if (_model.TagBodyDepsOf.TryGetValue(tag, out var body)) Need(body);
        // the outermost enclosing definition comes along, with everything nested in it
        var spec = tag.Definition;
        if (spec is null) return;
        var mention = _sema.TagMentionOf(spec);
        if (mention?.EnclosingDefinition is { } enclosing && _sema.TagMentionOf(enclosing) is { } outer)
            NeedTagDefinition(outer.Tag);
        // everything nested in it comes along too
        _definedTagsByToken ??= _model.TagBodyDepsOf.Keys.Where(t => t.Definition is not null)
            .OrderBy(t => t.Definition!.FirstToken).ToArray();
        int lo = 0, hi = _definedTagsByToken.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_definedTagsByToken[mid].Definition!.FirstToken <= spec.FirstToken) lo = mid + 1; else hi = mid;
        }
        for (int k = lo; k < _definedTagsByToken.Length && _definedTagsByToken[k].Definition!.FirstToken <= spec.LastToken; k++)
        {
            var other = _definedTagsByToken[k];
            if (other != tag && other.Definition!.LastToken <= spec.LastToken) NeedTagDefinition(other);
        }
    }

    /// <summary>The tags with a definition, by the definition's first token (built on first use).</summary>
    private TagSymbol[]? _definedTagsByToken;
}
