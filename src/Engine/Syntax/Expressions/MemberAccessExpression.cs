namespace KlpCcp.Engine.Syntax;

/// <summary><c>base . member</c> or <c>base -> member</c>.</summary>
public sealed class MemberAccessExpression : Expression
{
    public MemberAccessExpression() : base(SyntaxKind.MemberAccessExpression) { }

    public Expression Base { get; internal set; } = null!;
    public bool IsArrow { get; internal set; }
    public int Member { get; internal set; }
    public int MemberToken { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink) => sink.Add(Base);
}
