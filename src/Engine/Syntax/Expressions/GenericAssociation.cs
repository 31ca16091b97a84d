namespace KlpCcp.Engine.Syntax;

/// <summary><c>type-name : expression</c>, or <c>default : expression</c> (<see cref="Type"/> null).</summary>
public sealed class GenericAssociation : SyntaxNode
{
    public GenericAssociation() : base(SyntaxKind.GenericAssociation) { }

    public TypeName? Type { get; internal set; }
    public bool IsDefault => Type is null;
    public Expression Value { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        Add(sink, Type);
        sink.Add(Value);
    }
}
