namespace KlpCcp.Engine.Changes;

/// <summary>What kind of change a fix makes, as from-diff reports it (per entity, or per hunk for the last two).</summary>
public enum ChangeCategory
{
    FunctionBodyChanged,
    /// <summary>A body change that declares a block-scope static object the old function did not have.</summary>
    StaticLocalAdded,
    /// <summary>New in this configuration: really new, or moved out of a disabled #ifdef.</summary>
    FunctionAdded,
    FunctionRemoved,
    /// <summary>Return type, parameters, storage class or attributes of a function definition.</summary>
    SignatureChanged,
    GlobalObjectAdded,
    GlobalObjectRemoved,
    /// <summary>A file-scope object's type or attributes.</summary>
    GlobalObjectChanged,
    InitializerChanged,
    /// <summary>A struct, union, enum or typedef definition that differs.</summary>
    TypeLayoutChanged,
    TypeAdded,
    TypeRemoved,
    MacroChanged,
    /// <summary>A prototype added, removed or changed.</summary>
    DeclarationChanged,
    /// <summary>A hunk whose every changed line is in a conditional branch this configuration does not compile.</summary>
    CompiledOut,
    /// <summary>A hunk that changes only comments or white space.</summary>
    CommentOrWhitespaceOnly,
}
