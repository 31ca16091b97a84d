using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>
/// A struct, union or enum tag (one per tag declaration that introduces a new type; anonymous
/// definitions get one too, with an empty name). Knows every mention in source order.
/// </summary>
public sealed class TagSymbol : Symbol
{
    internal readonly List<TagMention> MentionList = new(2);

    internal TagSymbol(string name, int nameId, CType type) : base(SymbolKind.Tag, name, nameId) => TagType = type;

    /// <summary>The <see cref="RecordType"/> or <see cref="EnumType"/> (completed in place when defined).</summary>
    public CType TagType { get; }
    public override QualifiedType Type => new(TagType);
    public bool IsAnonymous => Name.Length == 0;
    public bool IsUnion => TagType.Kind == TypeKind.Union;
    public bool IsEnum => TagType.Kind == TypeKind.Enum;
    public IReadOnlyList<TagMention> Mentions => MentionList;
    /// <summary>The defining specifier, or null while the tag is incomplete.</summary>
    public Specifier? Definition { get; internal set; }
    public bool IsDefined => Definition is not null;
    /// <summary>The function in whose body (or parameter list) the tag is declared; null at file scope.</summary>
    public FunctionSymbol? OwnerFunction { get; internal set; }
}
