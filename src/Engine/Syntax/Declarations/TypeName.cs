namespace KlpCcp.Engine.Syntax;

/// <summary><c>specifier-qualifier-list abstract-declarator?</c> (casts, sizeof, typeof, compound literals, builtins).</summary>
public sealed class TypeName : SyntaxNode
{
    public TypeName() : base(SyntaxKind.TypeName) { }

    public DeclarationSpecifiers Specifiers { get; internal set; } = null!;
    public Declarator? Declarator { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Specifiers);
        Add(sink, Declarator);
    }
}
