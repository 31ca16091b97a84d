namespace KlpCcp.Engine.Syntax;

/// <summary>GNU <c>&amp;&amp;label</c>.</summary>
public sealed class LabelAddressExpression : Expression
{
    public LabelAddressExpression() : base(SyntaxKind.LabelAddressExpression) { }

    public int Label { get; internal set; }
    public int LabelToken => LastToken;

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
