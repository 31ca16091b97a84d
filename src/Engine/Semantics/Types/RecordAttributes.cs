namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// What affects a struct or union's layout besides its members: <c>packed</c>,
/// <c>aligned(N)</c> on the type (can only raise alignment of a definition), the
/// <c>#pragma pack</c> value in force at the closing brace, and <c>transparent_union</c>.
/// </summary>
public readonly record struct RecordAttributes
{
    public bool Packed { get; init; }
    /// <summary>Alignment in bytes from <c>aligned(N)</c> on the struct/union (the largest if several).</summary>
    public int? Alignment { get; init; }
    /// <summary>
    /// Maximum member alignment in bytes from <c>#pragma pack(n)</c> (see <see cref="Layout.PragmaPackState"/>)
    /// or <c>-fpack-struct=n</c>; 0 when none.
    /// </summary>
    public int MaxFieldAlignment { get; init; }
    public bool TransparentUnion { get; init; }
}
