namespace KlpCcp.Engine.Syntax;

/// <summary><c>c ? a : b</c>; <see cref="WhenTrue"/> is null for GNU <c>c ?: b</c>.</summary>
public sealed class ConditionalExpression : Expression
{
    public ConditionalExpression() : base(SyntaxKind.ConditionalExpression) { }

    public Expression Condition { get; internal set; } = null!;
    public Expression? WhenTrue { get; internal set; }
    public Expression WhenFalse { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Condition);
        Add(sink, WhenTrue);
        sink.Add(WhenFalse);
    }
}
