namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>C11 6.2.2 linkage of an identifier.</summary>
public enum Linkage : byte
{
    None,
    Internal,
    External,
}
