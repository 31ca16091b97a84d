namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>expression? ;</c>. A null statement may carry attributes
/// (<c>__attribute__((__fallthrough__));</c>), then <see cref="Expression"/> is null.
/// </summary>
public sealed class ExpressionStatement : Statement
{
    public ExpressionStatement() : base(SyntaxKind.ExpressionStatement) { }

    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public Expression? Expression { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        AddRange(sink, Attributes);
        Add(sink, Expression);
    }
}
