namespace KlpCcp.Engine.Syntax;

public sealed class ReturnStatement : Statement
{
    public ReturnStatement() : base(SyntaxKind.ReturnStatement) { }

    public Expression? Value { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink) => Add(sink, Value);
}
