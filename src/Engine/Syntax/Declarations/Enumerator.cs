namespace KlpCcp.Engine.Syntax;

/// <summary><c>name attributes? (= value)?</c></summary>
public sealed class Enumerator : SyntaxNode
{
    public Enumerator() : base(SyntaxKind.Enumerator) { }

    public int Name { get; internal set; }
    public int NameToken => FirstToken;
    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public Expression? Value { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        AddRange(sink, Attributes);
        Add(sink, Value);
    }
}
