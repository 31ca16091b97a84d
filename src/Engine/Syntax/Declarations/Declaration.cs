namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>specifiers init-declarator-list? ;</c> (a declaration with no declarators declares only a
/// tag, or nothing). <see cref="HasExtension"/>: introduced by <c>__extension__</c>, which
/// <see cref="SyntaxNode.FirstToken"/> then includes.
/// </summary>
public sealed class Declaration : ExternalDeclaration
{
    public Declaration() : base(SyntaxKind.Declaration) { }

    public bool HasExtension { get; internal set; }
    public DeclarationSpecifiers Specifiers { get; internal set; } = null!;
    public InitDeclarator[] Declarators { get; internal set; } = Array.Empty<InitDeclarator>();

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Specifiers);
        AddRange(sink, Declarators);
    }
}
