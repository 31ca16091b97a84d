namespace KlpCcp.Engine.Syntax;

public sealed class DefaultStatement : Statement
{
    public DefaultStatement() : base(SyntaxKind.DefaultStatement) { }

    public BlockItem? Body { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink) => Add(sink, Body);
}
