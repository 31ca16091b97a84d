namespace KlpCcp.Engine.Syntax;

/// <summary><c>name attributes? (= value)?</c></summary>
public sealed class EnumeratorDeclaration : SyntaxNode
{
    public EnumeratorDeclaration() : base(SyntaxKind.EnumeratorDeclaration) { }

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
