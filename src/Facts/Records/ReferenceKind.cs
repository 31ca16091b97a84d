namespace KlpCcp.Facts.Records;

/// <summary>How one entity uses another (SPEC §2.4's dependency kinds).</summary>
public enum ReferenceKind
{
    /// <summary>Evaluated use of a function (call, address taken, value).</summary>
    Function,
    /// <summary>Evaluated use of an object with static storage.</summary>
    Object,
    /// <summary>A function's own static local variable.</summary>
    StaticLocal,
    /// <summary>Unevaluated use (sizeof, typeof, unchosen arms): only a declaration is needed.</summary>
    DeclaredType,
    /// <summary>The tag must be declared (pointer to an incomplete struct is fine).</summary>
    TagDeclaration,
    /// <summary>The tag must be defined (complete type needed).</summary>
    TagDefinition,
    Typedef,
    Enumerator,
    /// <summary>A local, non-first `struct X` creates a new tag: no file-scope X may be declared before.</summary>
    TagNonDeclaredness,
    /// <summary>A top-level macro invocation in the entity's text.</summary>
    Macro,
}
