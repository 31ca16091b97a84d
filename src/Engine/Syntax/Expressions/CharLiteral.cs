namespace KlpCcp.Engine.Syntax;

/// <summary>A character constant (any prefix: the token kind tells).</summary>
public sealed class CharLiteral : Expression
{
    public CharLiteral() : base(SyntaxKind.CharLiteral) { }

    public int Text { get; internal set; }
    public int Token => FirstToken;

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
