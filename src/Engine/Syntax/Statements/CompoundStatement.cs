namespace KlpCcp.Engine.Syntax;

/// <summary><c>{ block-items }</c>.</summary>
public sealed class CompoundStatement : Statement
{
    public CompoundStatement() : base(SyntaxKind.CompoundStatement) { }

    public BlockItem[] Items { get; internal set; } = Array.Empty<BlockItem>();

    public override void AppendChildren(List<SyntaxNode> sink) => AddRange(sink, Items);
}
