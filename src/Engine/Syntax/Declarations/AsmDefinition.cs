namespace KlpCcp.Engine.Syntax;

/// <summary>A file-scope <c>asm ( "text" ) ;</c>.</summary>
public sealed class AsmDefinition : ExternalDeclaration
{
    public AsmDefinition() : base(SyntaxKind.AsmDefinition) { }

    /// <summary>Qualifier keyword tokens (gcc rejects most at file scope, but they are kept).</summary>
    public int[] QualifierTokens { get; internal set; } = Array.Empty<int>();
    public StringLiteral Text { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink) => sink.Add(Text);
}
