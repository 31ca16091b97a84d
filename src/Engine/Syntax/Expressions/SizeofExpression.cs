namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>sizeof</c> (<see cref="SyntaxKind.SizeofExpression"/>) or <c>_Alignof/__alignof__</c>
/// (<see cref="SyntaxKind.AlignofExpression"/>) of a type name or of an expression.
/// </summary>
public sealed class SizeofExpression : Expression
{
    public SizeofExpression(SyntaxKind kind) : base(kind) { }

    public TypeName? Type { get; internal set; }
    public Expression? Operand { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        Add(sink, Type);
        Add(sink, Operand);
    }
}
