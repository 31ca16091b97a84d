namespace KlpCcp.Engine.Syntax;

/// <summary><c>_Generic ( controlling , associations )</c>.</summary>
public sealed class GenericSelection : Expression
{
    public GenericSelection() : base(SyntaxKind.GenericSelection) { }

    public Expression Controlling { get; internal set; } = null!;
    public GenericAssociation[] Associations { get; internal set; } = Array.Empty<GenericAssociation>();

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Controlling);
        AddRange(sink, Associations);
    }
}
