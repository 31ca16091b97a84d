using KlpCcp.Facts.Records;

namespace KlpCcp.Facts.Queries;

/// <summary>A parsed `klp-ccp query` command.</summary>
public abstract record FactQuery
{
    /// <summary>The entities with a given decision (closure = patched + copied + rewritten).</summary>
    public sealed record ByDecision(string Name, IReadOnlyList<DecisionKind> Decisions) : FactQuery;

    /// <summary>References from or to a symbol.</summary>
    public sealed record References(bool From, string Symbol) : FactQuery;

    /// <summary>The decision about a symbol and its reason.</summary>
    public sealed record Decision(string Symbol) : FactQuery;

    /// <summary>The declarations of a symbol.</summary>
    public sealed record Declarations(string Symbol) : FactQuery;

    /// <summary>The why chain of a symbol.</summary>
    public sealed record Why(string Symbol) : FactQuery;

    /// <summary>Entities, optionally of one kind, optionally with names matching a glob.</summary>
    public sealed record Entities(EntityKind? Kind, string? Pattern) : FactQuery;

    /// <summary>The unit's files with their header eligibility.</summary>
    public sealed record Headers : FactQuery;

    /// <summary>The translation units in the store.</summary>
    public sealed record Units : FactQuery;
}
