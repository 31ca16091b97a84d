using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>A function: linkage, declarations in order, its definition, and the inline flavours.</summary>
public sealed class FunctionSymbol : Symbol
{
    internal readonly List<DeclarationRecord> DeclarationList = new(2);
    internal readonly List<ObjectSymbol> LocalStaticList = new();
    private QualifiedType _type;

    internal FunctionSymbol(string name, int nameId, QualifiedType type) : base(SymbolKind.Function, name, nameId) => _type = type;

    /// <summary>The composite function type of the declarations seen.</summary>
    public override QualifiedType Type => _type;
    internal void SetType(QualifiedType t) => _type = t;
    public FunctionType FunctionType => (FunctionType)_type.CanonicalType;

    public Linkage Linkage { get; internal set; }
    public IReadOnlyList<DeclarationRecord> Declarations => DeclarationList;
    /// <summary>The definition (the declaration record of the <see cref="FunctionDefinition"/>), or null.</summary>
    public DeclarationRecord? Definition { get; internal set; }
    public FunctionDefinition? DefinitionNode => Definition?.Node as FunctionDefinition;
    /// <summary>Some declaration has <c>inline</c>.</summary>
    public bool IsInline { get; internal set; }
    /// <summary>Every declaration with <c>inline</c> at file scope is also <c>extern</c> (gnu89 "extern inline").</summary>
    public bool IsExternInline { get; internal set; }
    /// <summary><c>gnu_inline</c> on some declaration.</summary>
    public bool IsGnuInline { get; internal set; }
    /// <summary><c>always_inline</c> on some declaration.</summary>
    public bool IsAlwaysInline { get; internal set; }
    /// <summary><c>_Noreturn</c> or <c>noreturn</c>.</summary>
    public bool IsNoreturn { get; internal set; }
    /// <summary>Implicitly declared by a call (gcc's warning "implicit declaration of function").</summary>
    public bool IsImplicit { get; internal set; }
    /// <summary>A GNU nested function (defined inside another function's body).</summary>
    public bool IsNested { get; internal set; }
    /// <summary>The enclosing function of a nested function or of a block-scope declaration, else null.</summary>
    public FunctionSymbol? OwnerFunction { get; internal set; }
    /// <summary>The block-scope <c>static</c> objects of this function's body, in order.</summary>
    public IReadOnlyList<ObjectSymbol> LocalStatics => LocalStaticList;
    /// <summary>Type-generic or otherwise special builtin (<c>__builtin_add_overflow</c>, <c>__atomic_load_n</c>...): calls are typed by the analyzer.</summary>
    public bool IsTypeGeneric { get; internal set; }
    /// <summary>The <c>"…"</c> of <c>asm("…")</c> on a declaration, if any (the assembler name).</summary>
    public string? AsmLabel { get; internal set; }
}
