namespace KlpCcp.Engine.Syntax;

/// <summary><c>enum attributes? tag? { enumerators } attributes?</c>; <see cref="Enumerators"/> null without a body.</summary>
public sealed class EnumSpecifier : Specifier
{
    public EnumSpecifier() : base(SyntaxKind.EnumSpecifier) { }

    public int KeywordToken => FirstToken;
    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public int Tag { get; internal set; } = -1;
    public int TagToken { get; internal set; } = -1;
    public EnumeratorDeclaration[]? Enumerators { get; internal set; }
    public AttributeSpecifier[] TrailingAttributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public bool HasBody => Enumerators is not null;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        AddRange(sink, Attributes);
        if (Enumerators is not null) AddRange(sink, Enumerators);
        AddRange(sink, TrailingAttributes);
    }
}
