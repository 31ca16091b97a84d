namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>prefix-attributes? declarator asm-label? attributes? (= initializer)?</c>. The
/// initializer is an <see cref="Expression"/> or an <see cref="InitializerList"/>. Prefix
/// attributes occur after a comma (<c>int a, __attribute__((unused)) b;</c>) and apply to that
/// declarator only.
/// </summary>
public sealed class InitDeclarator : SyntaxNode
{
    public InitDeclarator() : base(SyntaxKind.InitDeclarator) { }

    public AttributeSpecifier[] PrefixAttributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public Declarator Declarator { get; internal set; } = null!;
    public AsmLabel? AsmLabel { get; internal set; }
    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public SyntaxNode? Initializer { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        AddRange(sink, PrefixAttributes);
        sink.Add(Declarator);
        Add(sink, AsmLabel);
        AddRange(sink, Attributes);
        Add(sink, Initializer);
    }
}
