namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>
/// Asks each distinct question of the inner policy once per run (SPEC 2.6 "each question
/// once"): the five yes/no questions are answered from a cache on repetition, whatever the
/// first outcome was (a failure aborts the run anyway). The three modification questions pass
/// through: the engine asks them once per RETRY, and a stateful policy may number its renames.
/// Not thread-safe, like a run.
/// </summary>
public sealed class CachingPolicy(ILivePatchPolicy inner) : ILivePatchPolicy
{
    private readonly Dictionary<string, PolicyAnswer<bool>> _isPatched = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, bool), PolicyAnswer<bool>> _mayInclude = new();
    private readonly Dictionary<(string, PolicyLinkage, PolicyLocation?), PolicyAnswer<bool>> _canExternalize = new();
    private readonly Dictionary<(string, PolicyLinkage, bool, PolicyLocation), PolicyAnswer<bool>> _shallExternalizeFunction = new();
    private readonly Dictionary<(string, PolicyLinkage, PolicyLocation), PolicyAnswer<bool>> _shallExternalizeObject = new();

    public ILivePatchPolicy Inner { get; } = inner;

    public PolicyAnswer<bool> IsPatched(string name) =>
        Cached(_isPatched, name, () => Inner.IsPatched(name));

    public PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude) =>
        Cached(_mayInclude, (path, isPreInclude), () => Inner.MayIncludeHeader(path, isPreInclude));

    public PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition) =>
        Cached(_canExternalize, (name, linkage, definition), () => Inner.CanExternalizeFunction(name, linkage, definition));

    public PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool definedInEligibleHeader, PolicyLocation definition) =>
        Cached(_shallExternalizeFunction, (name, linkage, definedInEligibleHeader, definition),
            () => Inner.ShallExternalizeFunction(name, linkage, definedInEligibleHeader, definition));

    public PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration) =>
        Cached(_shallExternalizeObject, (name, linkage, declaration), () => Inner.ShallExternalizeObject(name, linkage, declaration));

    public PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry) =>
        Inner.ModifyExternalizedSymbol(kind, name, retry);

    public PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry) =>
        Inner.ModifyPatchedFunctionSymbol(name, retry);

    public PolicyAnswer<string> RenameRewrittenFunction(string name, int retry) =>
        Inner.RenameRewrittenFunction(name, retry);

    private static PolicyAnswer<bool> Cached<TKey>(Dictionary<TKey, PolicyAnswer<bool>> cache, TKey key, Func<PolicyAnswer<bool>> ask)
        where TKey : notnull
    {
        if (!cache.TryGetValue(key, out var answer))
        {
            answer = ask();
            cache[key] = answer;
        }
        return answer;
    }
}
