using KlpCcp.Facts.Records;
using Sprache;

namespace KlpCcp.Facts.Queries;

/// <summary>
/// The `klp-ccp query` language (Sprache). Its grammar, also printed by `--help`:
/// <code>
/// query    := "closure" | "patched" | "copied" | "rewritten" | "externalized" | "headers" | "units"
///           | "refs" ("from" | "to") SYMBOL
///           | "decision" SYMBOL | "declarations" SYMBOL | "why" SYMBOL
///           | "entities" [KIND] ["like" GLOB]
/// KIND     := "function" | "object" | "typedef" | "struct" | "union" | "enum" | "enumerator"
/// SYMBOL   := a C identifier          GLOB := identifier characters and * ?
/// </code>
/// </summary>
public static class FactQueryParser
{
    public const string Grammar =
        "query := closure | patched | copied | rewritten | externalized | headers | units\n" +
        "       | refs (from|to) SYMBOL | decision SYMBOL | declarations SYMBOL | why SYMBOL\n" +
        "       | entities [KIND] [like GLOB]\n" +
        "KIND  := function | object | typedef | struct | union | enum | enumerator\n" +
        "GLOB  := identifier characters with * and ?";

    private static Parser<string> Keyword(string k) =>
        Parse.String(k).Text().Then(t => Parse.LetterOrDigit.Or(Parse.Char('_')).Not().Return(t)).Token();

    private static readonly Parser<string> Identifier =
        (from first in Parse.Letter.Or(Parse.Char('_'))
         from rest in Parse.LetterOrDigit.Or(Parse.Char('_')).Many().Text()
         select first + rest).Token().Named("symbol");

    private static readonly Parser<string> Glob =
        Parse.LetterOrDigit.Or(Parse.Chars("_*?")).AtLeastOnce().Text().Token().Named("name pattern");

    private static readonly Parser<FactQuery> ListQuery =
        Keyword("closure").Return((FactQuery)new FactQuery.ByDecision("closure", [DecisionKind.Patched, DecisionKind.Copied, DecisionKind.Rewritten]))
        .Or(Keyword("patched").Return((FactQuery)new FactQuery.ByDecision("patched", [DecisionKind.Patched])))
        .Or(Keyword("copied").Return((FactQuery)new FactQuery.ByDecision("copied", [DecisionKind.Copied])))
        .Or(Keyword("rewritten").Return((FactQuery)new FactQuery.ByDecision("rewritten", [DecisionKind.Rewritten])))
        .Or(Keyword("externalized").Return((FactQuery)new FactQuery.ByDecision("externalized", [DecisionKind.Externalized])))
        .Or(Keyword("headers").Return((FactQuery)new FactQuery.Headers()))
        .Or(Keyword("units").Return((FactQuery)new FactQuery.Units()));

    private static readonly Parser<FactQuery> RefsQuery =
        from _ in Keyword("refs")
        from dir in Keyword("from").Or(Keyword("to"))
        from sym in Identifier
        select (FactQuery)new FactQuery.References(dir == "from", sym);

    private static readonly Parser<FactQuery> SymbolQuery =
        (from _ in Keyword("decision") from s in Identifier select (FactQuery)new FactQuery.Decision(s))
        .Or(from _ in Keyword("declarations") from s in Identifier select (FactQuery)new FactQuery.Declarations(s))
        .Or(from _ in Keyword("why") from s in Identifier select (FactQuery)new FactQuery.Why(s));

    private static readonly Parser<EntityKind> Kind =
        Keyword("function").Return(EntityKind.Function)
        .Or(Keyword("object").Return(EntityKind.Object))
        .Or(Keyword("typedef").Return(EntityKind.Typedef))
        .Or(Keyword("struct").Return(EntityKind.Struct))
        .Or(Keyword("union").Return(EntityKind.Union))
        .Or(Keyword("enumerator").Return(EntityKind.Enumerator))
        .Or(Keyword("enum").Return(EntityKind.Enum));

    private static readonly Parser<FactQuery> EntitiesQuery =
        from _ in Keyword("entities")
        from kind in Kind.Optional()
        from like in (from l in Keyword("like") from g in Glob select g).Optional()
        select (FactQuery)new FactQuery.Entities(kind.IsDefined ? kind.Get() : null, like.IsDefined ? like.Get() : null);

    private static readonly Parser<FactQuery> Query =
        from q in RefsQuery.Or(SymbolQuery).Or(EntitiesQuery).Or(ListQuery)
        from end in Parse.WhiteSpace.Many().End()
        select q;

    /// <summary>Parses a query; on failure returns null and a one-line error.</summary>
    public static FactQuery? TryParse(string text, out string? error)
    {
        var r = Query.TryParse(text);
        if (r.WasSuccessful)
        {
            error = null;
            return r.Value;
        }
        var expected = r.Expectations.Any() ? " (expected " + string.Join(" or ", r.Expectations.Distinct()) + ")" : "";
        error = $"query syntax error at column {r.Remainder.Column}{expected}";
        return null;
    }
}
