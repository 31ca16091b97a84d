namespace KlpCcp.Engine.Syntax;

public sealed class CallExpression : Expression
{
    public CallExpression() : base(SyntaxKind.CallExpression) { }

    public Expression Callee { get; internal set; } = null!;
    public Expression[] Arguments { get; internal set; } = Array.Empty<Expression>();

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Callee);
        AddRange(sink, Arguments);
    }
}
