namespace KlpCcp.Engine.Syntax;

/// <summary>Anything that can stand in a compound statement: a statement, a declaration, a nested function definition, a __label__ declaration.</summary>
public abstract class BlockItem : SyntaxNode
{
    protected BlockItem(SyntaxKind kind) : base(kind) { }
}
