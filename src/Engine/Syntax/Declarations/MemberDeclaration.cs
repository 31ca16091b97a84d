namespace KlpCcp.Engine.Syntax;

/// <summary>
/// A struct/union member declaration: specifiers and member declarators (none: an anonymous
/// struct/union member), or a <c>_Static_assert</c> (<see cref="StaticAssert"/>, then the rest is empty).
/// </summary>
public sealed class MemberDeclaration : SyntaxNode
{
    public MemberDeclaration() : base(SyntaxKind.MemberDeclaration) { }

    public bool HasExtension { get; internal set; }
    public DeclarationSpecifiers? Specifiers { get; internal set; }
    public MemberDeclarator[] Declarators { get; internal set; } = Array.Empty<MemberDeclarator>();
    public StaticAssertDeclaration? StaticAssert { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        Add(sink, Specifiers);
        AddRange(sink, Declarators);
        Add(sink, StaticAssert);
    }
}
