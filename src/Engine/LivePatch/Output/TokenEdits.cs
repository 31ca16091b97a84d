namespace KlpCcp.Engine.LivePatch.Output;

/// <summary>
/// Changes to the unit's tokens for the text of the live patch: tokens replaced (renamed
/// identifiers, <c>(*klpe_x)</c> pointer forms, changed storage classes), text inserted
/// before a token, tokens purged (initializers of externalized objects, tag bodies).
/// </summary>
public sealed class TokenEdits
{
    private readonly Dictionary<int, string> _replace = new();
    private readonly Dictionary<int, string> _insertBefore = new();
    private readonly Dictionary<int, bool> _purged = new();

    public static readonly TokenEdits None = new();

    public void Replace(int token, string text) => _replace[token] = text;

    public void InsertBefore(int token, string text) =>
        _insertBefore[token] = _insertBefore.TryGetValue(token, out var t) ? t + text : text;

    /// <summary>Removes tokens; with <paramref name="requireBlank"/> a blank stays between their neighbours.</summary>
    public void Purge(int first, int last, bool requireBlank = false)
    {
        for (int i = first; i <= last; i++) _purged[i] = requireBlank;
    }

    public bool TryGetReplacement(int token, out string text) => _replace.TryGetValue(token, out text!);
    public bool TryGetInsertion(int token, out string text) => _insertBefore.TryGetValue(token, out text!);
    public bool IsPurged(int token) => _purged.ContainsKey(token);
    public bool PurgeRequiresBlank(int token) => _purged.TryGetValue(token, out var b) && b;

    public bool IsEmpty => _replace.Count == 0 && _insertBefore.Count == 0 && _purged.Count == 0;

    /// <summary>Any edit inside [first, last]?</summary>
    public bool TouchesRange(int first, int last)
    {
        if (IsEmpty) return false;
        for (int i = first; i <= last; i++)
            if (_replace.ContainsKey(i) || _insertBefore.ContainsKey(i) || _purged.ContainsKey(i)) return true;
        return false;
    }

    /// <summary>Any edit inside [first, last] other than an insertion before <paramref name="first"/>?</summary>
    public bool TouchesRangeAfterInsertion(int first, int last) =>
        TouchesRange(first + 1, last) || _replace.ContainsKey(first) || _purged.ContainsKey(first);

    public bool ReplacesOnlyIn(int first, int last, Func<int, bool> allowed)
    {
        for (int i = first; i <= last; i++)
        {
            if (_insertBefore.ContainsKey(i) || _purged.ContainsKey(i)) return false;
            if (_replace.ContainsKey(i) && !allowed(i)) return false;
        }
        return true;
    }
}
