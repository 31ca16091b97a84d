namespace KlpCcp.Engine.Syntax;

/// <summary><c>declarator asm-label? attributes? (= initializer)?</c>. The initializer is an <see cref="Expression"/> or an <see cref="InitializerList"/>.</summary>
public sealed class InitDeclarator : SyntaxNode
{
    public InitDeclarator() : base(SyntaxKind.InitDeclarator) { }

    public Declarator Declarator { get; internal set; } = null!;
    public AsmLabel? AsmLabel { get; internal set; }
    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public SyntaxNode? Initializer { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Declarator);
        Add(sink, AsmLabel);
        AddRange(sink, Attributes);
        Add(sink, Initializer);
    }
}
