using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;
using FactDeclaration = KlpCcp.Facts.Records.DeclarationRecord;
using FactLinkage = KlpCcp.Facts.Records.Linkage;

namespace KlpCcp.Engine.LivePatch.Model;

/// <summary>
/// Turns the live-patch model into facts: entity records for functions, objects, typedefs,
/// tags and enumerators (entity id = symbol id), their declarations, the references of every
/// owner, and the unit's files and includes. By default only what is reachable from the
/// patched functions, transitively over every reference, is stored (the measured costs of the
/// store make the whole unit too expensive); <see cref="Scope.Unit"/> stores everything.
/// </summary>
public sealed class FactsExtraction
{
    public enum Scope
    {
        Reachable,
        Unit,
    }

    private readonly LivePatchModel _model;
    private readonly int _unit;
    private readonly PreprocessedUnit _pp;
    private readonly Dictionary<Symbol, EntityRecord> _entities = new();

    public FactsExtraction(LivePatchModel model, int unit)
    {
        _model = model;
        _unit = unit;
        _pp = model.Unit;
    }

    /// <summary>The entity record of a symbol (built on demand), or null for symbols that are no entities (locals, builtins).</summary>
    public EntityRecord? Entity(Symbol s)
    {
        if (_entities.TryGetValue(s, out var e)) return e;
        e = Build(s);
        if (e is not null) _entities[s] = e;
        return e;
    }

    /// <summary>Every function definition of the unit at file scope, as entity records (the patched-set candidates).</summary>
    public List<EntityRecord> FunctionDefinitions()
    {
        var list = new List<EntityRecord>();
        foreach (var f in _model.Semantics.FunctionDefinitions)
            if (!f.IsNested && Entity(f) is { } e) list.Add(e);
        return list;
    }

    public static bool IsEntity(Symbol s) => s switch
    {
        // an implicitly declared function is left as the unit has it: no declaration to copy, nothing to bind
        FunctionSymbol f => !f.IsBuiltin && !f.IsNested && !f.IsImplicit,
        ObjectSymbol o => !o.IsBuiltin && o.StorageDuration != StorageDuration.Automatic && !o.IsParameter,
        TypedefSymbol t => !t.IsBuiltin && t.IsFileScope,
        TagSymbol => true,
        EnumeratorSymbol => true,
        _ => false,
    };

    private EntityRecord? Build(Symbol s)
    {
        if (!IsEntity(s)) return null;
        int token = NameToken(s);
        var span = Span(token, LastToken(s));
        var region = token >= 0 ? _pp.Sources.GetRegion(_pp.Tokens[token].Loc) : null;
        var kind = s switch
        {
            FunctionSymbol => EntityKind.Function,
            ObjectSymbol => EntityKind.Object,
            TypedefSymbol => EntityKind.Typedef,
            TagSymbol t => t.IsEnum ? EntityKind.Enum : t.IsUnion ? EntityKind.Union : EntityKind.Struct,
            _ => EntityKind.Enumerator,
        };
        var f = s as FunctionSymbol;
        var o = s as ObjectSymbol;
        int defToken = f?.Definition?.Node.FirstToken ?? o?.Definition?.Node.FirstToken ?? -1;
        return new EntityRecord(_unit, s.Id, kind, s.Name.Length > 0 ? s.Name : "<anonymous>", span)
        {
            Linkage = (f?.Linkage ?? o?.Linkage) switch
            {
                Semantics.Analysis.Linkage.External => FactLinkage.External,
                Semantics.Analysis.Linkage.Internal => FactLinkage.Internal,
                _ => FactLinkage.None,
            },
            IsDefined = f is not null ? f.Definition is not null : o is not null ? o.Definition is not null : s is TagSymbol t2 ? t2.IsDefined : true,
            InHeader = region is not null && region.Id != _pp.MainRegion,
            File = region?.Id ?? -1,
            IsInline = f?.IsInline ?? false,
            IsGnuInline = f?.IsGnuInline ?? false,
            IsAlwaysInline = f?.IsAlwaysInline ?? false,
            Owner = o?.IsLocalStatic == true && o.OwnerFunction is { } owner ? owner.Id : -1,
            Order = FirstToken(s),
            DefinitionOrder = defToken,
            IsRegister = o?.IsRegister ?? false,
            IsCompileTimeCheck = f is not null && _model.CompileTimeChecks.Contains(f),
            IsDiscarded = o is not null && _model.DiscardedObjects.Contains(o),
            IsPerCpu = o is not null && _model.PerCpuObjects.Contains(o),
        };
    }

