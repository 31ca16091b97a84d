namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>asm qualifiers ( template : outputs : inputs : clobbers : labels ) ;</c>.
/// <see cref="Sections"/> counts the ':'-separated parts present after the template (0–4),
/// so <c>asm("" ::: "memory")</c> has 3 with empty outputs and inputs.
/// </summary>
public sealed class AsmStatement : Statement
{
    public AsmStatement() : base(SyntaxKind.AsmStatement) { }

    public bool IsVolatile { get; internal set; }
    public bool IsGoto { get; internal set; }
    public bool IsInline { get; internal set; }
    /// <summary>Qualifier keyword tokens in source order.</summary>
    public int[] QualifierTokens { get; internal set; } = Array.Empty<int>();
    public StringLiteral Template { get; internal set; } = null!;
    public int Sections { get; internal set; }
    public AsmOperand[] Outputs { get; internal set; } = Array.Empty<AsmOperand>();
    public AsmOperand[] Inputs { get; internal set; } = Array.Empty<AsmOperand>();
    public StringLiteral[] Clobbers { get; internal set; } = Array.Empty<StringLiteral>();
    public int[] Labels { get; internal set; } = Array.Empty<int>();
    public int[] LabelTokens { get; internal set; } = Array.Empty<int>();

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        sink.Add(Template);
        AddRange(sink, Outputs);
        AddRange(sink, Inputs);
        AddRange(sink, Clobbers);
    }
}
