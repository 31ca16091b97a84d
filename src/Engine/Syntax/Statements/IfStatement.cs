namespace KlpCcp.Engine.Syntax;

public sealed class IfStatement : Statement
{
    public IfStatement() : base(SyntaxKind.IfStatement) { }

    public Expression Condition { get; internal set; } = null!;
    public Statement Then { get; internal set; } = null!;
    public Statement? Else { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Condition);
        sink.Add(Then);
        Add(sink, Else);
    }
}
