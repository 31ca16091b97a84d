using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.LivePatch.Model;

/// <summary>One declarator of an external declaration (or the declarator of a function definition) and what it needs.</summary>
public sealed class DeclaratorItem
{
    public DeclaratorItem(ExternalItem owner, int index, SyntaxNode node, Declarator? declarator, Symbol? symbol, Semantics.Analysis.DeclarationRecord? record)
    {
        Owner = owner;
        Index = index;
        Node = node;
        Declarator = declarator;
        Symbol = symbol;
        Record = record;
    }

    public ExternalItem Owner { get; }
    /// <summary>Index among the declaration's declarators.</summary>
    public int Index { get; }
    /// <summary>The <see cref="InitDeclarator"/> or the <see cref="FunctionDefinition"/>.</summary>
    public SyntaxNode Node { get; }
    public Declarator? Declarator { get; }
    public Symbol? Symbol { get; }
    public Semantics.Analysis.DeclarationRecord? Record { get; }
    /// <summary>Types the declarator needs (array sizes, parameter types...).</summary>
    public List<Dependency> DeclaratorDeps { get; } = new();
    /// <summary>The initializer's dependencies (objects).</summary>
    public List<Dependency> InitializerDeps { get; } = new();
    public SyntaxNode? Initializer => (Node as InitDeclarator)?.Initializer;
}
