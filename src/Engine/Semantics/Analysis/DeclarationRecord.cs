using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>
/// One declaration of an object or function (a link of its linkage chain), in source order.
/// <see cref="Node"/> is the <see cref="InitDeclarator"/>, <see cref="FunctionDefinition"/> or
/// <see cref="ParameterDeclaration"/>; <see cref="Declarator"/> the declarator naming it.
/// </summary>
public sealed class DeclarationRecord
{
    internal DeclarationRecord(Symbol symbol, SyntaxNode node, Declarator? declarator, QualifiedType declaredType, QualifiedType typeAfter,
        DeclarationRecord? previousVisible, bool isFirst, bool isDefinition, bool isFileScope, Keyword storageClass)
    {
        Symbol = symbol;
        Node = node;
        Declarator = declarator;
        DeclaredType = declaredType;
        TypeAfter = typeAfter;
        PreviousVisible = previousVisible;
        IsFirst = isFirst;
        IsDefinition = isDefinition;
        IsFileScope = isFileScope;
        StorageClass = storageClass;
    }

    public Symbol Symbol { get; }
    public SyntaxNode Node { get; }
    public Declarator? Declarator { get; }
    /// <summary>The type this declaration spells.</summary>
    public QualifiedType DeclaredType { get; }
    /// <summary>The entity's (composite) type after this declaration was merged with the earlier ones.</summary>
    public QualifiedType TypeAfter { get; }
    /// <summary>
    /// Linkage modifies this declaration's type: the composite type differs from what it spells
    /// (<c>extern int a[4]; int a[];</c> makes the second one <c>int[4]</c>).
    /// </summary>
    public bool TypeModifiedByLinkage => !TypeAfter.SameTypeAs(DeclaredType);
    /// <summary>The earlier declaration of the same entity that was visible here (null if none).</summary>
    public DeclarationRecord? PreviousVisible { get; }
    /// <summary>First declaration of its linkage chain.</summary>
    public bool IsFirst { get; }
    /// <summary>
    /// A definition: a function with a body; an object with an initializer, a tentative
    /// definition (file scope, no <c>extern</c>, no initializer), or any block-scope non-<c>extern</c> object.
    /// </summary>
    public bool IsDefinition { get; }
    public bool IsFileScope { get; }
    /// <summary>The storage-class keyword written (<see cref="Keyword.None"/> if none).</summary>
    public Keyword StorageClass { get; }
    /// <summary>Index of this declaration in its symbol's list.</summary>
    public int Index { get; internal set; }
}
