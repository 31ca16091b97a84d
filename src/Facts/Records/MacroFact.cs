using LiteDB;

namespace KlpCcp.Facts.Records;

/// <summary>A macro definition used by the live patch's code (or every one, with the whole-unit scope).</summary>
public sealed record MacroFact(int Unit, int Id, string Name, string Definition, SourceSpan? Span) : IFactRecord<MacroFact>
{
    public static string Collection => "macros";

    /// <summary>predefined, command-line, source or special.</summary>
    public string Origin { get; init; } = "source";

    public BsonDocument ToDocument() => new()
    {
        ["_id"] = $"{Unit}:{Id}",
        ["unit"] = Unit,
        ["id"] = Id,
        ["name"] = Name,
        ["def"] = Definition,
        ["span"] = Span is { } s ? s.ToDocument() : BsonValue.Null,
        ["origin"] = Origin,
    };

    public static MacroFact FromDocument(BsonDocument d) =>
        new(d["unit"].AsInt32, d["id"].AsInt32, d["name"].AsString, d["def"].AsString,
            d["span"].IsNull ? null : SourceSpan.FromDocument(d["span"]))
        { Origin = d["origin"].AsString };
}
