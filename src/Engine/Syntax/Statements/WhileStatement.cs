namespace KlpCcp.Engine.Syntax;

public sealed class WhileStatement : Statement
{
    public WhileStatement() : base(SyntaxKind.WhileStatement) { }

    public Expression Condition { get; internal set; } = null!;
    public Statement Body { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Condition);
        sink.Add(Body);
    }
}
