namespace KlpCcp.Engine.Syntax;

/// <summary>
/// A binary operator; <see cref="SyntaxNode.Kind"/> is <see cref="SyntaxKind.BinaryExpression"/>,
/// <see cref="SyntaxKind.AssignmentExpression"/> (=, +=, …) or <see cref="SyntaxKind.CommaExpression"/>.
/// Left-associative chains make left-deep trees of any depth: walk them iteratively.
/// </summary>
public sealed class BinaryExpression : Expression
{
    public BinaryExpression(SyntaxKind kind) : base(kind) { }

    public BinaryOperator Operator { get; internal set; }
    public int OperatorToken { get; internal set; }
    public Expression Left { get; internal set; } = null!;
    public Expression Right { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Left);
        sink.Add(Right);
    }
}
