namespace KlpCcp.Engine.Syntax;

public sealed class CastExpression : Expression
{
    public CastExpression() : base(SyntaxKind.CastExpression) { }

    public TypeName Type { get; internal set; } = null!;
    public Expression Operand { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Type);
        sink.Add(Operand);
    }
}
