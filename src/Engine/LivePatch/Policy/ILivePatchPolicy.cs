namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>
/// The user's say in a live-patch creation (SPEC 1.2, 1.3, 3): one method per question. Every
/// answer is a value (<see cref="PolicyAnswer{T}"/>): the result with the policy's warnings, the
/// policy's own errors, or a failure to get an answer at all. Implementations never throw at
/// the caller for any of these.
/// </summary>
public interface ILivePatchPolicy
{
    /// <summary>Is the function <paramref name="name"/>, defined in the unit, to be patched?</summary>
    PolicyAnswer<bool> IsPatched(string name);

    /// <summary>
    /// May the header <paramref name="path"/> be <c>#include</c>d by the live patch?
    /// <paramref name="isPreInclude"/>: it is a <c>-include</c> root.
    /// </summary>
    PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude);

    /// <summary>
    /// Can references to the function <paramref name="name"/> be bound to the running kernel's
    /// instance? <paramref name="definition"/> is null for a function only declared in the unit
    /// (then <paramref name="linkage"/> carries no information).
    /// </summary>
    PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition);

    /// <summary>
    /// Is externalizing the (externalizable, not patched) function <paramref name="name"/>
    /// preferred over copying it? <paramref name="definedInEligibleHeader"/>: the definition lies
    /// entirely in eligible headers.
    /// </summary>
    PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool definedInEligibleHeader, PolicyLocation definition);

    /// <summary>Is the object <paramref name="name"/> to be externalized rather than copied?</summary>
    PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration);

    /// <summary>
    /// Name, linkage and pointer form of an externalized symbol. Asked with
    /// <paramref name="retry"/> = 0, 1, 2, … while the new name clashes (SPEC 1.2 RETRY loop).
    /// </summary>
    PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry);

    /// <summary>Name and linkage of a patched function's copy; asked per <paramref name="retry"/>.</summary>
    PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry);

    /// <summary>The new name of a rewritten closure function (same name: keep); asked per <paramref name="retry"/>.</summary>
    PolicyAnswer<string> RenameRewrittenFunction(string name, int retry);
}
