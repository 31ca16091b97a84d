using LiteDB;

namespace KlpCcp.Facts.Records;

/// <summary>An #include directive (or -include option) and the file it resolved to.</summary>
public sealed record IncludeFact(int Unit, int Id, int File, int Line, string Spelling, string? ResolvedPath) : IFactRecord<IncludeFact>
{
    public static string Collection => "includes";

    /// <summary>The file record entered, -1 when the header was skipped (guard, #pragma once).</summary>
    public int IncludedFile { get; init; } = -1;
    public string HowFound { get; init; } = "";
    public bool IsPreInclude { get; init; }

    public BsonDocument ToDocument() => new()
    {
        ["_id"] = $"{Unit}:{Id}",
        ["unit"] = Unit,
        ["id"] = Id,
        ["file"] = File,
        ["line"] = Line,
        ["spelling"] = Spelling,
        ["resolved"] = ResolvedPath is null ? BsonValue.Null : new BsonValue(ResolvedPath),
        ["included"] = IncludedFile,
        ["how"] = HowFound,
        ["pre"] = IsPreInclude,
    };

    public static IncludeFact FromDocument(BsonDocument d) =>
        new(d["unit"].AsInt32, d["id"].AsInt32, d["file"].AsInt32, d["line"].AsInt32, d["spelling"].AsString,
            d["resolved"].IsNull ? null : d["resolved"].AsString)
        {
            IncludedFile = d["included"].AsInt32,
            HowFound = d["how"].AsString,
            IsPreInclude = d["pre"].AsBoolean,
        };
}
