namespace KlpCcp.Engine.Syntax;

public sealed class BreakStatement : Statement
{
    public BreakStatement() : base(SyntaxKind.BreakStatement) { }

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
