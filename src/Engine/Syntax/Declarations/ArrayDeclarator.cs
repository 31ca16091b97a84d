namespace KlpCcp.Engine.Syntax;

/// <summary><c>inner [ static? qualifiers? size? ]</c> or <c>inner [ * ]</c>.</summary>
public sealed class ArrayDeclarator : Declarator
{
    public ArrayDeclarator() : base(SyntaxKind.ArrayDeclarator) { }

    public Declarator? Inner { get; internal set; }
    /// <summary>Qualifiers, <c>static</c> (as a <see cref="KeywordSpecifier"/>) and attributes inside the brackets.</summary>
    public Specifier[] Qualifiers { get; internal set; } = Array.Empty<Specifier>();
    public bool IsStatic { get; internal set; }
    /// <summary><c>[*]</c>: a variable length array of unspecified size.</summary>
    public bool IsStar { get; internal set; }
    public Expression? Size { get; internal set; }
    public int OpenBracketToken { get; internal set; }
    public override Declarator? InnerDeclarator => Inner;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        Add(sink, Inner);
        AddRange(sink, Qualifiers);
        Add(sink, Size);
    }
}
