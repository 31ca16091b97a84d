using LiteDB;

namespace KlpCcp.Facts.Records;

/// <summary>One translation unit and the compiler invocation it was read with.</summary>
public sealed record UnitRecord(int Id, string InputFile, string Compiler, string WorkingDirectory, IReadOnlyList<string> Arguments) : IFactRecord<UnitRecord>
{
    public static string Collection => "units";

    public BsonDocument ToDocument() => new()
    {
        ["_id"] = Id,
        ["input"] = InputFile,
        ["compiler"] = Compiler,
        ["cwd"] = WorkingDirectory,
        ["args"] = new BsonArray(Arguments.Select(a => new BsonValue(a))),
    };

    public static UnitRecord FromDocument(BsonDocument d) =>
        new(d["_id"].AsInt32, d["input"].AsString, d["compiler"].AsString, d["cwd"].AsString,
            d["args"].AsArray.Select(v => v.AsString).ToArray());
}
