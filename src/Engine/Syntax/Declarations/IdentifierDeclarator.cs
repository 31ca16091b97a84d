namespace KlpCcp.Engine.Syntax;

/// <summary>The declared identifier at the core of a declarator.</summary>
public sealed class IdentifierDeclarator : Declarator
{
    public IdentifierDeclarator() : base(SyntaxKind.IdentifierDeclarator) { }

    public int Name { get; internal set; }
    public int Token => FirstToken;
    public override Declarator? InnerDeclarator => null;

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
