namespace KlpCcp.Engine.Syntax;

/// <summary>
/// Declaration specifiers (or a specifier-qualifier list) in source order: keywords (storage
/// class, qualifiers, function specifiers, basic types), typedef names, struct/union/enum,
/// typeof, _Atomic(type), _Alignas and attributes. May be empty (implicit int): then
/// <see cref="SyntaxNode.FirstToken"/> is the next token and <see cref="SyntaxNode.LastToken"/> is one before it.
/// </summary>
public sealed class DeclarationSpecifiers : SyntaxNode
{
    public DeclarationSpecifiers() : base(SyntaxKind.DeclarationSpecifiers) { }

    public Specifier[] Items { get; internal set; } = Array.Empty<Specifier>();

    /// <summary>A type specifier is present (keyword type, tag, typedef name, typeof, _Atomic(T)).</summary>
    public bool HasTypeSpecifier { get; internal set; }
    /// <summary>A struct, union or enum specifier with a body is among the items.</summary>
    public bool HasTagDefinition { get; internal set; }
    /// <summary>The storage class keyword (first one), or <see cref="Keyword.None"/>.</summary>
    public Keyword StorageClass { get; internal set; }
    public bool IsTypedef => StorageClass == Keyword.Typedef;
    public bool IsEmpty => Items.Length == 0;

    public override void AppendChildren(List<SyntaxNode> sink) => AddRange(sink, Items);
}
