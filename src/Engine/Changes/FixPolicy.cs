using KlpCcp.Engine.LivePatch.Policy;

namespace KlpCcp.Engine.Changes;

/// <summary>
/// The policy of a live patch made from a fix: the planned functions are patched; functions and
/// objects the fix adds do not exist in the running kernel, so they cannot be externalized and
/// are copied into the live patch; every other question goes to the user's policy.
/// </summary>
public sealed class FixPolicy(ILivePatchPolicy inner, IEnumerable<string> patched, IEnumerable<string> addedFunctions, IEnumerable<string> addedObjects) : ILivePatchPolicy
{
    private readonly HashSet<string> _patched = new(patched, StringComparer.Ordinal);
    private readonly HashSet<string> _addedFunctions = new(addedFunctions, StringComparer.Ordinal);
    private readonly HashSet<string> _addedObjects = new(addedObjects, StringComparer.Ordinal);

    public PolicyAnswer<bool> IsPatched(string name) => PolicyAnswer.Answer(_patched.Contains(name));

    public PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude) => inner.MayIncludeHeader(path, isPreInclude);

    public PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition) =>
        _addedFunctions.Contains(name) && definition is not null ? PolicyAnswer.Answer(false) : inner.CanExternalizeFunction(name, linkage, definition);

    public PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool definedInEligibleHeader, PolicyLocation definition) =>
        _addedFunctions.Contains(name) ? PolicyAnswer.Answer(false) : inner.ShallExternalizeFunction(name, linkage, definedInEligibleHeader, definition);

    public PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration) =>
        _addedObjects.Contains(name) ? PolicyAnswer.Answer(false) : inner.ShallExternalizeObject(name, linkage, declaration);

    public PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry) =>
        inner.ModifyExternalizedSymbol(kind, name, retry);

    public PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry) => inner.ModifyPatchedFunctionSymbol(name, retry);

    public PolicyAnswer<string> RenameRewrittenFunction(string name, int retry) => inner.RenameRewrittenFunction(name, retry);
}
