using KlpCcp.Engine.Diagnostics;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Closure;

/// <summary>
/// SPEC §2.6: from the patched functions, which functions and objects the live patch copies
/// and which it externalizes, with klp-ccp's deterministic resolution of address-escaping (ER)
/// references. Runs over the entity and reference facts of one unit; every policy question is
/// asked once.
/// </summary>
internal sealed class ClosureComputation
{
    private readonly FactStore _store;
    private readonly int _unit;
    private readonly PolicyGateway _policy;
    private readonly DiagnosticBag _diags;
    private readonly Func<int, bool> _definedInEligibleHeader;
    private readonly Dictionary<int, ClosureNode> _nodes = new();
    private readonly Dictionary<int, bool> _canExternalize = new();
    private readonly Dictionary<int, bool> _preferExternalize = new();
    private readonly Dictionary<int, bool> _externalizeObject = new();
    private HashSet<int> _patched = new();

    public ClosureComputation(FactStore store, int unit, PolicyGateway policy, DiagnosticBag diags, Func<int, bool> definedInEligibleHeader)
    {
        _store = store;
        _unit = unit;
        _policy = policy;
        _diags = diags;
        _definedInEligibleHeader = definedInEligibleHeader;
    }

    private ClosureNode Node(int entity)
    {
        if (_nodes.TryGetValue(entity, out var n)) return n;
        var e = _store.Entity(_unit, entity) ?? throw new InvalidOperationException($"entity {entity} missing from the fact store");
        var refs = _store.ReferencesFrom(_unit, entity);
        var body = new List<ReferenceRecord>();
        foreach (var r in refs)
        {
            if (!r.Evaluated) continue;
            if (r.Part is not (ReferencePart.Body or ReferencePart.Initializer)) continue;
            if (r.Kind is not (ReferenceKind.Function or ReferenceKind.Object or ReferenceKind.StaticLocal)) continue;
            body.Add(r);
        }
        // deterministic: source order
        body.Sort((a, b) => a.At.Line != b.At.Line ? a.At.Line.CompareTo(b.At.Line) : a.At.Column.CompareTo(b.At.Column));
        n = new ClosureNode(e, body);
        _nodes[entity] = n;
        return n;
    }

    public ClosureResult Run(IReadOnlyList<int> patched)
    {
        _patched = patched.ToHashSet();
        var externalized = new HashSet<int>();

        while (true)
        {
            var walk = Walk(externalized, barrier: null, final: false);
            var pending = new HashSet<int>();
            foreach (var (_, target) in walk.EscapingEdges)
                if (!externalized.Contains(target)) pending.Add(target);
            if (pending.Count == 0) break;

            // (a) externalize the pending functions whose address escapes from code that is
            // reachable without going through another pending function
            var walk2 = Walk(externalized, pending, final: false);
            var direct = new HashSet<int>();
            foreach (var (_, target) in walk2.EscapingEdges)
                if (pending.Contains(target)) direct.Add(target);
            if (direct.Count > 0)
            {
                externalized.UnionWith(direct);
                continue;
            }

            // (b) only cycles of escaping addresses are left: of the pending functions reached
            // directly, externalize those no escaping reference among them targets; if they all
            // are targeted, the one defined last
            var candidates = walk2.BlockedAtBarrier.Where(f => !_patched.Contains(f)).ToList();
            if (candidates.Count == 0)
            {
                externalized.UnionWith(pending);
                continue;
            }
            var fromCandidates = Walk(externalized, barrier: null, final: false, roots: candidates);
            var targeted = fromCandidates.EscapingEdges.Select(e => e.Target).ToHashSet();
            var free = candidates.Where(c => !targeted.Contains(c)).ToList();
            if (free.Count > 0) externalized.UnionWith(free);
            else externalized.Add(candidates.OrderBy(c => Node(c).Entity.DefinitionOrder).Last());
        }

        var final = Walk(externalized, barrier: null, final: true);
        return BuildResult(final, externalized);
    }

    private sealed class WalkResult
    {
        public readonly HashSet<int> Functions = new();
        public readonly HashSet<int> CopiedObjects = new();
        public readonly HashSet<int> ExternalizedObjects = new();
        public readonly HashSet<int> ExternalizedFunctions = new();
        public readonly HashSet<int> DeclaredOnlyFunctions = new();
        public readonly List<(int Source, int Target)> EscapingEdges = new();
        public readonly HashSet<int> BlockedAtBarrier = new();
        public readonly Dictionary<int, int> ReachedFrom = new();
        /// <summary>Shared by all walks of a run: a function externalized in one walk is only met as such in the next ones.</summary>
        public required Dictionary<int, string> ExternalizationReason { get; init; }
        public readonly Dictionary<int, string> DeclarationOnlyReason = new();
    }

