namespace KlpCcp.Engine.Syntax;

/// <summary>A designator of an initializer or of <c>__builtin_offsetof</c>.</summary>
public abstract class Designator : SyntaxNode
{
    protected Designator(SyntaxKind kind) : base(kind) { }
}
