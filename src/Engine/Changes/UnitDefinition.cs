namespace KlpCcp.Engine.Changes;

/// <summary>
/// A named top-level item of a unit: its tokens (the whole external declaration, or for a
/// function the header and the body separately), as spellings normalised for comparison.
/// </summary>
public sealed record UnitDefinition(DefinitionKind Kind, string Name, int FirstToken, int LastToken)
{
    /// <summary>Token spellings of the whole item.</summary>
    public required IReadOnlyList<string> Tokens { get; init; }
    /// <summary>For functions: the tokens before the body (specifiers, declarator, attributes).</summary>
    public IReadOnlyList<string> Header { get; init; } = [];
    /// <summary>For functions: the body's token range.</summary>
    public int BodyFirstToken { get; init; } = -1;
    /// <summary>For functions: the names of the block-scope static objects.</summary>
    public IReadOnlyList<string> LocalStatics { get; init; } = [];
    /// <summary>For variables: the initializer's tokens (empty without one).</summary>
    public IReadOnlyList<string> Initializer { get; init; } = [];
    /// <summary>For functions: static or inline (the compiler may inline it into callers).</summary>
    public bool IsStatic { get; init; }
    public bool IsInline { get; init; }
    /// <summary>Placed in an init section (__init, __exit...): discarded after boot.</summary>
    public bool InInitSection { get; init; }
    /// <summary>
    /// Where the item is written (one place; a macro has one per definition, in order). Empty
    /// when the tokens have no source place (built-in or command-line macros).
    /// </summary>
    public IReadOnlyList<SourcePlace> Places { get; init; } = [];
}
