namespace KlpCcp.Engine.Syntax;

/// <summary>A preprocessing number (integer or floating constant); <see cref="Text"/> is its spelling id.</summary>
public sealed class NumberLiteral : Expression
{
    public NumberLiteral() : base(SyntaxKind.NumberLiteral) { }

    public int Text { get; internal set; }
    public int Token => FirstToken;

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
