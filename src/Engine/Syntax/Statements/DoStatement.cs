namespace KlpCcp.Engine.Syntax;

public sealed class DoStatement : Statement
{
    public DoStatement() : base(SyntaxKind.DoStatement) { }

    public Statement Body { get; internal set; } = null!;
    public Expression Condition { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Body);
        sink.Add(Condition);
    }
}
