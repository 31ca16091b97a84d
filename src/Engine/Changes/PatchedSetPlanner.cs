namespace KlpCcp.Engine.Changes;

/// <summary>
/// The functions a live patch must replace for a fix: every function whose code in the running
/// kernel the fix changes, plus every function that carries an inlined copy of one of them,
/// transitively. With gcc's <c>-fdump-ipa-clones</c> dump of the running kernel's build the
/// inlining is known exactly (a changed function with a specialised clone has all its callers
/// patched: the dump does not say which call the clone); without it every caller of a changed
/// static or inline function is taken, as if gcc had inlined it — conservative for those, while
/// global functions are assumed not inlined (gcc can inline them within their unit too, which
/// only the dump tells).
/// </summary>
public static class PatchedSetPlanner
{
    public sealed record Plan(IReadOnlyList<PatchedFunction> Functions, bool Exact, IReadOnlyList<string> Notes);

    /// <param name="changed">Changed functions of the running kernel with the reason of each (in report order).</param>
    /// <param name="callers">Callers in the patched unit.</param>
    /// <param name="excluded">Functions never patched (__init code).</param>
    public static Plan Compute(IReadOnlyList<(string Name, string Reason)> changed, FunctionCallers callers, IpaClones? ipaClones, ISet<string> excluded)
    {
        var result = new List<PatchedFunction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var notes = new List<string>();
        var queue = new Queue<string>();
        foreach (var (name, reason) in changed)
        {
            if (excluded.Contains(name) || !seen.Add(name)) continue;
            result.Add(new PatchedFunction(name, reason));
            queue.Enqueue(name);
        }
        while (queue.Count > 0)
        {
            var f = queue.Dequeue();
            IEnumerable<string> carriers;
            string how;
            if (ipaClones is not null)
            {
                if (ipaClones.WasRemoved(f))
                    notes.Add($"{f} has no out-of-line copy in the running kernel (gcc inlined every call): its callers carry the change, and the live patch must not register {f} itself");
                var inlinedInto = ipaClones.InlinedInto(f);
                carriers = ipaClones.HasClones(f) ? inlinedInto.Union(callers.CallersOf(f)) : inlinedInto;
                how = ipaClones.HasClones(f) ? $"calls a specialised clone of, or has inlined, {f}" : $"gcc inlined {f} into it";
            }
            else
            {
                carriers = callers.MayBeInlined(f) ? callers.CallersOf(f) : [];
                how = $"calls {f}, which gcc may have inlined into it";
            }
            foreach (var g in carriers.Order(StringComparer.Ordinal))
            {
                if (!callers.IsDefined(g) || excluded.Contains(g) || !seen.Add(g)) continue;
                result.Add(new PatchedFunction(g, how, f));
                queue.Enqueue(g);
            }
        }
        if (ipaClones is null && result.Any(p => p.IsInliningCaller))
            notes.Add("without --ipa-clones the callers of changed static and inline functions are patched as if gcc had inlined them (it may not have); give gcc's -fdump-ipa-clones output of the running kernel's build for the exact set");
        return new Plan(result, ipaClones is not null, notes);
    }
}
