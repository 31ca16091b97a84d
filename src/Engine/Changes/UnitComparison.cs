namespace KlpCcp.Engine.Changes;

/// <summary>
/// What differs between the unpatched and the patched version of a unit after preprocessing
/// with the same configuration: a change compiled out by this configuration shows up as no
/// change at all, a function moved out of a disabled #ifdef as an added one.
/// </summary>
public static class UnitComparison
{
    public static List<UnitChange> Compare(UnitDefinitions oldUnit, UnitDefinitions newUnit)
    {
        var changes = new List<UnitChange>();
        var oldGroups = Group(oldUnit);
        var newGroups = Group(newUnit);
        foreach (var key in oldGroups.Keys.Union(newGroups.Keys).OrderBy(k => k.Kind).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            oldGroups.TryGetValue(key, out var o);
            newGroups.TryGetValue(key, out var n);
            o ??= new();
            n ??= new();
            if (o.Count == 0)
            {
                changes.Add(new UnitChange(key.Kind, key.Name, ChangeKind.Added, null, n[0]));
                continue;
            }
            if (n.Count == 0)
            {
                changes.Add(new UnitChange(key.Kind, key.Name, ChangeKind.Removed, o[0], null));
                continue;
            }
            if (o.Count == n.Count && o.Zip(n).All(p => p.First.Tokens.SequenceEqual(p.Second.Tokens))) continue;
            var first = o.Zip(n).FirstOrDefault(p => !p.First.Tokens.SequenceEqual(p.Second.Tokens));
            var (ov, nv) = first == default ? (o[^1], n[^1]) : (first.First, first.Second);
            changes.Add(new UnitChange(key.Kind, key.Name, Classify(key.Kind, ov, nv), ov, nv));
        }
        return changes;
    }

    private static ChangeKind Classify(DefinitionKind kind, UnitDefinition o, UnitDefinition n) => kind switch
    {
        DefinitionKind.Function => o.Header.SequenceEqual(n.Header) ? ChangeKind.BodyChanged : ChangeKind.SignatureChanged,
        DefinitionKind.Variable => !o.Initializer.SequenceEqual(n.Initializer)
                                   && o.Tokens.Take(o.Tokens.Count - o.Initializer.Count).SequenceEqual(n.Tokens.Take(n.Tokens.Count - n.Initializer.Count))
            ? ChangeKind.InitializerChanged
            : ChangeKind.Changed,
        _ => ChangeKind.Changed,
    };

    private static Dictionary<(DefinitionKind Kind, string Name), List<UnitDefinition>> Group(UnitDefinitions d)
    {
        var g = new Dictionary<(DefinitionKind, string), List<UnitDefinition>>();
        foreach (var item in d.Items)
        {
            var key = (item.Kind, item.Name);
            if (!g.TryGetValue(key, out var list)) g[key] = list = new List<UnitDefinition>();
            list.Add(item);
        }
        return g;
    }
}
