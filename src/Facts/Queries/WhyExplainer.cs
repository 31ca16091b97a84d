using KlpCcp.Facts.Records;

namespace KlpCcp.Facts.Queries;

/// <summary>Answers `klp-ccp why SYMBOL` from the decisions and references in the fact store.</summary>
public static class WhyExplainer
{
    public static WhyExplanation Explain(FactStore store, string symbol)
    {
        var chains = new List<IReadOnlyList<WhyStep>>();
        var notIn = new List<string>();
        foreach (var e in store.EntitiesNamed(symbol).OrderBy(e => e.Unit).ThenBy(e => e.Id))
        {
            var decision = store.Decision(e.Unit, e.Id);
            if (decision is null || decision.Decision == DecisionKind.NotNeeded)
            {
                notIn.Add(NotInPatchReason(store, e, decision));
                continue;
            }
            chains.Add(ChainTo(store, e, decision));
        }
        return new WhyExplanation(symbol, chains, notIn);
    }

    /// <summary>Follows ReachedFrom back to the root (a patched function) and returns the chain root first.</summary>
    private static IReadOnlyList<WhyStep> ChainTo(FactStore store, EntityRecord target, DecisionRecord decision)
    {
        var steps = new List<WhyStep>();
        var seen = new HashSet<int>();
        EntityRecord? cur = target;
        DecisionRecord? curDecision = decision;
        while (cur is not null && seen.Add(cur.Id))
        {
            int from = curDecision?.ReachedFrom ?? -1;
            ReferenceRecord? via = from < 0 ? null
                : store.ReferencesFrom(cur.Unit, from).FirstOrDefault(r => r.To == cur.Id);
            steps.Add(new WhyStep(cur, curDecision, via));
            if (from < 0) break;
            cur = store.Entity(cur.Unit, from);
            curDecision = cur is null ? null : store.Decision(cur.Unit, cur.Id);
        }
        steps.Reverse();
        return steps;
    }

    private static string NotInPatchReason(FactStore store, EntityRecord e, DecisionRecord? decision)
    {
        var where = $"{WhyExplanation.KindName(e.Kind)} {e.Name} ({e.Span.File}:{e.Span.Line})";
        if (decision is not null && decision.Reason.Length > 0) return $"{where}: not in the live patch: {decision.Reason}";
        var users = store.ReferencesTo(e.Unit, e.Id)
            .Select(r => store.Entity(e.Unit, r.From))
            .OfType<EntityRecord>()
            .Where(u => store.Decision(u.Unit, u.Id) is { Decision: not DecisionKind.NotNeeded and not DecisionKind.Externalized })
            .Select(u => u.Name)
            .Distinct()
            .ToList();
        return users.Count == 0
            ? $"{where}: not in the live patch: no patched function reaches it"
            : $"{where}: not in the live patch: used by {string.Join(", ", users)} only where no definition is needed";
    }
}
