namespace KlpCcp.Facts.Records;

/// <summary>What a named entity of a translation unit is.</summary>
public enum EntityKind
{
    Function,
    Object,
    Typedef,
    Struct,
    Union,
    Enum,
    Enumerator,
    StaticAssert,
}
