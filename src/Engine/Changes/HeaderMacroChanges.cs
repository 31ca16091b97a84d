using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Changes;

/// <summary>
/// The macro definitions a fix adds or changes in headers: #defines of the patched unit, outside
/// its main file, whose directive (white space aside) the unpatched unit does not have in the
/// same header. The live patch is compiled against the running kernel's headers, which lack
/// them, so an #include does not provide them: the depreprocessor emits them itself.
/// </summary>
public sealed class HeaderMacroChanges
{
    private readonly HashSet<int> _changed;

    private HeaderMacroChanges(HashSet<int> changed) => _changed = changed;

    public static readonly HeaderMacroChanges None = new(new HashSet<int>());

    public int Count => _changed.Count;

    /// <summary>Whether the patched unit's definition <paramref name="definition"/> is one the running kernel's headers do not have.</summary>
    public bool IsChanged(int definition) => _changed.Contains(definition);

    public static HeaderMacroChanges Compare(PreprocessedUnit unpatched, PreprocessedUnit patched)
    {
        var before = new HashSet<(string, string)>();
        foreach (var (file, text, _) in HeaderDefines(unpatched)) before.Add((file, text));
        var changed = new HashSet<int>();
        foreach (var (file, text, definition) in HeaderDefines(patched))
            if (!before.Contains((file, text))) changed.Add(definition);
        return new HeaderMacroChanges(changed);
    }

    private static IEnumerable<(string File, string Text, int Definition)> HeaderDefines(PreprocessedUnit unit)
    {
        foreach (var e in unit.Record.MacroEvents)
        {
            if (e.Kind != MacroEventKind.Define || e.Macro < 0) continue;
            var region = unit.Sources.GetRegion(e.DirectiveLoc);
            if (region is null || region.Id == unit.MainRegion) continue;
            var directive = unit.Sources.Text(e.DirectiveLoc, e.EndLoc);
            if (directive.IsEmpty) continue;
            yield return (region.File.Path, Normalized(directive), e.Macro);
        }
    }

    private static string Normalized(ReadOnlySpan<char> directive)
    {
        var sb = new System.Text.StringBuilder(directive.Length);
        bool space = false;
        foreach (char c in directive)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\\' or '\f' or '\v') { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
