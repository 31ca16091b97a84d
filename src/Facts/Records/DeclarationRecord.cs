using LiteDB;

namespace KlpCcp.Facts.Records;

/// <summary>One declaration or definition of an entity, where it lies and how it declares it.</summary>
public sealed record DeclarationRecord(int Unit, int Id, int Entity, SourceSpan Span) : IFactRecord<DeclarationRecord>
{
    public static string Collection => "declarations";

    /// <summary>File record id the declaration starts in.</summary>
    public int File { get; init; }
    public bool IsDefinition { get; init; }
    /// <summary>static, extern, typedef, register, auto or "" (none).</summary>
    public string StorageClass { get; init; } = "";
    public bool HasInitializer { get; init; }
    /// <summary>At block scope (block-scope extern or static).</summary>
    public bool AtBlockScope { get; init; }

    public BsonDocument ToDocument() => new()
    {
        ["_id"] = DocumentKey,
        ["unit"] = Unit,
        ["id"] = Id,
        ["entity"] = Entity,
        ["ek"] = EntityKey.Of(Unit, Entity),
        ["span"] = Span.ToDocument(),
        ["file"] = File,
        ["def"] = IsDefinition,
        ["storage"] = StorageClass,
        ["init"] = HasInitializer,
        ["block"] = AtBlockScope,
    };

    public static DeclarationRecord FromDocument(BsonDocument d) =>
        new(d["unit"].AsInt32, d["id"].AsInt32, d["entity"].AsInt32, SourceSpan.FromDocument(d["span"]))
        {
            File = d["file"].AsInt32,
            IsDefinition = d["def"].AsBoolean,
            StorageClass = d["storage"].AsString,
            HasInitializer = d["init"].AsBoolean,
            AtBlockScope = d["block"].AsBoolean,
        };

    public string DocumentKey => Key(Unit, Id);

    internal static string Key(int unit, int id) => $"{unit}:{id}";
}
