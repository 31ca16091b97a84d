namespace KlpCcp.Engine.Syntax;

/// <summary><c>__builtin_convertvector ( expression , type-name )</c>.</summary>
public sealed class BuiltinConvertVectorExpression : Expression
{
    public BuiltinConvertVectorExpression() : base(SyntaxKind.BuiltinConvertVectorExpression) { }

    public Expression Operand { get; internal set; } = null!;
    public TypeName Type { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Operand);
        sink.Add(Type);
    }
}
