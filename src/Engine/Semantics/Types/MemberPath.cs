namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// Where a member found by name lives: the indices through anonymous struct/union members
/// (outermost first; a single index for a direct member), the member itself and its offset
/// in bits from the start of <see cref="Record"/>.
/// </summary>
public readonly record struct MemberPath(RecordType Record, int[] Indices, RecordMember Member, long BitOffset)
{
    /// <summary>Byte offset of the member (for a bit-field: of the byte holding its first bit).</summary>
    public long ByteOffset => BitOffset >> 3;
    public bool IsDirect => Indices.Length == 1;
}
