using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Closure;

/// <summary>Writes the closure and the symbol modifications back to the fact store as decisions with reasons.</summary>
internal static class DecisionWriter
{
    public static List<DecisionRecord> Write(FactStore store, int unit, ClosureResult closure, SymbolModifications.Result mods)
    {
        var list = new List<DecisionRecord>();
        int From(int id) => closure.ReachedFrom.GetValueOrDefault(id, -1);
        foreach (var p in closure.Patched)
        {
            var m = mods.Patched.GetValueOrDefault(p);
            list.Add(new DecisionRecord(unit, p, DecisionKind.Patched,
                closure.PatchedAndExternalized.Contains(p) ? "patched; its address is also taken, so the original is externalized" : "patched")
            {
                NewName = m?.NewName,
                LinkageChange = m is null ? null : LinkageText(m.Linkage),
                PolicyAnswer = m is null ? null : $"modify-patched-fun-sym -> {m.NewName} {LinkageText(m.Linkage)}",
            });
        }
        foreach (var f in closure.Copied)
        {
            bool rewritten = mods.Rewritten.TryGetValue(f, out var newName);
            list.Add(new DecisionRecord(unit, f, rewritten ? DecisionKind.Rewritten : DecisionKind.Copied,
                rewritten ? "copied and rewritten: it refers to a renamed or pointerized symbol" : "called from the live patch and not externalized")
            {
                ReachedFrom = From(f),
                NewName = rewritten ? newName : null,
                PolicyAnswer = closure.CanExternalize.TryGetValue(f, out var can) && !can ? "can-externalize-fun -> NO" : null,
            });
        }
        foreach (var f in closure.ExternalizedFunctions)
            list.Add(Externalized(unit, f, From(f), closure.Reasons.GetValueOrDefault(f, "externalized"), mods, "function"));
        foreach (var o in closure.ExternalizedObjects)
            list.Add(Externalized(unit, o, From(o), store.Entity(unit, o)?.IsPerCpu == true
                ? "the policy externalizes it; a per-cpu object is declared extern under its own name, never through a pointer (its address is an offset into each CPU's area): the running kernel must export it to the live patch"
                : "the policy externalizes it", mods, "object"));
        foreach (var o in closure.CopiedObjects)
        {
            bool decidedWithoutPolicy = closure.Reasons.TryGetValue(o, out var reason);
            list.Add(new DecisionRecord(unit, o, DecisionKind.Copied,
                decidedWithoutPolicy ? reason!
                : mods.RewrittenObjects.Contains(o) ? "copied (the policy does not externalize it); its initializer is rewritten" : "copied: the policy does not externalize it")
            { ReachedFrom = From(o), PolicyAnswer = decidedWithoutPolicy ? null : "shall-externalize-obj -> NO" });
        }
        foreach (var f in closure.DeclaredOnlyFunctions)
            list.Add(new DecisionRecord(unit, f, DecisionKind.DeclarationOnly,
                closure.Reasons.GetValueOrDefault(f, "no definition in the unit and it cannot be externalized")) { ReachedFrom = From(f) });
        store.Upsert(list);
        return list;
    }

    private static DecisionRecord Externalized(int unit, int id, int from, string reason, SymbolModifications.Result mods, string kind)
    {
        var m = mods.Externalized.GetValueOrDefault(id);
        return new DecisionRecord(unit, id, DecisionKind.Externalized, reason)
        {
            ReachedFrom = from,
            NewName = m?.NewName,
            LinkageChange = m is null ? null : LinkageText(m.Linkage),
            MadePointer = m?.Pointer ?? false,
            PolicyAnswer = m is null ? null : $"modify-externalized-sym {kind} -> {m.NewName} {LinkageText(m.Linkage)}{(m.Pointer ? " MAKE-POINTER" : "")}",
        };
    }

    private static string LinkageText(Policy.LinkageChange l) => l switch
    {
        Policy.LinkageChange.MakeStatic => "MAKE-INTERNAL",
        Policy.LinkageChange.MakeExtern => "MAKE-EXTERNAL",
        _ => "KEEP-LINKAGE",
    };
}
