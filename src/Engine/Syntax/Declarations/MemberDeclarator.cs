namespace KlpCcp.Engine.Syntax;

/// <summary><c>prefix-attributes? declarator? (: width)? attributes?</c>; an unnamed bit-field has no declarator; prefix attributes only after a comma.</summary>
public sealed class MemberDeclarator : SyntaxNode
{
    public MemberDeclarator() : base(SyntaxKind.MemberDeclarator) { }

    public AttributeSpecifier[] PrefixAttributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public Declarator? Declarator { get; internal set; }
    public Expression? BitWidth { get; internal set; }
    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        AddRange(sink, PrefixAttributes);
        Add(sink, Declarator);
        Add(sink, BitWidth);
        AddRange(sink, Attributes);
    }
}
