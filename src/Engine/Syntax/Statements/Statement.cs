namespace KlpCcp.Engine.Syntax;

public abstract class Statement : BlockItem
{
    protected Statement(SyntaxKind kind) : base(kind) { }
}