    /// <summary>The identifier token of the definition (else the first declaration).</summary>
    private int NameToken(Symbol s)
    {
        switch (s)
        {
            case FunctionSymbol f:
                {
                    var d = f.Definition ?? (f.Declarations.Count > 0 ? f.Declarations[0] : null);
                    return d?.Declarator?.FindName()?.Token ?? d?.Node.FirstToken ?? -1;
                }
            case ObjectSymbol o:
                {
                    var d = o.Definition ?? (o.Declarations.Count > 0 ? o.Declarations[0] : null);
                    return d?.Declarator?.FindName()?.Token ?? d?.Node.FirstToken ?? -1;
                }
            case TypedefSymbol t:
                return t.Declarator?.Declarator.FindName()?.Token ?? t.Declarator?.FirstToken ?? -1;
            case TagSymbol tag:
                {
                    var spec = tag.Definition ?? (tag.Mentions.Count > 0 ? tag.Mentions[0].Specifier : null);
                    return spec is Syntax.StructSpecifier ss && ss.TagToken >= 0 ? ss.TagToken
                        : spec is Syntax.EnumSpecifier es && es.TagToken >= 0 ? es.TagToken
                        : spec?.FirstToken ?? -1;
                }
            case EnumeratorSymbol e:
                return e.Node.NameToken;
        }
        return -1;
    }

    private int FirstToken(Symbol s) => s switch
    {
        FunctionSymbol f when f.Declarations.Count > 0 => f.Declarations[0].Node.FirstToken,
        ObjectSymbol o when o.Declarations.Count > 0 => o.Declarations[0].Node.FirstToken,
        TagSymbol t when t.Mentions.Count > 0 => t.Mentions[0].Specifier.FirstToken,
        _ => NameToken(s),
    };

    private int LastToken(Symbol s) => s switch
    {
        FunctionSymbol { Definition: { } d } => d.Node.LastToken,
        ObjectSymbol { Definition: { } d } => d.Node.LastToken,
        TagSymbol { Definition: { } spec } => spec.LastToken,
        _ => NameToken(s),
    };

    /// <summary>File, line and byte column of a token's spelling (for tokens from macros: the invocation).</summary>
    public SourceSpan Span(int token, int lastToken)
    {
        if (token < 0) return new SourceSpan("<unknown>", 0, 0, 0);
        var (file, line, col) = Position(token);
        var (_, endLine, _) = Position(Math.Max(token, lastToken));
        return new SourceSpan(file, line, col, endLine);
    }

    public (string File, int Line, int Column) Position(int token)
    {
        ref readonly var t = ref _pp.Tokens[token];
        int loc = t.Expansion != 0 ? _pp.Record.Invocation(_pp.Record.Invocation(t.Expansion).TopLevel).NameLoc : t.Loc;
        var r = _pp.Sources.Resolve(loc);
        return r is null ? ("<unknown>", 0, 0) : (r.Value.Region.File.Path, r.Value.Line, r.Value.Column);
    }

    // ---- writing ----------------------------------------------------------------------------

    /// <summary>Writes the unit's files and includes, and the entities, declarations and references in scope.</summary>
    public void Write(FactStore store, IReadOnlyCollection<Symbol> roots, Scope scope)
    {
        WriteFiles(store);
        var symbols = scope == Scope.Unit ? _model.Semantics.Symbols.Where(IsEntity).ToList() : Reachable(roots);
        var entities = new List<EntityRecord>();
        var decls = new List<FactDeclaration>();
        var refs = new List<ReferenceRecord>();
        int declId = 0;
        foreach (var s in symbols)
        {
            if (Entity(s) is not { } e) continue;
            entities.Add(e);
            if (_model.DeclarationsOf.TryGetValue(s, out var items))
            {
                foreach (var di in items)
                {
                    int id = declId++;
                    var first = di.Node.FirstToken;
                    var region = _pp.Sources.GetRegion(_pp.Tokens[di.Owner.FirstToken].Loc);
                    decls.Add(new FactDeclaration(_unit, id, s.Id, Span(di.Declarator?.FindName()?.Token ?? first, di.Node.LastToken))
                    {
                        File = region?.Id ?? -1,
                        IsDefinition = di.Record?.IsDefinition ?? (di.Node is Syntax.FunctionDefinition),
                        StorageClass = di.Record?.StorageClass is { } sc && sc != Syntax.Keyword.None ? sc.ToString().ToLowerInvariant() : "",
                        HasInitializer = di.Initializer is not null,
                        AtBlockScope = !(di.Record?.IsFileScope ?? true),
                    });
                    AddRefs(refs, s, di.Owner.SpecifierDeps, ReferencePart.Declaration, id);
                    AddRefs(refs, s, di.DeclaratorDeps, ReferencePart.Declaration, id);
                }
            }
            switch (s)
            {
                case FunctionSymbol f when _model.DefinitionOf.TryGetValue(f, out var def):
                    AddRefs(refs, s, def.BodyDeps, ReferencePart.Body, -1);
                    break;
                case ObjectSymbol o when _model.InitializerDepsOf.TryGetValue(o, out var init):
                    AddRefs(refs, s, init, ReferencePart.Initializer, -1);
                    break;
                case TagSymbol t when _model.TagBodyDepsOf.TryGetValue(t, out var body):
                    AddRefs(refs, s, body, ReferencePart.TagBody, -1);
                    break;
            }
        }
        if (entities.Count > 0) store.Insert(entities);
        if (decls.Count > 0) store.Insert(decls);
        if (refs.Count > 0) store.Insert(refs);
    }

