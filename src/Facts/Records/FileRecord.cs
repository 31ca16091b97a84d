using LiteDB;

namespace KlpCcp.Facts.Records;

/// <summary>
/// A file of the unit as it was read: the main file, a pre-include or a header entered through
/// <see cref="IncludeId"/>, with its eligibility for #include in the live patch once decided.
/// </summary>
public sealed record FileRecord(int Unit, int Id, string Path, int IncludeId, int ParentFile, bool IsPreInclude) : IFactRecord<FileRecord>
{
    public static string Collection => "files";

    public bool? Eligible { get; init; }
    public string? EligibilityReason { get; init; }

    public bool IsMain => IncludeId < 0 && !IsPreInclude;

    public BsonDocument ToDocument() => new()
    {
        ["_id"] = DocumentKey,
        ["unit"] = Unit,
        ["file"] = Id,
        ["path"] = Path,
        ["include"] = IncludeId,
        ["parent"] = ParentFile,
        ["pre"] = IsPreInclude,
        ["eligible"] = Eligible is { } e ? new BsonValue(e) : BsonValue.Null,
        ["why"] = EligibilityReason is null ? BsonValue.Null : new BsonValue(EligibilityReason),
    };

    public static FileRecord FromDocument(BsonDocument d) =>
        new(d["unit"].AsInt32, d["file"].AsInt32, d["path"].AsString, d["include"].AsInt32, d["parent"].AsInt32, d["pre"].AsBoolean)
        {
            Eligible = d["eligible"].IsNull ? null : d["eligible"].AsBoolean,
            EligibilityReason = d["why"].IsNull ? null : d["why"].AsString,
        };

    public string DocumentKey => Key(Unit, Id);

    internal static string Key(int unit, int id) => $"{unit}:{id}";
}
