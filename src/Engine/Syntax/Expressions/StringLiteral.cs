namespace KlpCcp.Engine.Syntax;

/// <summary>
/// One or more adjacent string literals, concatenated: the string tokens are those of kind
/// String* in [<see cref="SyntaxNode.FirstToken"/>, <see cref="SyntaxNode.LastToken"/>]
/// (passed-through directives may sit between them).
/// </summary>
public sealed class StringLiteral : Expression
{
    public StringLiteral() : base(SyntaxKind.StringLiteral) { }

    /// <summary>Number of string tokens.</summary>
    public int PieceCount { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
