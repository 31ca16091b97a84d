namespace KlpCcp.Engine.Syntax;

/// <summary><c>case value : body</c> or the GNU range <c>case low ... high : body</c>.</summary>
public sealed class CaseStatement : Statement
{
    public CaseStatement() : base(SyntaxKind.CaseStatement) { }

    public Expression Value { get; internal set; } = null!;
    public Expression? RangeEnd { get; internal set; }
    public BlockItem? Body { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Value);
        Add(sink, RangeEnd);
        Add(sink, Body);
    }
}
