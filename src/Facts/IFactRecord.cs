using LiteDB;

namespace KlpCcp.Facts;

/// <summary>A plain record stored as one document; mapped by hand (the reflection mapper is slow).</summary>
public interface IFactRecord<TSelf> where TSelf : IFactRecord<TSelf>
{
    static abstract string Collection { get; }
    BsonDocument ToDocument();
    /// <summary>The document id of records upserted or looked up by id (its "_id"); null for the others.</summary>
    string? DocumentKey => null;
    static abstract TSelf FromDocument(BsonDocument document);
}
