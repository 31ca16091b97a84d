namespace KlpCcp.Engine.Syntax;

/// <summary><c>[name]? "constraint" ( expression )</c>.</summary>
public sealed class AsmOperand : SyntaxNode
{
    public AsmOperand() : base(SyntaxKind.AsmOperand) { }

    public int SymbolicName { get; internal set; } = -1;
    public int SymbolicNameToken { get; internal set; } = -1;
    public StringLiteral Constraint { get; internal set; } = null!;
    public Expression Value { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Constraint);
        sink.Add(Value);
    }
}
