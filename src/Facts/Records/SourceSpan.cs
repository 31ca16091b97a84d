using LiteDB;

namespace KlpCcp.Facts.Records;

/// <summary>A place in a source file: 1-based lines, 0-based column of the start.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int EndLine)
{
    public override string ToString() => EndLine > Line ? $"{File}:{Line}-{EndLine}" : $"{File}:{Line}:{Column}";

    internal BsonDocument ToDocument() => new() { ["f"] = File, ["l"] = Line, ["c"] = Column, ["e"] = EndLine };

    internal static SourceSpan FromDocument(BsonValue v)
    {
        var d = v.AsDocument;
        return new SourceSpan(d["f"].AsString, d["l"].AsInt32, d["c"].AsInt32, d["e"].AsInt32);
    }
}
