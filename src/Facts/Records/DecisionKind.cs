namespace KlpCcp.Facts.Records;

/// <summary>What the live patch does with an entity.</summary>
public enum DecisionKind
{
    /// <summary>A patched function: emitted (usually renamed).</summary>
    Patched,
    /// <summary>Copied into the live patch unchanged (in the closure).</summary>
    Copied,
    /// <summary>Copied and changed because a symbol it references was renamed or pointerized.</summary>
    Rewritten,
    /// <summary>Not copied: bound to the running kernel's instance.</summary>
    Externalized,
    /// <summary>Provided by an #include of an eligible header.</summary>
    FromHeader,
    /// <summary>Only a declaration is emitted (unevaluated uses).</summary>
    DeclarationOnly,
    /// <summary>Not needed by the live patch.</summary>
    NotNeeded,
}
