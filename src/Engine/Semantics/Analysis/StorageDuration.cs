namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>C11 6.2.4 storage duration of an object.</summary>
public enum StorageDuration : byte
{
    Automatic,
    Static,
    Thread,
}
