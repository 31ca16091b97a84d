namespace KlpCcp.Engine.Syntax;

/// <summary>The root: external declarations in order, and the #pragma directives met while parsing.</summary>
public sealed class TranslationUnit : SyntaxNode
{
    public TranslationUnit() : base(SyntaxKind.TranslationUnit) { }

    public ExternalDeclaration[] Declarations { get; internal set; } = Array.Empty<ExternalDeclaration>();
    /// <summary>Every passed-through <c>#pragma</c> in token order (semantic analysis applies <c>#pragma pack</c> from these).</summary>
    public PragmaDirective[] Pragmas { get; internal set; } = Array.Empty<PragmaDirective>();

    /// <summary>The semantic model that owns the nodes' slots (the last one built from this tree).</summary>
    internal object? SemanticOwner;

    public override void AppendChildren(List<SyntaxNode> sink) => AddRange(sink, Declarations);
}
