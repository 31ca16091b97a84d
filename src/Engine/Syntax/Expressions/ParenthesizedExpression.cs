namespace KlpCcp.Engine.Syntax;

public sealed class ParenthesizedExpression : Expression
{
    public ParenthesizedExpression() : base(SyntaxKind.ParenthesizedExpression) { }

    public Expression Inner { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink) => sink.Add(Inner);
}
