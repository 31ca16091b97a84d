using System.Text;
using KlpCcp.Facts.Records;

namespace KlpCcp.Facts.Queries;

/// <summary>
/// Why a symbol is (or is not) in the live patch: for each entity of that name, the chain of
/// references from a patched function to it with the decision at each step, or the reason it
/// stayed out.
/// </summary>
public sealed record WhyExplanation(string Symbol, IReadOnlyList<IReadOnlyList<WhyStep>> Chains, IReadOnlyList<string> NotInPatch)
{
    public bool Found => Chains.Count > 0 || NotInPatch.Count > 0;

    public string Render()
    {
        var sb = new StringBuilder();
        if (!Found) return $"{Symbol}: no entity of that name in the unit\n";
        foreach (var chain in Chains)
        {
            for (int i = 0; i < chain.Count; i++)
            {
                var s = chain[i];
                sb.Append(i == 0 ? "" : new string(' ', 2 * i) + "-> ");
                sb.Append(Describe(s));
                sb.Append('\n');
            }
        }
        foreach (var line in NotInPatch) sb.Append(line).Append('\n');
        return sb.ToString();
    }

    private static string Describe(WhyStep s)
    {
        var e = s.Entity;
        var sb = new StringBuilder();
        sb.Append(KindName(e.Kind)).Append(' ').Append(e.Name);
        sb.Append(" (").Append(e.Span.File).Append(':').Append(e.Span.Line).Append(')');
        if (s.ReachedBy is { } r)
        {
            sb.Append(" [").Append(ReferenceName(r)).Append(" at line ").Append(r.At.Line).Append(']');
        }
        if (s.Decision is { } d)
        {
            sb.Append(": ").Append(DecisionName(d.Decision));
            if (d.NewName is not null && d.NewName != e.Name) sb.Append(" as ").Append(d.NewName);
            if (d.MadePointer) sb.Append(" (pointer)");
            if (d.Reason.Length > 0) sb.Append(": ").Append(d.Reason);
        }
        return sb.ToString();
    }

    public static string KindName(EntityKind k) => k switch
    {
        EntityKind.Function => "function",
        EntityKind.Object => "object",
        EntityKind.Typedef => "typedef",
        EntityKind.Struct => "struct",
        EntityKind.Union => "union",
        EntityKind.Enum => "enum",
        EntityKind.Enumerator => "enumerator",
        _ => "static assertion",
    };

    public static string DecisionName(DecisionKind k) => k switch
    {
        DecisionKind.Patched => "patched",
        DecisionKind.Copied => "copied",
        DecisionKind.Rewritten => "rewritten",
        DecisionKind.Externalized => "externalized",
        DecisionKind.FromHeader => "from an included header",
        DecisionKind.DeclarationOnly => "declaration only",
        _ => "not needed",
    };

    public static string ReferenceName(ReferenceRecord r)
    {
        var kind = r.Kind switch
        {
            ReferenceKind.Function => r.AddressEscapes ? "address taken" : "called",
            ReferenceKind.Object => "used",
            ReferenceKind.StaticLocal => "static local",
            ReferenceKind.DeclaredType => "unevaluated use",
            ReferenceKind.TagDeclaration => "tag declared",
            ReferenceKind.TagDefinition => "complete type needed",
            ReferenceKind.Typedef => "typedef used",
            ReferenceKind.Enumerator => "enumerator used",
            ReferenceKind.TagNonDeclaredness => "local tag",
            _ => "macro used",
        };
        return r.Context.Length > 0 ? $"{kind}, {r.Context}" : kind;
    }
}
