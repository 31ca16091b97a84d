namespace KlpCcp.Engine.Syntax;

/// <summary>
/// A function definition: specifiers (possibly empty: implicit int), the declarator, GNU
/// attributes or an asm label between declarator and body (rare), the K&amp;R parameter
/// declarations, and the body. Also used for nested functions inside blocks.
/// </summary>
public sealed class FunctionDefinition : ExternalDeclaration
{
    public FunctionDefinition() : base(SyntaxKind.FunctionDefinition) { }

    public bool HasExtension { get; internal set; }
    public DeclarationSpecifiers Specifiers { get; internal set; } = null!;
    public Declarator Declarator { get; internal set; } = null!;
    public AsmLabel? AsmLabel { get; internal set; }
    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public Declaration[] KnRDeclarations { get; internal set; } = Array.Empty<Declaration>();
    public CompoundStatement Body { get; internal set; } = null!;

    /// <summary>The declared function name (id), or -1.</summary>
    public int Name => Declarator.FindName()?.Name ?? -1;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Specifiers);
        sink.Add(Declarator);
        Add(sink, AsmLabel);
        AddRange(sink, Attributes);
        AddRange(sink, KnRDeclarations);
        sink.Add(Body);
    }
}
