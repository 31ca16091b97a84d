namespace KlpCcp.Engine.Syntax;

public abstract class Expression : SyntaxNode
{
    protected Expression(SyntaxKind kind) : base(kind) { }
}