    /// <summary>Why each function was externalized, kept from the walk that decided it.</summary>
    private readonly Dictionary<int, string> _externalizationReasons = new();

    /// <summary>
    /// Depth-first from the roots (the patched functions) over evaluated references: calls and
    /// other non-escaping uses enter copied functions; escaping ones are collected, never
    /// entered; objects are decided and copied ones' initializers followed.
    /// </summary>
    private WalkResult Walk(HashSet<int> externalized, HashSet<int>? barrier, bool final, IReadOnlyList<int>? roots = null)
    {
        var w = new WalkResult { ExternalizationReason = _externalizationReasons };
        var stack = new Stack<int>();
        var start = roots ?? _patched.OrderBy(p => Node(p).Entity.Order).ToList();
        foreach (var r in start.Reverse())
        {
            if (w.Functions.Add(r)) stack.Push(r);
        }
        var warnedImpossible = new HashSet<(int, int, int)>();
        while (stack.Count > 0)
        {
            int cur = stack.Pop();
            var node = Node(cur);
            foreach (var r in node.Body)
            {
                if (r.Kind == ReferenceKind.Function)
                {
                    var g = Node(r.To);
                    if (!g.Entity.IsDefined)
                    {
                        // a function the unit only declares: externalized if the policy can, else kept declared
                        if (g.Entity.IsCompileTimeCheck)
                        {
                            // a call to an error/warning-attributed function is a build-time assertion:
                            // no symbol exists to bind to, the declaration is what the check needs
                            if (w.DeclaredOnlyFunctions.Add(g.Id))
                            {
                                w.ReachedFrom.TryAdd(g.Id, cur);
                                w.DeclarationOnlyReason[g.Id] = "a compile-time check (declared with the error or warning attribute): its declaration is kept, nothing is bound";
                            }
                        }
                        else if (CanExternalize(g))
                        {
                            if (w.ExternalizedFunctions.Add(g.Id))
                            {
                                w.ReachedFrom.TryAdd(g.Id, cur);
                                w.ExternalizationReason[g.Id] = "the unit has no definition of it";
                            }
                        }
                        else if (w.DeclaredOnlyFunctions.Add(g.Id))
                        {
                            w.ReachedFrom.TryAdd(g.Id, cur);
                            if (final)
                                _diags.Add(new Diagnostic(Severity.Warning, $"function \"{g.Entity.Name}\" without definition cannot get externalized", PolicyGateway.At(r.At)));
                        }
                        continue;
                    }
                    bool escapes = r.AddressEscapes;
                    if (escapes)
                    {
                        if (CanExternalize(g))
                        {
                            w.EscapingEdges.Add((cur, g.Id));
                            if (externalized.Contains(g.Id))
                            {
                                if (w.ExternalizedFunctions.Add(g.Id)) w.ReachedFrom.TryAdd(g.Id, cur);
                                w.ExternalizationReason.TryAdd(g.Id, "its address is taken");
                            }
                            continue;
                        }
                        if (final && warnedImpossible.Add((r.At.Line, r.At.Column, g.Id)))
                            _diags.Add(new Diagnostic(Severity.Warning, $"required function externalization of \"{g.Entity.Name}\" is impossible", PolicyGateway.At(r.At)));
                        // treated as a call: copied
                    }
                    if (_patched.Contains(g.Id)) continue;
                    if (externalized.Contains(g.Id))
                    {
                        if (w.ExternalizedFunctions.Add(g.Id)) w.ReachedFrom.TryAdd(g.Id, cur);
                        continue;
                    }
                    if (barrier is not null && barrier.Contains(g.Id))
                    {
                        w.BlockedAtBarrier.Add(g.Id);
                        continue;
                    }
                    if (CanExternalize(g) && PreferExternalize(g))
                    {
                        externalized.Add(g.Id);
                        if (w.ExternalizedFunctions.Add(g.Id)) w.ReachedFrom.TryAdd(g.Id, cur);
                        w.ExternalizationReason[g.Id] = "the policy prefers externalizing it";
                        continue;
                    }
                    if (w.Functions.Add(g.Id))
                    {
                        w.ReachedFrom.TryAdd(g.Id, cur);
                        stack.Push(g.Id);
                    }
                }
                else
                {
                    var o = Node(r.To);
                    if (w.CopiedObjects.Contains(o.Id) || w.ExternalizedObjects.Contains(o.Id)) continue;
                    w.ReachedFrom.TryAdd(o.Id, cur);
                    if (o.Entity.IsDiscarded)
                    {
                        // dropped by the final link: nothing to bind to and nothing its initializer
                        // refers to is needed at run time; it is copied as it is
                        w.CopiedObjects.Add(o.Id);
                        continue;
                    }
                    if (ExternalizeObject(o, final))
                    {
                        w.ExternalizedObjects.Add(o.Id);
                    }
                    else
                    {
                        w.CopiedObjects.Add(o.Id);
                        stack.Push(o.Id); // its initializer's references
                    }
                }
            }
        }
        return w;
    }

