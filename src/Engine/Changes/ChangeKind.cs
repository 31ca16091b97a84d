namespace KlpCcp.Engine.Changes;

/// <summary>How a fix changes a top-level item in this configuration.</summary>
public enum ChangeKind
{
    Added,
    Removed,
    /// <summary>A function's body changed (its declaration did not).</summary>
    BodyChanged,
    /// <summary>A function's declaration (return type, parameters, attributes) changed.</summary>
    SignatureChanged,
    /// <summary>A variable's initializer changed.</summary>
    InitializerChanged,
    /// <summary>Any other change of the item's tokens (a type, a struct layout, a macro).</summary>
    Changed,
}
