using KlpCcp.Facts.Records;
using LiteDB;

namespace KlpCcp.Facts;

/// <summary>
/// The fact database of one run (LiteDB): in memory unless a file is asked for, so that `why`
/// and `query` can run later without re-parsing. Writes are bulk inserts in one transaction;
/// the fields the queries look up are indexed.
/// </summary>
public sealed class FactStore : IDisposable
{
    private readonly LiteDatabase _db;

    private FactStore(LiteDatabase db)
    {
        _db = db;
        EnsureIndexes();
    }

    public static FactStore InMemory() => new(new LiteDatabase(new MemoryStream()));

    /// <summary>A database file; an existing one is replaced when <paramref name="create"/>.</summary>
    public static FactStore OpenFile(string path, bool create)
    {
        if (create && System.IO.File.Exists(path)) System.IO.File.Delete(path);
        return new FactStore(new LiteDatabase($"Filename={path};Connection=direct"));
    }

    private void EnsureIndexes()
    {
        _db.GetCollection(EntityRecord.Collection).EnsureIndex("name");
        _db.GetCollection(ReferenceRecord.Collection).EnsureIndex("fk");
        _db.GetCollection(ReferenceRecord.Collection).EnsureIndex("tk");
        _db.GetCollection(DeclarationRecord.Collection).EnsureIndex("ek");
        _db.GetCollection(DecisionRecord.Collection).EnsureIndex("unit");
    }

    /// <summary>Inserts records in one transaction.</summary>
    public void Insert<T>(IEnumerable<T> records) where T : IFactRecord<T>
    {
        var col = _db.GetCollection(T.Collection);
        _db.BeginTrans();
        col.InsertBulk(records.Select(r => r.ToDocument()));
        _db.Commit();
    }

    /// <summary>Inserts or replaces records (by their key) in one transaction.</summary>
    public void Upsert<T>(IEnumerable<T> records) where T : IFactRecord<T>
    {
        var col = _db.GetCollection(T.Collection);
        _db.BeginTrans();
        foreach (var r in records) col.Upsert(r.ToDocument());
        _db.Commit();
    }

    public IEnumerable<T> All<T>() where T : IFactRecord<T> =>
        _db.GetCollection(T.Collection).FindAll().Select(T.FromDocument);

    private IEnumerable<T> Where<T>(BsonExpression predicate) where T : IFactRecord<T> =>
        _db.GetCollection(T.Collection).Find(predicate).Select(T.FromDocument);

    private T? ById<T>(string id) where T : class, IFactRecord<T>
    {
        var d = _db.GetCollection(T.Collection).FindById(id);
        return d is null ? null : T.FromDocument(d);
    }

    public IReadOnlyList<UnitRecord> Units() => All<UnitRecord>().ToList();

    public EntityRecord? Entity(int unit, int id) => ById<EntityRecord>(EntityRecord.Key(unit, id));

    public IReadOnlyList<EntityRecord> EntitiesNamed(string name) => Where<EntityRecord>(Query.EQ("name", name)).ToList();

    public IReadOnlyList<EntityRecord> Entities(int unit) => Where<EntityRecord>(Query.EQ("unit", unit)).ToList();

    public IReadOnlyList<ReferenceRecord> ReferencesFrom(int unit, int entity) =>
        Where<ReferenceRecord>(Query.EQ("fk", $"{unit}:{entity}")).ToList();

    public IReadOnlyList<ReferenceRecord> ReferencesTo(int unit, int entity) =>
        Where<ReferenceRecord>(Query.EQ("tk", $"{unit}:{entity}")).ToList();

    public IReadOnlyList<DeclarationRecord> Declarations(int unit, int entity) =>
        Where<DeclarationRecord>(Query.EQ("ek", $"{unit}:{entity}")).ToList();

    public DecisionRecord? Decision(int unit, int entity) => ById<DecisionRecord>(DecisionRecord.Key(unit, entity));

    public IReadOnlyList<DecisionRecord> Decisions(int unit) => Where<DecisionRecord>(Query.EQ("unit", unit)).ToList();

    public FileRecord? File(int unit, int id) => ById<FileRecord>(FileRecord.Key(unit, id));

    public IReadOnlyList<FileRecord> Files(int unit) => Where<FileRecord>(Query.EQ("unit", unit)).ToList();

    public IReadOnlyList<IncludeFact> Includes(int unit) => Where<IncludeFact>(Query.EQ("unit", unit)).ToList();

    public IReadOnlyList<MacroFact> Macros(int unit) => Where<MacroFact>(Query.EQ("unit", unit)).ToList();

    public void Dispose() => _db.Dispose();
}
