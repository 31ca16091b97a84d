namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// One <c>-fmacro-prefix-map=OLD=NEW</c> (or <c>-ffile-prefix-map=</c>, which implies it): a
/// <c>__FILE__</c> starting with <see cref="Old"/> is spelled with <see cref="New"/> instead.
/// gcc splits the argument at its first '='.
/// </summary>
public sealed record PrefixMap(string Old, string New)
{
    /// <summary>
    /// Applies gcc's rule to <paramref name="path"/>: the LAST given map whose old prefix
    /// starts the path wins (gcc prepends each new map to its list); no match leaves it as is.
    /// </summary>
    public static string Apply(IReadOnlyList<PrefixMap> maps, string path)
    {
        for (var i = maps.Count - 1; i >= 0; i--)
        {
            var m = maps[i];
            if (path.StartsWith(m.Old, StringComparison.Ordinal))
                return m.New + path[m.Old.Length..];
        }
        return path;
    }
}
