namespace KlpCcp.Engine.Syntax;

/// <summary>Prefix and postfix unary operators, <c>__real__</c>, <c>__imag__</c>, <c>__extension__</c>.</summary>
public sealed class UnaryExpression : Expression
{
    public UnaryExpression() : base(SyntaxKind.UnaryExpression) { }

    public UnaryOperator Operator { get; internal set; }
    public int OperatorToken { get; internal set; }
    public Expression Operand { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink) => sink.Add(Operand);
}
