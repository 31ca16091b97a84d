namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>The linkage of the entity a question is about (SPEC 1.3 <c>ccp.Linkage</c>).</summary>
public enum PolicyLinkage
{
    /// <summary>No linkage: a local <c>static</c> object.</summary>
    None,
    Internal,
    External,
}

/// <summary>
/// Where the queried entity is declared or defined: the file as the engine names it, 1-based
/// line, 0-based column of the identifier (the convention of SPEC 1.2 <c>FILE:LINE:COL</c>).
/// </summary>
public readonly record struct PolicyLocation(string File, int Line, int Column)
{
    /// <summary><c>FILE:LINE:COL</c>, as the classic can-externalize-fun command receives it.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>What an externalized symbol is: the first argument of modify-externalized-sym.</summary>
public enum ExternalizedSymbolKind
{
    Function,
    Object,
}

/// <summary>The linkage change of a symbol modification (<c>KEEP-LINKAGE</c> etc., SPEC 3.1).</summary>
public enum LinkageChange
{
    /// <summary><c>KEEP-LINKAGE</c></summary>
    None,
    /// <summary><c>MAKE-INTERNAL</c></summary>
    MakeStatic,
    /// <summary><c>MAKE-EXTERNAL</c></summary>
    MakeExtern,
}

/// <summary>
/// A policy's answer for a patched or externalized symbol. <see cref="NewName"/> equal to the
/// queried name means "no rename".
/// </summary>
public sealed record SymbolModification(string NewName, LinkageChange LinkageChange)
{
    public bool Renames(string oldName) => !string.Equals(NewName, oldName, StringComparison.Ordinal);
}

/// <summary>
/// A policy's answer for an externalized symbol: its modification and whether references go
/// through a pointer variable (the "kallsyms" form, <c>f()</c> → <c>(*klpe_f)()</c>).
/// </summary>
public sealed record ExternalizedSymbolModification(SymbolModification SymbolModification, bool MakePointer);

/// <summary>The questions a live-patch creation asks (SPEC 1.2/1.3), one per policy method.</summary>
public enum PolicyQuestion
{
    IsPatched,
    MayIncludeHeader,
    CanExternalizeFunction,
    ShallExternalizeFunction,
    ShallExternalizeObject,
    ModifyPatchedFunctionSymbol,
    ModifyExternalizedSymbol,
    RenameRewrittenFunction,
}
