namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>What a <see cref="Symbol"/> is.</summary>
public enum SymbolKind : byte
{
    Object,
    Function,
    Typedef,
    Enumerator,
    Tag,
    Label,
}
