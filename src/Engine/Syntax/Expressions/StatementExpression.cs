namespace KlpCcp.Engine.Syntax;

/// <summary>GNU <c>({ ... })</c>.</summary>
public sealed class StatementExpression : Expression
{
    public StatementExpression() : base(SyntaxKind.StatementExpression) { }

    public CompoundStatement Body { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink) => sink.Add(Body);
}
