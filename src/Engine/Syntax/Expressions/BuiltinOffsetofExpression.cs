namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>__builtin_offsetof ( type-name , member designator )</c>: the designator is a
/// <see cref="FieldDesignator"/> followed by field and index designators (<c>a.b[i].c</c>).
/// </summary>
public sealed class BuiltinOffsetofExpression : Expression
{
    public BuiltinOffsetofExpression() : base(SyntaxKind.BuiltinOffsetofExpression) { }

    public TypeName Type { get; internal set; } = null!;
    public Designator[] Designators { get; internal set; } = Array.Empty<Designator>();

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Type);
        AddRange(sink, Designators);
    }
}
