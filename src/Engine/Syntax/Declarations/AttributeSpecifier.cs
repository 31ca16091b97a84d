namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>__attribute__ (( a, b(args), ... ))</c>, or a C2x <c>[[ ... ]]</c> when
/// <see cref="IsStandard"/>. Empty items of the list are dropped.
/// </summary>
public sealed class AttributeSpecifier : Specifier
{
    public AttributeSpecifier() : base(SyntaxKind.AttributeSpecifier) { }

    public bool IsStandard { get; internal set; }
    public AttributeItem[] Attributes { get; internal set; } = Array.Empty<AttributeItem>();

    public override void AppendChildren(List<SyntaxNode> sink) => AddRange(sink, Attributes);
}
