namespace KlpCcp.Engine.Syntax;

/// <summary><c>_Static_assert ( condition , message ) ;</c>, the message optional (C2x).</summary>
public sealed class StaticAssertDeclaration : ExternalDeclaration
{
    public StaticAssertDeclaration() : base(SyntaxKind.StaticAssertDeclaration) { }

    public Expression Condition { get; internal set; } = null!;
    public StringLiteral? Message { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Condition);
        Add(sink, Message);
    }
}
