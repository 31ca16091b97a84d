namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>struct|union attributes? tag? { members } attributes?</c>. <see cref="Members"/> is null
/// without a body (a reference or forward declaration), empty for <c>{}</c>.
/// </summary>
public sealed class StructSpecifier : Specifier
{
    public StructSpecifier() : base(SyntaxKind.StructSpecifier) { }

    public bool IsUnion { get; internal set; }
    public int KeywordToken => FirstToken;
    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    /// <summary>Tag name id, or -1 for an anonymous struct.</summary>
    public int Tag { get; internal set; } = -1;
    public int TagToken { get; internal set; } = -1;
    public int OpenBraceToken { get; internal set; } = -1;
    public MemberDeclaration[]? Members { get; internal set; }
    public AttributeSpecifier[] TrailingAttributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public bool HasBody => Members is not null;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        AddRange(sink, Attributes);
        if (Members is not null) AddRange(sink, Members);
        AddRange(sink, TrailingAttributes);
    }
}