    private void AddRefs(List<ReferenceRecord> refs, Symbol from, List<Dependency> deps, ReferencePart part, int decl)
    {
        foreach (var d in deps)
        {
            if (!IsEntity(d.Target)) continue;
            var (file, line, col) = Position(d.Token);
            refs.Add(new ReferenceRecord(_unit, from.Id, d.Target.Id, d.Kind, new SourceSpan(file, line, col, line))
            {
                Evaluated = d.IsEvaluated,
                AddressEscapes = d.Escapes,
                Context = d.Context,
                Part = part,
                Declaration = decl,
            });
        }
    }

    /// <summary>Everything reachable from the roots over every dependency of every part.</summary>
    private List<Symbol> Reachable(IReadOnlyCollection<Symbol> roots)
    {
        var seen = new HashSet<Symbol>();
        var order = new List<Symbol>();
        var stack = new Stack<Symbol>(roots);
        void Follow(List<Dependency> deps)
        {
            foreach (var d in deps) if (IsEntity(d.Target) && !seen.Contains(d.Target)) stack.Push(d.Target);
        }
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            if (!seen.Add(s)) continue;
            order.Add(s);
            if (_model.DeclarationsOf.TryGetValue(s, out var items))
                foreach (var di in items)
                {
                    Follow(di.Owner.SpecifierDeps);
                    Follow(di.DeclaratorDeps);
                }
            switch (s)
            {
                case FunctionSymbol f:
                    if (_model.DefinitionOf.TryGetValue(f, out var def)) Follow(def.BodyDeps);
                    break;
                case ObjectSymbol o:
                    if (_model.InitializerDepsOf.TryGetValue(o, out var init)) Follow(init);
                    break;
                case TagSymbol t:
                    if (_model.TagBodyDepsOf.TryGetValue(t, out var body)) Follow(body);
                    break;
                case EnumeratorSymbol e:
                    stack.Push(e.Tag);
                    break;
            }
        }
        order.Sort((a, b) => a.Id.CompareTo(b.Id));
        return order;
    }

    private void WriteFiles(FactStore store)
    {
        var rec = _pp.Record;
        var files = new List<FileRecord>();
        var includeOfRegion = new Dictionary<int, IncludeRecord>();
        foreach (var inc in rec.Includes) if (inc.Region >= 0) includeOfRegion[inc.Region] = inc;
        foreach (var r in _pp.Sources.Regions)
        {
            if (r.Kind != Source.SourceRegionKind.File) continue;
            includeOfRegion.TryGetValue(r.Id, out var inc);
            int parent = inc is not null && inc.ParentRegion >= 0 ? inc.ParentRegion : -1;
            files.Add(new FileRecord(_unit, r.Id, r.File.Path, inc?.Id ?? -1, parent, inc?.IsPreInclude ?? false));
        }
        if (files.Count > 0) store.Insert(files);
        var includes = new List<IncludeFact>();
        foreach (var inc in rec.Includes)
        {
            int line = 0;
            if (inc.DirectiveLoc > 0 && _pp.Sources.Resolve(inc.DirectiveLoc) is { } p) line = p.Line;
            includes.Add(new IncludeFact(_unit, inc.Id, inc.ParentRegion, line, inc.Spelling, inc.ResolvedPath)
            {
                IncludedFile = inc.Region,
                HowFound = inc.Lookup.ToString(),
                IsPreInclude = inc.IsPreInclude,
            });
        }
        if (includes.Count > 0) store.Insert(includes);
    }
}
