namespace KlpCcp.Engine.Syntax;

/// <summary><c>( type-name ) { initializers }</c>.</summary>
public sealed class CompoundLiteralExpression : Expression
{
    public CompoundLiteralExpression() : base(SyntaxKind.CompoundLiteralExpression) { }

    public TypeName Type { get; internal set; } = null!;
    public InitializerList Initializer { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Type);
        sink.Add(Initializer);
    }
}
