namespace KlpCcp.Engine.Syntax;

/// <summary>One item of <see cref="DeclarationSpecifiers"/> or of a pointer's/array's qualifier list.</summary>
public abstract class Specifier : SyntaxNode
{
    protected Specifier(SyntaxKind kind) : base(kind) { }
}
