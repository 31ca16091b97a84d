namespace KlpCcp.Engine.Syntax;

/// <summary><c>declarator? (: width)? attributes?</c>; an unnamed bit-field has no declarator.</summary>
public sealed class MemberDeclarator : SyntaxNode
{
    public MemberDeclarator() : base(SyntaxKind.MemberDeclarator) { }

    public Declarator? Declarator { get; internal set; }
    public Expression? BitWidth { get; internal set; }
    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        Add(sink, Declarator);
        Add(sink, BitWidth);
        AddRange(sink, Attributes);
    }
}
