namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// Interned spellings. Id 0 is the empty string. Lookups by span allocate only when a spelling
/// is seen for the first time, so the lexer stays allocation-free on repeated identifiers.
/// </summary>
public sealed class NameTable
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private string[] _names = new string[4096];
    private int _count;

    public NameTable()
    {
        _ids = new Dictionary<string, int>(16384, StringComparer.Ordinal);
        _bySpan = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Intern("");
    }

    public int Count => _count;

    public string this[int id] => _names[id];

    public int Intern(ReadOnlySpan<char> text)
    {
        if (_bySpan.TryGetValue(text, out int id)) return id;
        return Add(text.ToString());
    }

    public int Intern(string text)
    {
        if (_ids.TryGetValue(text, out int id)) return id;
        return Add(text);
    }

    /// <summary>The id of a spelling if it was interned, else -1.</summary>
    public int Find(ReadOnlySpan<char> text) => _bySpan.TryGetValue(text, out int id) ? id : -1;

    private int Add(string s)
    {
        int id = _count++;
        if (id == _names.Length) Array.Resize(ref _names, _names.Length * 2);
        _names[id] = s;
        _ids.Add(s, id);
        return id;
    }
}
