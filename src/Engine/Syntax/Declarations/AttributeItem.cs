namespace KlpCcp.Engine.Syntax;

/// <summary>
/// One attribute: its name (an identifier or keyword such as <c>const</c>; for a C2x
/// <c>gnu::x</c> the prefix is in <see cref="Namespace"/>) and, when it has a parenthesized
/// argument list, the raw token range of the arguments (inside the parentheses, possibly
/// empty: <see cref="ArgumentsFirstToken"/> &gt; <see cref="ArgumentsLastToken"/>) and its parse as
/// expressions. <see cref="FirstArgumentIsIdentifier"/>: the first argument is a bare identifier
/// followed by ',' or ')' (gcc's identifier argument of <c>mode(QI)</c>, <c>format(printf, 1, 2)</c>,
/// <c>cleanup(f)</c>), kept as an <see cref="IdentifierExpression"/>. When the arguments are
/// not expressions (a C2x balanced token sequence) <see cref="Arguments"/> is empty and only the
/// range is kept.
/// </summary>
public sealed class AttributeItem : SyntaxNode
{
    public AttributeItem() : base(SyntaxKind.Attribute) { }

    public int Name { get; internal set; }
    public int NameToken { get; internal set; }
    public int Namespace { get; internal set; } = -1;
    public bool HasArguments { get; internal set; }
    public int ArgumentsFirstToken { get; internal set; } = -1;
    public int ArgumentsLastToken { get; internal set; } = -2;
    public bool FirstArgumentIsIdentifier { get; internal set; }
    public Expression[] Arguments { get; internal set; } = Array.Empty<Expression>();

    public override void AppendChildren(List<SyntaxNode> sink) => AddRange(sink, Arguments);
}
