using KlpCcp.Engine.LivePatch.Closure;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Semantics.Analysis;

namespace KlpCcp.Engine.LivePatch.Output;

/// <summary>What the live patch does with each function and object, and under which name (from the closure and the symbol modifications).</summary>
internal sealed class SymbolPlan
{
    internal SymbolPlan(SemanticModel sema, ClosureResult closure, SymbolModifications.Result mods)
    {
        var byId = sema.Symbols;
        foreach (var id in closure.Patched) Patched.Add((FunctionSymbol)byId[id]);
        foreach (var id in closure.Copied) Copied.Add((FunctionSymbol)byId[id]);
        foreach (var id in closure.ExternalizedFunctions) ExternalizedFunctions.Add((FunctionSymbol)byId[id]);
        foreach (var id in closure.PatchedAndExternalized) ExternalizedFunctions.Add((FunctionSymbol)byId[id]);
        foreach (var id in closure.DeclaredOnlyFunctions) DeclaredOnlyFunctions.Add((FunctionSymbol)byId[id]);
        foreach (var id in closure.CopiedObjects) CopiedObjects.Add((ObjectSymbol)byId[id]);
        foreach (var id in closure.ExternalizedObjects) ExternalizedObjects.Add((ObjectSymbol)byId[id]);
        foreach (var (id, m) in mods.Externalized) Externalized[byId[id]] = m;
        foreach (var (id, m) in mods.Patched) PatchedMods[(FunctionSymbol)byId[id]] = m;
        foreach (var (id, name) in mods.Rewritten) Rewritten[(FunctionSymbol)byId[id]] = name;
        foreach (var id in mods.RewrittenObjects) RewrittenObjects.Add((ObjectSymbol)byId[id]);
    }

    public HashSet<FunctionSymbol> Patched { get; } = new();
    /// <summary>Copied non-patched functions (rewritten ones included).</summary>
    public HashSet<FunctionSymbol> Copied { get; } = new();
    public HashSet<FunctionSymbol> ExternalizedFunctions { get; } = new();
    public HashSet<FunctionSymbol> DeclaredOnlyFunctions { get; } = new();
    public HashSet<ObjectSymbol> CopiedObjects { get; } = new();
    public HashSet<ObjectSymbol> ExternalizedObjects { get; } = new();
    public Dictionary<Symbol, SymbolModifications.Modification> Externalized { get; } = new();
    public Dictionary<FunctionSymbol, SymbolModifications.Modification> PatchedMods { get; } = new();
    public Dictionary<FunctionSymbol, string> Rewritten { get; } = new();
    public HashSet<ObjectSymbol> RewrittenObjects { get; } = new();

    public bool InClosure(FunctionSymbol f) => Patched.Contains(f) || Copied.Contains(f);

    /// <summary>How a reference to <paramref name="s"/> is written in emitted code (callers and address-takers alike).</summary>
    public string? ReferenceReplacement(Symbol s, bool isCallOfPatched)
    {
        if (s is FunctionSymbol f)
        {
            if (Patched.Contains(f) && (isCallOfPatched || !ExternalizedFunctions.Contains(f)))
                return PatchedMods.TryGetValue(f, out var pm) && pm.Renamed(f.Name) ? pm.NewName : null;
            if (Rewritten.TryGetValue(f, out var rn)) return rn != f.Name ? rn : null;
        }
        if (Externalized.TryGetValue(s, out var m))
        {
            if (m.Pointer) return "(*" + m.NewName + ")";
            return m.Renamed(s.Name) ? m.NewName : null;
        }
        return null;
    }

    /// <summary>The name the declarator of <paramref name="s"/> gets in its externalized variant.</summary>
    public string ExternalizedDeclaratorName(Symbol s)
    {
        var m = Externalized[s];
        return m.Pointer ? "(*" + m.NewName + ")" : m.NewName;
    }

    public LinkageChange ExternalizedLinkage(Symbol s) => Externalized.TryGetValue(s, out var m) ? m.Linkage : LinkageChange.None;
}
