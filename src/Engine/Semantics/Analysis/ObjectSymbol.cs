using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>An object (variable or parameter) with its linkage, storage duration and declarations.</summary>
public sealed class ObjectSymbol : Symbol
{
    internal readonly List<DeclarationRecord> DeclarationList = new(1);
    private QualifiedType _type;

    internal ObjectSymbol(string name, int nameId, QualifiedType type) : base(SymbolKind.Object, name, nameId) => _type = type;

    /// <summary>The composite type of the declarations seen (array sizes completed by an initializer).</summary>
    public override QualifiedType Type => _type;
    internal void SetType(QualifiedType t) => _type = t;

    public Linkage Linkage { get; internal set; }
    public StorageDuration StorageDuration { get; internal set; }
    public bool IsParameter { get; internal set; }
    /// <summary>A block-scope <c>static</c> object (static storage, no linkage).</summary>
    public bool IsLocalStatic => StorageDuration != StorageDuration.Automatic && Linkage == Linkage.None && !IsFileScope;
    /// <summary>The function whose body (or parameter list) declares this object; null at file scope.</summary>
    public FunctionSymbol? OwnerFunction { get; internal set; }
    /// <summary>All declarations in source order (file scope and block-scope <c>extern</c>).</summary>
    public IReadOnlyList<DeclarationRecord> Declarations => DeclarationList;
    /// <summary>The declaration with an initializer, else the first tentative definition; null if only declared.</summary>
    public DeclarationRecord? Definition { get; internal set; }
    /// <summary>The initializer of <see cref="Definition"/> (an expression or an initializer list), if any.</summary>
    public SyntaxNode? Initializer { get; internal set; }
    /// <summary>Declared with <c>register</c>.</summary>
    public bool IsRegister { get; internal set; }
    /// <summary>Alignment in bytes requested by <c>aligned</c>/<c>_Alignas</c> on a declaration, if any.</summary>
    public int? RequestedAlignment { get; internal set; }
}
