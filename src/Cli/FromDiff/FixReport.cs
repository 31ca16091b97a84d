using KlpCcp.Engine.Changes;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Cli.FromDiff;

/// <summary>
/// The summary of a unit printed by from-diff: what each hunk does in this configuration, every
/// change with its kind and hunks, the changed functions, the functions patched and why, and
/// (once the live patch exists) what it externalized or copied.
/// </summary>
public static class FixReport
{
    public static void WriteChanges(TextWriter w, UnitFix fix)
    {
        w.WriteLine($"{fix.RelativePath}:");
        foreach (var h in fix.Hunks)
            w.WriteLine($"  {h.Hunk.Label}: {h.Description}");
        foreach (var c in fix.Changes)
        {
            var verdict = c.Verdict switch
            {
                ChangeVerdict.Refused => " [cannot be live patched]",
                ChangeVerdict.Warning => " [" + c.Reason + "]",
                _ => "",
            };
            w.WriteLine($"  {c.Entity}: {c.Description}{FixAnalysis.HunkList(fix.HunksOf[c])}{verdict}");
        }
        var changed = fix.ChangedFunctionNames.ToList();
        w.WriteLine($"  changed functions ({changed.Count}): {(changed.Count == 0 ? "none" : string.Join(" ", changed))}");
        if (fix.Plan.Functions.Count > 0)
        {
            w.WriteLine($"  patched functions ({fix.Plan.Functions.Count}{(fix.Plan.Exact ? ", inlining from --ipa-clones" : "")}):");
            foreach (var p in fix.Plan.Functions) w.WriteLine($"    {p.Name}: {p.Reason}");
        }
        foreach (var n in fix.Plan.Notes) w.WriteLine($"  note: {n}");
    }

    /// <summary>The live patch's decisions from the fact store: copied and externalized entities, by kind.</summary>
    public static void WriteDecisions(TextWriter w, FactStore facts, int unit, string? factsFile)
    {
        var decisions = facts.Decisions(unit);
        string Name(DecisionRecord d) => facts.Entity(unit, d.Entity)?.Name ?? $"#{d.Entity}";
        void List(string title, IEnumerable<DecisionRecord> ds, Func<DecisionRecord, string> render)
        {
            var items = ds.Select(render).Order(StringComparer.Ordinal).ToList();
            if (items.Count > 0) w.WriteLine($"  {title} ({items.Count}): {string.Join(" ", items)}");
        }
        List("copied", decisions.Where(d => d.Decision is DecisionKind.Copied or DecisionKind.Rewritten),
            d => d.NewName is { } n && n != Name(d) ? $"{Name(d)}->{n}" : Name(d));
        List("externalized", decisions.Where(d => d.Decision == DecisionKind.Externalized),
            d => d.NewName is { } n && n != Name(d) ? $"{Name(d)}->{n}" : Name(d));
        if (factsFile is not null) w.WriteLine($"  why each one: klp-ccp why --facts {factsFile} NAME");
    }
}
