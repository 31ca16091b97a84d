namespace KlpCcp.Engine.Semantics.Types.Layout;

/// <summary>Where one member of a struct or union lies.</summary>
public readonly record struct MemberLayout(long BitOffset, long BitSize, bool IsBitField)
{
    /// <summary>Byte offset (<c>offsetof</c>); for a bit-field, the byte holding its first bit.</summary>
    public long ByteOffset => BitOffset >> 3;
    /// <summary>Bit offset within <see cref="ByteOffset"/> (0 for ordinary members).</summary>
    public int BitInByte => (int)(BitOffset & 7);
}
