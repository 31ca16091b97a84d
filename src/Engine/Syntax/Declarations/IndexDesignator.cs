namespace KlpCcp.Engine.Syntax;

/// <summary><c>[index]</c> or the GNU range <c>[first ... last]</c>.</summary>
public sealed class IndexDesignator : Designator
{
    public IndexDesignator() : base(SyntaxKind.IndexDesignator) { }

    public Expression Index { get; internal set; } = null!;
    public Expression? RangeEnd { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Index);
        Add(sink, RangeEnd);
    }
}
