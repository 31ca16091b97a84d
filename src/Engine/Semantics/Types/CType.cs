namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// A C type as gcc sees it. Types are created by, and belong to, one <see cref="TypeContext"/>
/// (one translation unit, one target). Derived types (pointers, arrays, functions) are
/// interned there, so their canonical forms can be compared by reference; struct, union and
/// enum types are nominal: one object per tag declaration, completed in place when the
/// definition is seen. Qualifiers live in <see cref="QualifiedType"/>, not here.
/// </summary>
public abstract class CType
{
    private protected CType(TypeContext context, TypeKind kind)
    {
        Context = context;
        Kind = kind;
    }

    public TypeContext Context { get; }
    public TypeKind Kind { get; }

    /// <summary>
    /// This type without typedef sugar. For a canonical type, the type itself without qualifiers;
    /// for a typedef, the canonical form of the named type (qualifiers included).
    /// </summary>
    public QualifiedType Canonical { get; private protected set; }

    /// <summary>True if this type contains no typedef sugar.</summary>
    public bool IsCanonical => ReferenceEquals(Canonical.Type, this);

    /// <summary>Complete object type (size known), C11 6.2.5p1. Function types are not complete.</summary>
    public virtual bool IsComplete => true;

    /// <summary>A VLA somewhere in the declarator chain (C11 6.7.6p3).</summary>
    public virtual bool IsVariablyModified => false;

    /// <summary>The type as gcc prints it.</summary>
    public override string ToString() => TypePrinter.Print(new QualifiedType(this));

    private protected void SetCanonicalToSelf() => Canonical = new QualifiedType(this);
}
