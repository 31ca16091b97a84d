using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.LivePatch.Model;

/// <summary>
/// One external declaration of the unit (file order): a declaration, a function definition,
/// a static assertion or a top-level asm, with the dependencies of its parts.
/// </summary>
public sealed class ExternalItem
{
    public ExternalItem(int index, ExternalDeclaration node)
    {
        Index = index;
        Node = node;
    }

    public int Index { get; }
    public ExternalDeclaration Node { get; }
    public int FirstToken => Node.FirstToken;
    public int LastToken => Node.LastToken;
    public DeclarationSpecifiers? Specifiers => Node switch
    {
        Declaration d => d.Specifiers,
        FunctionDefinition f => f.Specifiers,
        _ => null,
    };
    /// <summary>What the specifiers need (typedefs, tags), tag definitions inside them excluded.</summary>
    public List<Dependency> SpecifierDeps { get; } = new();
    public List<DeclaratorItem> Declarators { get; } = new();
    /// <summary>A function definition's body dependencies (its local statics' initializers included).</summary>
    public List<Dependency> BodyDeps { get; } = new();
    /// <summary>A static assertion's (or asm definition's) own dependencies.</summary>
    public List<Dependency> OtherDeps { get; } = new();
    /// <summary>The tag definitions spelled inside this item (outermost first).</summary>
    public List<Specifier> TagDefinitions { get; } = new();

    public bool IsFunctionDefinition => Node is FunctionDefinition;
}
