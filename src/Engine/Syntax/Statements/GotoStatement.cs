namespace KlpCcp.Engine.Syntax;

/// <summary><c>goto label ;</c>, or the computed <c>goto * expression ;</c> (<see cref="Target"/> set, <see cref="Label"/> -1).</summary>
public sealed class GotoStatement : Statement
{
    public GotoStatement() : base(SyntaxKind.GotoStatement) { }

    public int Label { get; internal set; } = -1;
    public int LabelToken { get; internal set; } = -1;
    public Expression? Target { get; internal set; }
    public bool IsComputed => Target is not null;

    public override void AppendChildren(List<SyntaxNode> sink) => Add(sink, Target);
}
