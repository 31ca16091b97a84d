namespace KlpCcp.Engine.Syntax;

/// <summary>A declaration that may appear at file scope (and, except top-level asm, in blocks).</summary>
public abstract class ExternalDeclaration : BlockItem
{
    protected ExternalDeclaration(SyntaxKind kind) : base(kind) { }
}
