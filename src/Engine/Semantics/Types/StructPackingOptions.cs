namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// Command-line options that change every struct's layout: <c>-fpack-struct</c> (every struct
/// and union is <c>packed</c>) and <c>-fpack-struct=n</c> (the initial <c>#pragma pack</c>
/// value, which also caps the realignment by zero-width bit-fields).
/// </summary>
public readonly record struct StructPackingOptions(bool PackAll = false, int InitialMaxFieldAlignment = 0);
