namespace KlpCcp.Engine.Syntax;

public sealed class ContinueStatement : Statement
{
    public ContinueStatement() : base(SyntaxKind.ContinueStatement) { }

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
