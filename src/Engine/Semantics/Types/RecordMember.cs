using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// One member declaration of a struct or union, as the layout needs it: name (null for an
/// anonymous struct/union member or an unnamed bit-field), declared type, bit-field width,
/// and the member's own <c>packed</c> and <c>aligned</c> attributes.
/// </summary>
public sealed class RecordMember
{
    public RecordMember(string? name, QualifiedType type, int? bitWidth = null)
    {
        Name = name;
        Type = type;
        BitWidth = bitWidth;
    }

    public string? Name { get; }
    public QualifiedType Type { get; }
    /// <summary>The declared width of a bit-field (0 allowed for unnamed ones); null if not a bit-field.</summary>
    public int? BitWidth { get; }
    /// <summary><c>__attribute__((packed))</c> on the member.</summary>
    public bool IsPacked { get; init; }
    /// <summary>
    /// Alignment in bytes requested on the member by <c>aligned(N)</c> or <c>_Alignas</c> (the
    /// largest if several; plain <c>aligned</c> is <see cref="TypeContext.DefaultAlignedAttributeValue"/>).
    /// </summary>
    public int? Alignment { get; init; }
    public DiagnosticLocation? Location { get; init; }
    /// <summary>The declaration node, for the semantic analyzer (opaque here).</summary>
    public object? Declaration { get; set; }

    public bool IsBitField => BitWidth.HasValue;
    /// <summary>An unnamed struct or union member whose members belong to the enclosing record (C11 6.7.2.1p13).</summary>
    public bool IsAnonymousRecord => Name is null && BitWidth is null && Type.IsRecord;

    public override string ToString() => BitWidth is int w ? $"{Type} {Name}:{w}" : $"{Type} {Name}";
}
