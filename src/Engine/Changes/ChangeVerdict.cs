namespace KlpCcp.Engine.Changes;

/// <summary>Whether a live patch can carry a change as it stands.</summary>
public enum ChangeVerdict
{
    /// <summary>The live patch carries it (a patched function, a new function or object, a new type).</summary>
    Carried,
    /// <summary>Nothing to carry, or carried with a caveat worth a warning.</summary>
    Warning,
    /// <summary>A live patch cannot carry it (a layout, an initializer, __init code): an error unless forced.</summary>
    Refused,
}
