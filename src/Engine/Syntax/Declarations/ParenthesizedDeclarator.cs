namespace KlpCcp.Engine.Syntax;

/// <summary><c>( attributes? inner )</c>.</summary>
public sealed class ParenthesizedDeclarator : Declarator
{
    public ParenthesizedDeclarator() : base(SyntaxKind.ParenthesizedDeclarator) { }

    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public Declarator Inner { get; internal set; } = null!;
    public override Declarator? InnerDeclarator => Inner;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        AddRange(sink, Attributes);
        sink.Add(Inner);
    }
}
