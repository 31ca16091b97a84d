namespace KlpCcp.Engine.Semantics.Types;

/// <summary>How the length of an array type is known.</summary>
public enum ArraySizeKind : byte
{
    /// <summary><c>T[N]</c> with a constant N (N may be 0, a GNU zero-length array).</summary>
    Fixed,
    /// <summary><c>T[]</c>: incomplete (also a flexible array member).</summary>
    Incomplete,
    /// <summary><c>T[n]</c> with a non-constant n, or <c>T[*]</c>: a VLA.</summary>
    Variable,
}
