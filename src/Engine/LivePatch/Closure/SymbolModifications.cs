using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Closure;

/// <summary>
/// SPEC §2.7: the names and linkage of externalized, patched and rewritten symbols, asked from
/// the policy with the RETRY loop against the allocated identifier set, and the rewrite
/// fixpoint (a closure function that refers to a renamed or pointerized symbol is rewritten,
/// which may rename it in turn).
/// </summary>
internal sealed class SymbolModifications
{
    public const int MaxRetries = 128;

    private readonly FactStore _store;
    private readonly int _unit;
    private readonly PolicyGateway _policy;
    private readonly DiagnosticBag _diags;
    /// <summary>The allocated identifier set, each name with the symbol that holds it (for clash messages).</summary>
    private readonly Dictionary<string, string> _allocated = new(StringComparer.Ordinal);
    private string? _lastClash;

    public SymbolModifications(FactStore store, int unit, PolicyGateway policy, DiagnosticBag diags)
    {
        _store = store;
        _unit = unit;
        _policy = policy;
        _diags = diags;
    }

    /// <summary>The modification of one symbol.</summary>
    public sealed record Modification(string NewName, LinkageChange Linkage, bool Pointer)
    {
        public bool Renamed(string oldName) => !string.Equals(NewName, oldName, StringComparison.Ordinal);
    }

    public sealed class Result
    {
        /// <summary>Externalized functions and objects.</summary>
        public readonly Dictionary<int, Modification> Externalized = new();
        public readonly Dictionary<int, Modification> Patched = new();
        /// <summary>Rewritten closure functions and their (possibly unchanged) names.</summary>
        public readonly Dictionary<int, string> Rewritten = new();
        /// <summary>Copied file-scope objects whose initializer refers to a changed symbol.</summary>
        public readonly HashSet<int> RewrittenObjects = new();
    }

    public Result Run(ClosureResult closure)
    {
        var entities = _store.Entities(_unit);
        var byId = entities.ToDictionary(e => e.Id);
        foreach (var e in entities)
            if (e.Kind is EntityKind.Function or EntityKind.Object) _allocated.TryAdd(e.Name, e.Name);

        var result = new Result();
        // externalized objects first, then functions (externalized, patched) in declaration order
        foreach (var o in closure.ExternalizedObjects.Select(id => byId[id]).OrderBy(e => e.Order))
            result.Externalized[o.Id] = AskExternalized(ExternalizedSymbolKind.Object, o);
        var functions = closure.ExternalizedFunctions.Concat(closure.Patched).Distinct().Select(id => byId[id]).OrderBy(e => e.Order);
        foreach (var f in functions)
        {
            if (closure.ExternalizedFunctions.Contains(f.Id) || closure.PatchedAndExternalized.Contains(f.Id))
                result.Externalized[f.Id] = AskExternalized(ExternalizedSymbolKind.Function, f);
            if (closure.Patched.Contains(f.Id))
                result.Patched[f.Id] = AskPatched(f);
            if (closure.PatchedAndExternalized.Contains(f.Id)
                && !result.Patched[f.Id].Renamed(f.Name) && !result.Externalized[f.Id].Renamed(f.Name))
            {
                _diags.Add(new Diagnostic(Severity.Error, "name clash for patched and externalized function", PolicyGateway.At(f.Span)));
                throw new LivePatchAbort(LivePatchFailureKind.Creation);
            }
        }

        // the rewrite fixpoint
        var changed = new HashSet<int>();
        foreach (var (id, m) in result.Externalized)
            if (m.Pointer || m.Renamed(byId[id].Name)) changed.Add(id);
        foreach (var (id, m) in result.Patched)
            if (m.Renamed(byId[id].Name)) changed.Add(id);
        var candidates = closure.Copied.Select(id => byId[id]).OrderBy(e => e.Order).ToList();
        bool progress = true;
        while (progress)
        {
            progress = false;
            foreach (var f in candidates)
            {
                if (result.Rewritten.ContainsKey(f.Id)) continue;
                if (!RefersToChanged(f.Id, changed, closure, byId)) continue;
                string name = AskRewritten(f);
                result.Rewritten[f.Id] = name;
                if (name != f.Name) changed.Add(f.Id);
                progress = true;
            }
        }
        foreach (var o in closure.CopiedObjects)
            if (byId[o].Owner < 0 && RefersToChanged(o, changed, closure, byId)) result.RewrittenObjects.Add(o);
        return result;
    }

    /// <summary>Does the entity's body (or initializer, or a local static's initializer) refer to a changed symbol?</summary>
    private bool RefersToChanged(int entity, HashSet<int> changed, ClosureResult closure, Dictionary<int, EntityRecord> byId)
    {
        foreach (var r in _store.ReferencesFrom(_unit, entity))
        {
            if (r.Part is not (ReferencePart.Body or ReferencePart.Initializer)) continue;
            if (changed.Contains(r.To)) return true;
            // a local static that is externalized changes the function's text
            if (r.Kind == ReferenceKind.StaticLocal && closure.ExternalizedObjects.Contains(r.To)) return true;
            if (r.Kind == ReferenceKind.StaticLocal && closure.CopiedObjects.Contains(r.To) && RefersToChanged(r.To, changed, closure, byId))
                return true;
        }
        return false;
    }

    private Modification AskExternalized(ExternalizedSymbolKind kind, EntityRecord e)
    {
        for (int retry = 0; retry < MaxRetries; retry++)
        {
            var a = _policy.Take(_policy.Policy.ModifyExternalizedSymbol(kind, e.Name, retry), PolicyGateway.At(e.Span));
            var m = a.SymbolModification;
            // per-cpu accessors need the symbol's address as a constant: no pointer, no new name
            if (e.IsPerCpu && (a.MakePointer || m.NewName != e.Name)) return new Modification(e.Name, LinkageChange.MakeExtern, false);
            if (Accept(e.Name, m.NewName)) return new Modification(m.NewName, m.LinkageChange, a.MakePointer);
        }
        return Exhausted("externalized", e);
    }

    private Modification AskPatched(EntityRecord e)
    {
        for (int retry = 0; retry < MaxRetries; retry++)
        {
            var m = _policy.Take(_policy.Policy.ModifyPatchedFunctionSymbol(e.Name, retry), PolicyGateway.At(e.Span));
            if (Accept(e.Name, m.NewName)) return new Modification(m.NewName, m.LinkageChange, false);
        }
        return Exhausted("patched", e);
    }

    private string AskRewritten(EntityRecord e)
    {
        for (int retry = 0; retry < MaxRetries; retry++)
        {
            var n = _policy.Take(_policy.Policy.RenameRewrittenFunction(e.Name, retry), PolicyGateway.At(e.Span));
            if (Accept(e.Name, n)) return n;
        }
        Exhausted("rewritten", e);
        return e.Name;
    }

    /// <summary>An unchanged name is accepted; a new one only when no symbol has it yet.</summary>
    private bool Accept(string oldName, string newName)
    {
        if (string.Equals(oldName, newName, StringComparison.Ordinal)) return true;
        if (_allocated.TryAdd(newName, oldName)) return true;
        _lastClash = $"\"{newName}\" is already taken by \"{_allocated[newName]}\"";
        return false;
    }

    private Modification Exhausted(string what, EntityRecord e)
    {
        var clash = _lastClash is null ? "" : $" ({_lastClash})";
        _diags.Add(new Diagnostic(Severity.Error, $"exceeded maximum retries for renaming {what} \"{e.Name}\"{clash}", PolicyGateway.At(e.Span)));
        throw new LivePatchAbort(LivePatchFailureKind.Creation);
    }
}
