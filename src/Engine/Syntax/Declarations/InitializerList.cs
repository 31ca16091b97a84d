namespace KlpCcp.Engine.Syntax;

/// <summary><c>{ items }</c>, possibly empty.</summary>
public sealed class InitializerList : SyntaxNode
{
    public InitializerList() : base(SyntaxKind.InitializerList) { }

    public InitializerItem[] Items { get; internal set; } = Array.Empty<InitializerItem>();

    public override void AppendChildren(List<SyntaxNode> sink) => AddRange(sink, Items);
}
