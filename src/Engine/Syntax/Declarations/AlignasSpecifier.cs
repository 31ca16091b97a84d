namespace KlpCcp.Engine.Syntax;

/// <summary><c>_Alignas ( type-name )</c> or <c>_Alignas ( constant-expression )</c>.</summary>
public sealed class AlignasSpecifier : Specifier
{
    public AlignasSpecifier() : base(SyntaxKind.AlignasSpecifier) { }

    public TypeName? Type { get; internal set; }
    public Expression? Expression { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        Add(sink, Type);
        Add(sink, Expression);
    }
}