    private bool CanExternalize(ClosureNode g)
    {
        if (_canExternalize.TryGetValue(g.Id, out bool can)) return can;
        var e = g.Entity;
        can = _policy.Take(_policy.Policy.CanExternalizeFunction(e.Name, PolicyGateway.Linkage(e.Linkage),
            e.IsDefined ? PolicyGateway.Location(e.Span) : null), PolicyGateway.At(e.Span));
        _canExternalize[g.Id] = can;
        return can;
    }

    private bool PreferExternalize(ClosureNode g)
    {
        if (_preferExternalize.TryGetValue(g.Id, out bool pref)) return pref;
        var e = g.Entity;
        pref = _policy.Take(_policy.Policy.ShallExternalizeFunction(e.Name, PolicyGateway.Linkage(e.Linkage),
            _definedInEligibleHeader(e.Id), PolicyGateway.Location(e.Span)), PolicyGateway.At(e.Span));
        _preferExternalize[g.Id] = pref;
        return pref;
    }

    private bool ExternalizeObject(ClosureNode o, bool final)
    {
        if (_externalizeObject.TryGetValue(o.Id, out bool ext))
        {
            if (!ext && final) WarnObjectCopied(o);
            return ext;
        }
        var e = o.Entity;
        if (e.IsRegister)
        {
            ext = false;
        }
        else
        {
            var linkage = e.Owner >= 0 ? Policy.PolicyLinkage.None : PolicyGateway.Linkage(e.Linkage);
            ext = _policy.Take(_policy.Policy.ShallExternalizeObject(e.Name, linkage, PolicyGateway.Location(e.Span)), PolicyGateway.At(e.Span));
        }
        _externalizeObject[o.Id] = ext;
        if (!ext && final) WarnObjectCopied(o);
        return ext;
    }

    private readonly HashSet<int> _warnedObjects = new();

    private void WarnObjectCopied(ClosureNode o)
    {
        if (_warnedObjects.Add(o.Id))
            _diags.Add(new Diagnostic(Severity.Warning, $"referenced object \"{o.Entity.Name}\" cannot get externalized", PolicyGateway.At(o.Entity.Span)));
    }

    private ClosureResult BuildResult(WalkResult w, HashSet<int> externalized)
    {
        var result = new ClosureResult();
        foreach (var f in w.Functions)
        {
            if (_patched.Contains(f))
            {
                result.Patched.Add(f);
                if (externalized.Contains(f) && w.EscapingEdges.Any(e => e.Target == f)) result.PatchedAndExternalized.Add(f);
            }
            else result.Copied.Add(f);
        }
        foreach (var f in w.ExternalizedFunctions)
        {
            if (_patched.Contains(f)) continue;
            result.ExternalizedFunctions.Add(f);
            result.Reasons[f] = w.ExternalizationReason.GetValueOrDefault(f, "its address is taken");
        }
        foreach (var f in w.DeclaredOnlyFunctions)
        {
            result.DeclaredOnlyFunctions.Add(f);
            if (w.DeclarationOnlyReason.TryGetValue(f, out var reason)) result.Reasons[f] = reason;
        }
        result.CopiedObjects.UnionWith(w.CopiedObjects);
        foreach (var o in w.CopiedObjects)
            if (Node(o).Entity.IsDiscarded) result.Reasons[o] = "copied: it lies in a .discard section, which the final link drops, so the running kernel has no such object";
        result.ExternalizedObjects.UnionWith(w.ExternalizedObjects);
        foreach (var (k, v) in w.ReachedFrom) result.ReachedFrom[k] = v;
        foreach (var (k, v) in _canExternalize) result.CanExternalize[k] = v;
        return result;
    }
}
