namespace KlpCcp.Engine.Syntax;

/// <summary><c>specifiers declarator-or-abstract-declarator? attributes?</c> in a prototype.</summary>
public sealed class ParameterDeclaration : SyntaxNode
{
    public ParameterDeclaration() : base(SyntaxKind.ParameterDeclaration) { }

    public DeclarationSpecifiers Specifiers { get; internal set; } = null!;
    public Declarator? Declarator { get; internal set; }
    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Specifiers);
        Add(sink, Declarator);
        AddRange(sink, Attributes);
    }
}
