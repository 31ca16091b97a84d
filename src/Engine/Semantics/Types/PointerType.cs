namespace KlpCcp.Engine.Semantics.Types;

/// <summary>A pointer to <see cref="Pointee"/> (which keeps its qualifiers and typedef sugar).</summary>
public sealed class PointerType : CType
{
    internal PointerType(TypeContext context, QualifiedType pointee) : base(context, TypeKind.Pointer)
    {
        Pointee = pointee;
    }

    public QualifiedType Pointee { get; }

    public override bool IsVariablyModified => Pointee.Type.IsVariablyModified;

    internal void SetCanonical(QualifiedType canonical) => Canonical = canonical;
}
