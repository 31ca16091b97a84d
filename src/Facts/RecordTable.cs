namespace KlpCcp.Facts;

/// <summary>
/// The records of one collection that this process wrote, in write order, for reading them back
/// without LiteDB: keyed by their document id where they have one (upserts, lookups by id), and
/// lookup indexes created on first use and kept up to date afterwards.
/// </summary>
internal sealed class RecordTable<T> where T : IFactRecord<T>
{
    private readonly List<T> _rows = new();
    private readonly Dictionary<string, int> _rowOfKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Func<T, object> Selector, Dictionary<object, List<int>> Rows)> _indexes = new(StringComparer.Ordinal);

    public IEnumerable<T> All => _rows;

    public void Insert(T record)
    {
        if (record.DocumentKey is { } key) _rowOfKey[key] = _rows.Count;
        _rows.Add(record);
        foreach (var (selector, rows) in _indexes.Values) AddTo(rows, selector(record), _rows.Count - 1);
    }

    /// <summary>Replaces the record with the same key in place (its position stays), else inserts it.</summary>
    public void Upsert(T record)
    {
        if (record.DocumentKey is not { } key || !_rowOfKey.TryGetValue(key, out int row))
        {
            Insert(record);
            return;
        }
        var old = _rows[row];
        _rows[row] = record;
        foreach (var (selector, rows) in _indexes.Values)
        {
            object before = selector(old), after = selector(record);
            if (before.Equals(after)) continue;
            rows[before].Remove(row);
            AddTo(rows, after, row);
        }
    }

    public T? ByKey(string key) => _rowOfKey.TryGetValue(key, out int row) ? _rows[row] : default;

    /// <summary>The records whose <paramref name="selector"/> value (named <paramref name="index"/>) equals <paramref name="value"/>, in write order.</summary>
    public List<T> Where(string index, Func<T, object> selector, object value)
    {
        if (!_indexes.TryGetValue(index, out var ix))
        {
            var rows = new Dictionary<object, List<int>>();
            for (int i = 0; i < _rows.Count; i++) AddTo(rows, selector(_rows[i]), i);
            _indexes[index] = ix = (selector, rows);
        }
        if (!ix.Rows.TryGetValue(value, out var found)) return new List<T>();
        var result = new List<T>(found.Count);
        foreach (int i in found) result.Add(_rows[i]);
        return result;
    }

    private static void AddTo(Dictionary<object, List<int>> rows, object value, int row)
    {
        if (!rows.TryGetValue(value, out var list)) rows[value] = list = new List<int>();
        // rows are added in order, except a replaced row moving to another value: keep the list sorted
        int at = list.Count;
        while (at > 0 && list[at - 1] > row) at--;
        list.Insert(at, row);
    }
}
