namespace KlpCcp.Engine.Syntax;

/// <summary>A keyword specifier: storage class, qualifier, function specifier or basic type (canonical <see cref="Keyword"/>; the token has the spelling).</summary>
public sealed class KeywordSpecifier : Specifier
{
    public KeywordSpecifier() : base(SyntaxKind.KeywordSpecifier) { }

    public Keyword Keyword { get; internal set; }
    public int Token => FirstToken;

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
