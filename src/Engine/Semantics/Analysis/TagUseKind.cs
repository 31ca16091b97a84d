namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>What a struct/union/enum specifier does with its tag.</summary>
public enum TagUseKind : byte
{
    /// <summary>Refers to a tag that is visible (declared earlier, possibly in an outer scope).</summary>
    Reference,
    /// <summary>Declares a new, incomplete tag: <c>struct X;</c>, or a first mention with no visible <c>X</c>.</summary>
    Declaration,
    /// <summary>Has a body: defines the tag (a new one, or completes one declared earlier in the same scope).</summary>
    Definition,
}
