namespace KlpCcp.Engine.Semantics.Types;

/// <summary>A GNU vector type (<c>__attribute__((vector_size(N)))</c>): <see cref="Count"/> elements of an integer or real floating type.</summary>
public sealed class VectorType : CType
{
    internal VectorType(TypeContext context, CType element, int count, int byteSize) : base(context, TypeKind.Vector)
    {
        Element = element;
        Count = count;
        ByteSize = byteSize;
    }

    /// <summary>The canonical, unqualified element type.</summary>
    public CType Element { get; }
    public int Count { get; }
    public int ByteSize { get; }

    internal void SetCanonical(QualifiedType canonical) => Canonical = canonical;
}
