namespace KlpCcp.Engine.Semantics.Types;

/// <summary><c>_Complex T</c> for a real floating T, or GNU <c>_Complex int</c> and friends.</summary>
public sealed class ComplexType : CType
{
    internal ComplexType(TypeContext context, CType element) : base(context, TypeKind.Complex)
    {
        Element = element;
        SetCanonicalToSelf();
    }

    /// <summary>The (canonical, unqualified) real or integer type of each part.</summary>
    public CType Element { get; }
}
