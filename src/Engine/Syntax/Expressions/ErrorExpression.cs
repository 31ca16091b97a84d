namespace KlpCcp.Engine.Syntax;

/// <summary>Stands where an expression was expected but a syntax error was reported.</summary>
public sealed class ErrorExpression : Expression
{
    public ErrorExpression() : base(SyntaxKind.ErrorExpression) { }

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
