namespace KlpCcp.Engine.Semantics.Types;

/// <summary><c>void</c>: an incomplete object type that cannot be completed.</summary>
public sealed class VoidType : CType
{
    internal VoidType(TypeContext context) : base(context, TypeKind.Void) => SetCanonicalToSelf();

    public override bool IsComplete => false;
}
