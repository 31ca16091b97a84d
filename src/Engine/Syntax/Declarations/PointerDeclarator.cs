namespace KlpCcp.Engine.Syntax;

/// <summary><c>* qualifiers-and-attributes inner</c>.</summary>
public sealed class PointerDeclarator : Declarator
{
    public PointerDeclarator() : base(SyntaxKind.PointerDeclarator) { }

    /// <summary><see cref="KeywordSpecifier"/> qualifiers (const, volatile, restrict, _Atomic, address spaces) and <see cref="AttributeSpecifier"/>s, in source order.</summary>
    public Specifier[] Qualifiers { get; internal set; } = Array.Empty<Specifier>();
    public Declarator? Inner { get; internal set; }
    public override Declarator? InnerDeclarator => Inner;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        AddRange(sink, Qualifiers);
        Add(sink, Inner);
    }
}
