namespace KlpCcp.Engine.Syntax;

/// <summary><c>__label__ a, b ;</c>: local labels of a block.</summary>
public sealed class LabelDeclaration : BlockItem
{
    public LabelDeclaration() : base(SyntaxKind.LabelDeclaration) { }

    public int[] Names { get; internal set; } = Array.Empty<int>();
    public int[] NameTokens { get; internal set; } = Array.Empty<int>();

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
