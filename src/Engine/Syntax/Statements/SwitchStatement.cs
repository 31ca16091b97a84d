namespace KlpCcp.Engine.Syntax;

public sealed class SwitchStatement : Statement
{
    public SwitchStatement() : base(SyntaxKind.SwitchStatement) { }

    public Expression Condition { get; internal set; } = null!;
    public Statement Body { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Condition);
        sink.Add(Body);
    }
}
