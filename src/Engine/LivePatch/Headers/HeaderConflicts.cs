using KlpCcp.Engine.LivePatch.Model;
using KlpCcp.Engine.LivePatch.Output;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.LivePatch.Headers;

/// <summary>
/// SPEC §2.8: an eligible header whose inclusion would clash with what the live patch emits or
/// changes becomes non-eligible (with every header including it): a definition the live patch
/// must not contain twice (an externalized function's or object's definition, an unused
/// external definition), or a declaration whose linkage the live patch changes.
/// </summary>
internal static class HeaderConflicts
{
    public static void Apply(LivePatchModel model, SymbolPlan plan, HeaderEligibility eligibility)
    {
        var unit = model.Unit;
        var files = new Dictionary<int, Facts.Records.FileRecord>();
        var parentOf = new Dictionary<int, int>();
        foreach (var inc in unit.Record.Includes)
            if (inc.Region >= 0) parentOf[inc.Region] = inc.ParentRegion;
        foreach (var r in unit.Sources.Regions)
            if (r.Kind == Source.SourceRegionKind.File)
            {
                var inc = unit.Record.Includes.FirstOrDefault(i => i.Region == r.Id);
                files[r.Id] = new Facts.Records.FileRecord(0, r.Id, r.File.Path, inc?.Id ?? -1, parentOf.GetValueOrDefault(r.Id, -1), inc?.IsPreInclude ?? false);
            }

        int Region(int token)
        {
            ref readonly var t = ref unit.Tokens[token];
            int loc = t.Expansion != 0 ? unit.Record.Invocation(unit.Record.Invocation(t.Expansion).TopLevel).NameLoc : t.Loc;
            return unit.Sources.GetRegion(loc)?.Id ?? unit.MainRegion;
        }

        foreach (var item in model.Items)
        {
            int first = Region(item.FirstToken), last = Region(item.LastToken);
            foreach (var di in item.Declarators)
            {
                var reason = Conflict(di, plan);
                if (reason is null) continue;
                foreach (var region in new[] { first, last }.Distinct())
                    if (region != unit.MainRegion && eligibility.IsEligible(region))
                        eligibility.MakeNonEligible(region, $"including it would clash: {reason}", files);
            }
        }
    }

    private static string? Conflict(DeclaratorItem di, SymbolPlan plan)
    {
        var rec = di.Record;
        bool isDefinition = rec?.IsDefinition ?? di.Node is FunctionDefinition;
        bool isStatic = rec?.StorageClass == Keyword.Static;
        switch (di.Symbol)
        {
            case ObjectSymbol o:
                {
                    // a global register variable (register T x asm("reg")) names a register: it has
                    // no storage and no symbol, so including its declaration twice clashes with nothing
                    if (o.IsRegister) return null;
                    if (plan.Externalized.TryGetValue(o, out var m))
                    {
                        bool renamed = m.Renamed(o.Name);
                        bool external = o.Linkage == Semantics.Analysis.Linkage.External && m.Linkage != LinkageChange.MakeStatic || m.Linkage == LinkageChange.MakeExtern;
                        if (!renamed && ((external && isDefinition) || isStatic || m.Pointer || di.Initializer is not null))
                            return $"the externalized object \"{o.Name}\" is defined or declared differently here";
                        if (renamed && o.Linkage == Semantics.Analysis.Linkage.External && isDefinition)
                            return $"the externalized object \"{o.Name}\" is defined here";
                        return null;
                    }
                    if (plan.RewrittenObjects.Contains(o) && o.IsFileScope) return $"the initializer of \"{o.Name}\" is rewritten";
                    if (!plan.CopiedObjects.Contains(o) && o.Linkage == Semantics.Analysis.Linkage.External && isDefinition && o.IsFileScope)
                        return $"it defines the object \"{o.Name}\"";
                    return null;
                }
            case FunctionSymbol f:
                {
                    bool externalizedNotRenamed = plan.Externalized.TryGetValue(f, out var m) && !m.Renamed(f.Name) && !m.Pointer;
                    if (isDefinition && externalizedNotRenamed) return $"the externalized function \"{f.Name}\" is defined here";
                    if (isDefinition && plan.Patched.Contains(f) && !plan.PatchedMods[f].Renamed(f.Name))
                        return $"the patched function \"{f.Name}\" is defined here";
                    if (isDefinition && plan.Rewritten.TryGetValue(f, out var rn) && rn == f.Name)
                        return $"the rewritten function \"{f.Name}\" is defined here";
                    if (isDefinition && !f.IsGnuInline && f.Linkage == Semantics.Analysis.Linkage.External
                        && !plan.InClosure(f))
                        return $"it defines the function \"{f.Name}\"";
                    // a static declaration of a symbol the live patch makes external under its own name
                    if (isStatic && plan.Patched.Contains(f) && !plan.PatchedMods[f].Renamed(f.Name)
                        && plan.PatchedMods[f].Linkage == LinkageChange.MakeExtern)
                        return $"it declares \"{f.Name}\" static";
                    if (isStatic && plan.Externalized.TryGetValue(f, out var em) && !em.Renamed(f.Name) && em.Linkage == LinkageChange.MakeExtern)
                        return $"it declares \"{f.Name}\" static";
                    return null;
                }
        }
        return null;
    }
}
