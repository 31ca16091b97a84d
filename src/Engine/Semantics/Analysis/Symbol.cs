using KlpCcp.Engine.Semantics.Types;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>
/// An entity the translation unit declares: an object, a function, a typedef, an enumerator,
/// a struct/union/enum tag or a label. One symbol per entity: all declarations of an object or
/// function with linkage (file scope and block-scope <c>extern</c>) are bound to the same
/// symbol. <see cref="Id"/> is dense (0..<see cref="SemanticModel.Symbols"/>.Count-1), so
/// later stages can keep per-symbol data in arrays.
/// </summary>
public abstract class Symbol
{
    private protected Symbol(SymbolKind kind, string name, int nameId)
    {
        Kind = kind;
        Name = name;
        NameId = nameId;
    }

    public SymbolKind Kind { get; }
    /// <summary>The identifier ("" for an anonymous tag).</summary>
    public string Name { get; }
    /// <summary>The identifier's id in the unit's <c>NameTable</c>, or -1.</summary>
    public int NameId { get; }
    /// <summary>Dense index in <see cref="SemanticModel.Symbols"/>.</summary>
    public int Id { get; internal set; }
    /// <summary>Declared at file scope (for tags and typedefs: in the file scope's namespace).</summary>
    public bool IsFileScope { get; internal set; }
    /// <summary>Predeclared by the compiler (builtin functions, <c>__builtin_va_list</c>...), never declared in the unit.</summary>
    public bool IsBuiltin { get; internal set; }

    /// <summary>The symbol's type: the composite type of all its declarations so far for objects and functions.</summary>
    public abstract QualifiedType Type { get; }

    public override string ToString() => $"{Kind} {Name}";
}
