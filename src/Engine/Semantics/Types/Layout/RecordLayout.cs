namespace KlpCcp.Engine.Semantics.Types.Layout;

/// <summary>
/// The layout of a complete struct or union: size and alignment in bytes, and one
/// <see cref="MemberLayout"/> per member of <see cref="RecordType.Members"/> (same order).
/// </summary>
public sealed class RecordLayout
{
    internal RecordLayout(long size, int alignment, MemberLayout[] members, bool hasUserAlignment)
    {
        Size = size;
        Alignment = alignment;
        Members = members;
        HasUserAlignment = hasUserAlignment;
    }

    public long Size { get; }
    public int Alignment { get; }
    public IReadOnlyList<MemberLayout> Members { get; }
    /// <summary>gcc's TYPE_USER_ALIGN: an <c>aligned</c> attribute on the record or on a member's type.</summary>
    public bool HasUserAlignment { get; }
}
