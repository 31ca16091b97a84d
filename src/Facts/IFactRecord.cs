using LiteDB;

namespace KlpCcp.Facts;

/// <summary>A plain record stored as one document; mapped by hand (the reflection mapper is slow).</summary>
public interface IFactRecord<TSelf> where TSelf : IFactRecord<TSelf>
{
    static abstract string Collection { get; }
    BsonDocument ToDocument();
    static abstract TSelf FromDocument(BsonDocument document);
}
