namespace KlpCcp.Engine.Syntax;

/// <summary><c>typeof ( type-name )</c> or <c>typeof ( expression )</c> (any spelling; also typeof_unqual).</summary>
public sealed class TypeofSpecifier : Specifier
{
    public TypeofSpecifier() : base(SyntaxKind.TypeofSpecifier) { }

    public bool IsUnqual { get; internal set; }
    public TypeName? Type { get; internal set; }
    public Expression? Expression { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        Add(sink, Type);
        Add(sink, Expression);
    }
}
