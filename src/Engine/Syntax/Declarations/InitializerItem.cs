namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>designators = value</c> or just <c>value</c> (an <see cref="Expression"/> or a nested
/// <see cref="InitializerList"/>). <see cref="IsGnuFieldColon"/>: the old GNU form <c>name: value</c>;
/// <see cref="HasEquals"/> false with designators: the obsolete <c>[i] value</c>.
/// </summary>
public sealed class InitializerItem : SyntaxNode
{
    public InitializerItem() : base(SyntaxKind.InitializerItem) { }

    public Designator[] Designators { get; internal set; } = Array.Empty<Designator>();
    public bool HasEquals { get; internal set; }
    public bool IsGnuFieldColon { get; internal set; }
    public SyntaxNode Value { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        AddRange(sink, Designators);
        sink.Add(Value);
    }
}
