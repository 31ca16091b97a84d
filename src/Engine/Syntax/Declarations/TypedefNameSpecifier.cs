namespace KlpCcp.Engine.Syntax;

/// <summary>
/// A typedef name used as type specifier. <see cref="IsUnknown"/>: an undeclared identifier
/// taken as a type name after "unknown type name" was reported.
/// </summary>
public sealed class TypedefNameSpecifier : Specifier
{
    public TypedefNameSpecifier() : base(SyntaxKind.TypedefNameSpecifier) { }

    public int Name { get; internal set; }
    public int Token => FirstToken;
    public bool IsUnknown { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
