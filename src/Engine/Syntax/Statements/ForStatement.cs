namespace KlpCcp.Engine.Syntax;

/// <summary><c>for ( init ; condition ; step ) body</c>; the init is a <see cref="Declaration"/> (or static assertion), an <see cref="ExpressionStatement"/>-free expression, or null.</summary>
public sealed class ForStatement : Statement
{
    public ForStatement() : base(SyntaxKind.ForStatement) { }

    public ExternalDeclaration? InitDeclaration { get; internal set; }
    public Expression? Init { get; internal set; }
    public Expression? Condition { get; internal set; }
    public Expression? Step { get; internal set; }
    public Statement Body { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        Add(sink, InitDeclaration);
        Add(sink, Init);
        Add(sink, Condition);
        Add(sink, Step);
        sink.Add(Body);
    }
}
