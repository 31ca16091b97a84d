using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Headers;

/// <summary>
/// SPEC §2.6 "eligibility init": which of the unit's headers the live patch may #include. The
/// input file never is; every other header or pre-include root is asked once, parents before
/// children; a header that may not be included makes every header including it non-eligible
/// too (including the parent would include it). The answers are written back to the file facts.
/// </summary>
internal sealed class HeaderEligibility
{
    private readonly Dictionary<int, bool> _eligible = new();
    private readonly Dictionary<int, string> _reasons = new();

    public bool IsEligible(int file) => _eligible.TryGetValue(file, out var e) && e;

    public string? Reason(int file) => _reasons.GetValueOrDefault(file);

    public IReadOnlyDictionary<int, bool> All => _eligible;

    public static HeaderEligibility Compute(FactStore store, int unit, PolicyGateway policy)
    {
        var h = new HeaderEligibility();
        var files = store.Files(unit).OrderBy(f => f.Id).ToList();
        var byId = files.ToDictionary(f => f.Id);
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (f.IsMain)
            {
                h.Set(f.Id, false, "the input file is never included");
                continue;
            }
            if (!answers.TryGetValue(f.Path, out bool may))
            {
                may = policy.Take(policy.Policy.MayIncludeHeader(f.Path, f.IsPreInclude), new Diagnostics.DiagnosticLocation(f.Path, 1, 1));
                answers[f.Path] = may;
            }
            if (!h._eligible.ContainsKey(f.Id)) h.Set(f.Id, may, may ? "the policy allows including it" : "the policy does not allow including it");
            if (!may)
            {
                // every including ancestor becomes non-eligible
                var parent = f.ParentFile;
                while (parent >= 0 && byId.TryGetValue(parent, out var p) && !p.IsMain)
                {
                    h.Set(parent, false, $"it includes {f.Path}, which may not be included");
                    parent = p.ParentFile;
                }
            }
        }
        store.Upsert(files.Select(f => f with { Eligible = h.IsEligible(f.Id), EligibilityReason = h.Reason(f.Id) }));
        return h;
    }

    /// <summary>Stores the final eligibility (after conflicts) in the file facts.</summary>
    public void WriteBack(FactStore store, int unit) =>
        store.Upsert(store.Files(unit).Select(f => f with { Eligible = IsEligible(f.Id), EligibilityReason = Reason(f.Id) }));

    internal void Set(int file, bool eligible, string reason)
    {
        _eligible[file] = eligible;
        _reasons[file] = reason;
    }

    /// <summary>Marks a header (and its including ancestors) non-eligible after a conflict (SPEC §2.8).</summary>
    public void MakeNonEligible(int file, string reason, IReadOnlyDictionary<int, FileRecord> byId)
    {
        int cur = file;
        string why = reason;
        while (cur >= 0 && byId.TryGetValue(cur, out var f) && !f.IsMain)
        {
            if (_eligible.TryGetValue(cur, out var e) && !e && cur != file) break;
            Set(cur, false, why);
            why = $"it includes {byId[file].Path}, which may not be included";
            cur = f.ParentFile;
        }
    }
}
