namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>label : attributes? body</c>. The body is a statement, a declaration (C2x), or null
/// for a label at the end of a compound statement.
/// </summary>
public sealed class LabeledStatement : Statement
{
    public LabeledStatement() : base(SyntaxKind.LabeledStatement) { }

    public int Label { get; internal set; }
    public int LabelToken => FirstToken;
    public AttributeSpecifier[] Attributes { get; internal set; } = Array.Empty<AttributeSpecifier>();
    public BlockItem? Body { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        AddRange(sink, Attributes);
        Add(sink, Body);
    }
}
