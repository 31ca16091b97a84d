namespace KlpCcp.Engine.Syntax;

/// <summary>A name used as a primary expression (also <c>__func__</c>, <c>__FUNCTION__</c>, builtins).</summary>
public sealed class IdentifierExpression : Expression
{
    public IdentifierExpression() : base(SyntaxKind.IdentifierExpression) { }

    public int Name { get; internal set; }
    public int Token => FirstToken;

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
