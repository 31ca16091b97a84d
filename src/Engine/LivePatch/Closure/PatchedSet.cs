using KlpCcp.Engine.Diagnostics;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Closure;

/// <summary>
/// SPEC §2.5: the file-scope function definitions, in file order, that the policy says are
/// patched (with -i the listed names). A requested name that is not a function defined in the
/// unit gets a warning naming it.
/// </summary>
internal static class PatchedSet
{
    /// <param name="candidates">The unit's file-scope function definitions (the facts of the unit are
    /// written only after the patched set is known, so the candidates come from the analysis).</param>
    /// <param name="declaredNames">Names of functions the unit declares without defining.</param>
    public static List<int> Select(IReadOnlyList<EntityRecord> candidates, ISet<string> declaredNames, PolicyGateway policy,
        IReadOnlyCollection<string> requested, DiagnosticBag diags)
    {
        var definitions = candidates
            .Where(e => e.Kind == EntityKind.Function && e.IsDefined && e.Owner < 0)
            .OrderBy(e => e.DefinitionOrder)
            .ToList();
        var patched = new List<int>();
        foreach (var f in definitions)
            if (policy.Take(policy.Policy.IsPatched(f.Name), PolicyGateway.At(f.Span))) patched.Add(f.Id);
        var defined = definitions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in requested)
        {
            if (defined.Contains(name)) continue;
            var declared = declaredNames.Contains(name);
            diags.Add(Diagnostic.Warning(declared
                ? $"patched function \"{name}\" is declared but not defined in this unit: ignored"
                : $"patched function \"{name}\" is not a function of this unit: ignored"));
        }
        return patched;
    }
}
