using KlpCcp.Facts.Records;
using LiteDB;

namespace KlpCcp.Facts;

/// <summary>
/// The fact database of one run (LiteDB): in memory unless a file is asked for, so that `why`
/// and `query` can run later without re-parsing. A store this process creates also keeps what it
/// writes in memory (<see cref="RecordTable{T}"/>) and answers its own queries from there; the
/// in-memory store has no LiteDB behind it at all, since nothing can read it after the run
/// (measured: LiteDB took a quarter to a third of a kernel live patch's time, 35 µs a document).
/// A store opened for reading queries LiteDB, the fields the queries look up indexed.
/// </summary>
public sealed class FactStore : IDisposable
{
    private readonly LiteDatabase? _db;
    /// <summary>The records this process wrote, by collection; null for a store opened for reading.</summary>
    private readonly Dictionary<string, object>? _session;

    private FactStore(LiteDatabase? db, bool session)
    {
        _db = db;
        _session = session ? new Dictionary<string, object>(StringComparer.Ordinal) : null;
        if (db is not null) EnsureIndexes();
    }

    public static FactStore InMemory() => new(null, session: true);

    /// <summary>A database file; an existing one is replaced when <paramref name="create"/>.</summary>
    public static FactStore OpenFile(string path, bool create)
    {
        if (create && System.IO.File.Exists(path)) System.IO.File.Delete(path);
        return new FactStore(new LiteDatabase($"Filename={path};Connection=direct"), session: create);
    }

    private void EnsureIndexes()
    {
        _db!.GetCollection(EntityRecord.Collection).EnsureIndex("name");
        _db.GetCollection(ReferenceRecord.Collection).EnsureIndex("fk");
        _db.GetCollection(ReferenceRecord.Collection).EnsureIndex("tk");
        _db.GetCollection(DeclarationRecord.Collection).EnsureIndex("ek");
        _db.GetCollection(DecisionRecord.Collection).EnsureIndex("unit");
    }

    private RecordTable<T> Table<T>() where T : IFactRecord<T>
    {
        if (!_session!.TryGetValue(T.Collection, out var table))
            _session[T.Collection] = table = new RecordTable<T>();
        return (RecordTable<T>)table;
    }

    /// <summary>Inserts records in one transaction.</summary>
    public void Insert<T>(IEnumerable<T> records) where T : IFactRecord<T>
    {
        var list = records as IReadOnlyCollection<T> ?? records.ToList();
        if (_db is not null)
        {
            var col = _db.GetCollection(T.Collection);
            _db.BeginTrans();
            col.InsertBulk(list.Select(r => r.ToDocument()));
            _db.Commit();
        }
        if (_session is not null)
        {
            var table = Table<T>();
            foreach (var r in list) table.Insert(r);
        }
    }

    /// <summary>Inserts or replaces records (by their key) in one transaction.</summary>
    public void Upsert<T>(IEnumerable<T> records) where T : IFactRecord<T>
    {
        var list = records as IReadOnlyCollection<T> ?? records.ToList();
        if (_db is not null)
        {
            var col = _db.GetCollection(T.Collection);
            _db.BeginTrans();
            foreach (var r in list) col.Upsert(r.ToDocument());
            _db.Commit();
        }
        if (_session is not null)
        {
            var table = Table<T>();
            foreach (var r in list) table.Upsert(r);
        }
    }

    public IEnumerable<T> All<T>() where T : IFactRecord<T> =>
        _session is not null ? Table<T>().All.ToList() : _db!.GetCollection(T.Collection).FindAll().Select(T.FromDocument);

    private List<T> Where<T>(string field, BsonValue value, Func<T, object> selector, object key) where T : IFactRecord<T> =>
        _session is not null ? Table<T>().Where(field, selector, key) : _db!.GetCollection(T.Collection).Find(Query.EQ(field, value)).Select(T.FromDocument).ToList();

    private T? ById<T>(string id) where T : class, IFactRecord<T>
    {
        if (_session is not null) return Table<T>().ByKey(id);
        var d = _db!.GetCollection(T.Collection).FindById(id);
        return d is null ? null : T.FromDocument(d);
    }

    public IReadOnlyList<UnitRecord> Units() => All<UnitRecord>().ToList();

    public EntityRecord? Entity(int unit, int id) => ById<EntityRecord>(EntityRecord.Key(unit, id));

    public IReadOnlyList<EntityRecord> EntitiesNamed(string name) => Where<EntityRecord>("name", name, r => r.Name, name);

    public IReadOnlyList<EntityRecord> Entities(int unit) => Where<EntityRecord>("unit", unit, r => r.Unit, unit);

    public IReadOnlyList<ReferenceRecord> ReferencesFrom(int unit, int entity) =>
        Where<ReferenceRecord>("fk", EntityKey.Of(unit, entity), r => EntityKey.Of(r.Unit, r.From), EntityKey.Of(unit, entity));

    public IReadOnlyList<ReferenceRecord> ReferencesTo(int unit, int entity) =>
        Where<ReferenceRecord>("tk", EntityKey.Of(unit, entity), r => EntityKey.Of(r.Unit, r.To), EntityKey.Of(unit, entity));

    public IReadOnlyList<DeclarationRecord> Declarations(int unit, int entity) =>
        Where<DeclarationRecord>("ek", EntityKey.Of(unit, entity), r => EntityKey.Of(r.Unit, r.Entity), EntityKey.Of(unit, entity));

    public DecisionRecord? Decision(int unit, int entity) => ById<DecisionRecord>(DecisionRecord.Key(unit, entity));

    public IReadOnlyList<DecisionRecord> Decisions(int unit) => Where<DecisionRecord>("unit", unit, r => r.Unit, unit);

    public FileRecord? File(int unit, int id) => ById<FileRecord>(FileRecord.Key(unit, id));

    public IReadOnlyList<FileRecord> Files(int unit) => Where<FileRecord>("unit", unit, r => r.Unit, unit);

    public IReadOnlyList<IncludeFact> Includes(int unit) => Where<IncludeFact>("unit", unit, r => r.Unit, unit);

    public IReadOnlyList<MacroFact> Macros(int unit) => Where<MacroFact>("unit", unit, r => r.Unit, unit);

    public void Dispose() => _db?.Dispose();
}
