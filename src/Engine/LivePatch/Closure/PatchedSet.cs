using KlpCcp.Engine.Diagnostics;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Closure;

/// <summary>
/// SPEC §2.5: the file-scope function definitions, in file order, that the policy says are
/// patched (with -i the listed names). A requested name that is not a function defined in the
/// unit gets a warning naming it.
/// </summary>
internal static class PatchedSet
{
    public static List<int> Select(FactStore store, int unit, PolicyGateway policy, IReadOnlyCollection<string> requested, DiagnosticBag diags)
    {
        var definitions = store.Entities(unit)
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
            var declared = store.EntitiesNamed(name).Any(e => e.Unit == unit && e.Kind == EntityKind.Function);
            diags.Add(Diagnostic.Warning(declared
                ? $"patched function \"{name}\" is declared but not defined in this unit: ignored"
                : $"patched function \"{name}\" is not a function of this unit: ignored"));
        }
        return patched;
    }
}
