namespace KlpCcp.Facts.Records;

/// <summary>Which part of the referring entity the use is in (SPEC §2.4's owners).</summary>
public enum ReferencePart
{
    /// <summary>A function's body (or a local static's initializer, attributed to the function).</summary>
    Body,
    /// <summary>An object's initializer.</summary>
    Initializer,
    /// <summary>A declaration's specifiers or declarator (types it needs).</summary>
    Declaration,
    /// <summary>A tag's body (member types, enumerator values).</summary>
    TagBody,
}
