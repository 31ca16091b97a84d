namespace KlpCcp.Engine.Syntax;

/// <summary>
/// <c>inner ( parameters )</c>. A prototype has <see cref="Parameters"/> (<c>(void)</c> is one
/// parameter whose specifiers are <c>void</c>), possibly <see cref="IsVariadic"/>; a K&amp;R
/// declarator has <see cref="IdentifierNames"/>; <c>()</c> has neither
/// (<see cref="IsPrototype"/> false).
/// </summary>
public sealed class FunctionDeclarator : Declarator
{
    public FunctionDeclarator() : base(SyntaxKind.FunctionDeclarator) { }

    public Declarator? Inner { get; internal set; }
    public int OpenParenToken { get; internal set; }
    public ParameterDeclaration[] Parameters { get; internal set; } = Array.Empty<ParameterDeclaration>();
    public bool IsVariadic { get; internal set; }
    /// <summary>K&amp;R identifier list (name ids), else null.</summary>
    public int[]? IdentifierNames { get; internal set; }
    public int[]? IdentifierTokens { get; internal set; }
    public bool IsPrototype => Parameters.Length > 0 || IsVariadic;
    public override Declarator? InnerDeclarator => Inner;

    public override void AppendChildren(List<SyntaxNode> sink)
    {
        Add(sink, Inner);
        AddRange(sink, Parameters);
    }
}
