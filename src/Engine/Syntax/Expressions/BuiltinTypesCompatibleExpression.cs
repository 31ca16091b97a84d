namespace KlpCcp.Engine.Syntax;

/// <summary><c>__builtin_types_compatible_p ( type-name , type-name )</c>.</summary>
public sealed class BuiltinTypesCompatibleExpression : Expression
{
    public BuiltinTypesCompatibleExpression() : base(SyntaxKind.BuiltinTypesCompatibleExpression) { }

    public TypeName First { get; internal set; } = null!;
    public TypeName Second { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(First);
        sink.Add(Second);
    }
}
