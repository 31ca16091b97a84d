using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>One struct/union/enum specifier that names (or defines) a tag.</summary>
public sealed class TagMention
{
    internal TagMention(TagSymbol tag, Specifier specifier, TagUseKind use, bool isStandalone, bool isFileScope, Specifier? enclosingDefinition, FunctionSymbol? function)
    {
        Tag = tag;
        Specifier = specifier;
        Use = use;
        IsStandalone = isStandalone;
        IsFileScope = isFileScope;
        EnclosingDefinition = enclosingDefinition;
        Function = function;
    }

    public TagSymbol Tag { get; }
    /// <summary>The <see cref="StructSpecifier"/> or <see cref="EnumSpecifier"/>.</summary>
    public Specifier Specifier { get; }
    public TagUseKind Use { get; }
    /// <summary>A stand-alone <c>struct X;</c> (the declaration declares nothing else).</summary>
    public bool IsStandalone { get; }
    /// <summary>The mention is at file scope (outside any function body and parameter list).</summary>
    public bool IsFileScope { get; }
    /// <summary>The innermost enclosing tag definition when the mention is nested in one, else null.</summary>
    public Specifier? EnclosingDefinition { get; }
    public bool IsNestedInTagDefinition => EnclosingDefinition is not null;
    /// <summary>The function whose body or declarator holds the mention, if any.</summary>
    public FunctionSymbol? Function { get; }
}
