using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>An enumeration constant and the enum (tag) it belongs to.</summary>
public sealed class EnumeratorSymbol : Symbol
{
    internal EnumeratorSymbol(string name, int nameId, Enumerator enumerator, TagSymbol tag, EnumeratorDeclaration node)
        : base(SymbolKind.Enumerator, name, nameId)
    {
        Enumerator = enumerator;
        Tag = tag;
        Node = node;
    }

    public Enumerator Enumerator { get; }
    public TagSymbol Tag { get; }
    public EnumType Enum => (EnumType)Tag.TagType;
    public EnumeratorDeclaration Node { get; }
    /// <summary>The enumerator's type (int, or the enum after its closing brace when the value does not fit int).</summary>
    public override QualifiedType Type => Enumerator.Type;
}
