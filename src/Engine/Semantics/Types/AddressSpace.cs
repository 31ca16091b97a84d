namespace KlpCcp.Engine.Semantics.Types;

/// <summary>gcc's named address spaces (x86 only); part of the qualifiers of a type.</summary>
public enum AddressSpace : byte
{
    Generic = 0,
    /// <summary><c>__seg_fs</c></summary>
    SegFs = 1,
    /// <summary><c>__seg_gs</c></summary>
    SegGs = 2,
}
