namespace KlpCcp.Engine.Changes;

/// <summary>What a named top-level item of a unit is, for comparing two versions of it.</summary>
public enum DefinitionKind
{
    Function,
    /// <summary>A function declaration without body.</summary>
    Prototype,
    /// <summary>A file-scope object (definition or declaration).</summary>
    Variable,
    Typedef,
    Struct,
    Union,
    Enum,
    Macro,
}
