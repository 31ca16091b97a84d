namespace KlpCcp.Engine.Syntax;

public sealed class IndexExpression : Expression
{
    public IndexExpression() : base(SyntaxKind.IndexExpression) { }

    public Expression Base { get; internal set; } = null!;
    public Expression Index { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Base);
        sink.Add(Index);
    }
}
