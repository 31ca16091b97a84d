namespace KlpCcp.Engine.Syntax;

/// <summary><c>__builtin_va_arg ( list , type-name )</c>.</summary>
public sealed class BuiltinVaArgExpression : Expression
{
    public BuiltinVaArgExpression() : base(SyntaxKind.BuiltinVaArgExpression) { }

    public Expression List { get; internal set; } = null!;
    public TypeName Type { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(List);
        sink.Add(Type);
    }
}
