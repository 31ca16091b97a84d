namespace KlpCcp.Engine.Syntax;

/// <summary><c>asm ( "symbol" )</c> after a declarator.</summary>
public sealed class AsmLabel : SyntaxNode
{
    public AsmLabel() : base(SyntaxKind.AsmLabel) { }

    public StringLiteral Name { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink) => sink.Add(Name);
}
