using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>A typedef name.</summary>
public sealed class TypedefSymbol : Symbol
{
    internal TypedefSymbol(string name, int nameId, TypedefType type) : base(SymbolKind.Typedef, name, nameId) => TypedefType = type;

    public TypedefType TypedefType { get; internal set; }
    public override QualifiedType Type => new(TypedefType);
    /// <summary>The declaration (an <see cref="InitDeclarator"/>), null for a builtin typedef.</summary>
    public InitDeclarator? Declarator { get; internal set; }
    /// <summary>The <see cref="Declaration"/> holding it.</summary>
    public Declaration? Declaration { get; internal set; }
}
