using System.Text;
using System.Text.RegularExpressions;
using KlpCcp.Facts.Records;

namespace KlpCcp.Facts.Queries;

/// <summary>Runs a parsed query against the store and renders the answer as text lines.</summary>
public static class FactQueryRunner
{
    public static string Run(FactStore store, FactQuery query)
    {
        var sb = new StringBuilder();
        switch (query)
        {
            case FactQuery.ByDecision q:
                foreach (var unit in store.Units())
                foreach (var d in store.Decisions(unit.Id).Where(d => q.Decisions.Contains(d.Decision)).OrderBy(d => d.Entity))
                {
                    var e = store.Entity(unit.Id, d.Entity);
                    if (e is null) continue;
                    sb.Append(WhyExplanation.DecisionName(d.Decision)).Append('\t')
                      .Append(WhyExplanation.KindName(e.Kind)).Append('\t').Append(e.Name);
                    if (d.NewName is not null && d.NewName != e.Name) sb.Append(" -> ").Append(d.NewName);
                    if (d.MadePointer) sb.Append(" (pointer)");
                    sb.Append('\t').Append(e.Span).Append('\n');
                }
                break;
            case FactQuery.References q:
                foreach (var e in store.EntitiesNamed(q.Symbol))
                {
                    var refs = q.From ? store.ReferencesFrom(e.Unit, e.Id) : store.ReferencesTo(e.Unit, e.Id);
                    foreach (var r in refs.OrderBy(r => r.At.Line).ThenBy(r => r.At.Column))
                    {
                        var other = store.Entity(e.Unit, q.From ? r.To : r.From);
                        sb.Append(q.From ? e.Name : other?.Name).Append(" -> ").Append(q.From ? other?.Name : e.Name)
                          .Append('\t').Append(WhyExplanation.ReferenceName(r))
                          .Append(r.Evaluated ? "" : " (unevaluated)")
                          .Append('\t').Append(r.At).Append('\n');
                    }
                }
                break;
            case FactQuery.Decision q:
                foreach (var e in store.EntitiesNamed(q.Symbol))
                {
                    var d = store.Decision(e.Unit, e.Id);
                    sb.Append(WhyExplanation.KindName(e.Kind)).Append(' ').Append(e.Name).Append(": ")
                      .Append(d is null ? "not needed" : WhyExplanation.DecisionName(d.Decision));
                    if (d?.NewName is { } n && n != e.Name) sb.Append(" as ").Append(n);
                    if (d?.LinkageChange is { } l) sb.Append(", ").Append(l);
                    if (d?.MadePointer == true) sb.Append(", pointer");
                    if (d?.Reason is { Length: > 0 } reason) sb.Append(": ").Append(reason);
                    if (d?.PolicyAnswer is { } p) sb.Append(" [policy: ").Append(p).Append(']');
                    sb.Append('\n');
                }
                break;
            case FactQuery.Declarations q:
                foreach (var e in store.EntitiesNamed(q.Symbol))
                foreach (var decl in store.Declarations(e.Unit, e.Id).OrderBy(d => d.Id))
                {
                    sb.Append(e.Name).Append('\t').Append(decl.IsDefinition ? "definition" : "declaration")
                      .Append(decl.StorageClass.Length > 0 ? " " + decl.StorageClass : "")
                      .Append('\t').Append(decl.Span).Append('\n');
                }
                break;
            case FactQuery.Why q:
                sb.Append(WhyExplainer.Explain(store, q.Symbol).Render());
                break;
            case FactQuery.Entities q:
                {
                    var re = q.Pattern is null ? null
                        : new Regex("^" + Regex.Escape(q.Pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$");
                    foreach (var unit in store.Units())
                    foreach (var e in store.Entities(unit.Id).OrderBy(e => e.Id))
                    {
                        if (q.Kind is { } k && e.Kind != k) continue;
                        if (re is not null && !re.IsMatch(e.Name)) continue;
                        sb.Append(WhyExplanation.KindName(e.Kind)).Append('\t').Append(e.Name).Append('\t').Append(e.Span).Append('\n');
                    }
                    break;
                }
            case FactQuery.Headers:
                foreach (var unit in store.Units())
                foreach (var f in store.Files(unit.Id).OrderBy(f => f.Id))
                {
                    sb.Append(f.Eligible switch { true => "eligible", false => "not eligible", _ => "-" })
                      .Append('\t').Append(f.Path);
                    if (f.EligibilityReason is { } why) sb.Append('\t').Append(why);
                    sb.Append('\n');
                }
                break;
            case FactQuery.Units:
                foreach (var u in store.Units())
                    sb.Append(u.Id).Append('\t').Append(u.InputFile).Append('\t').Append(u.Compiler).Append('\n');
                break;
        }
        return sb.ToString();
    }
}
