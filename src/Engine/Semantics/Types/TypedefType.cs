namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// A typedef name used as a type: sugar over <see cref="Underlying"/>, kept so later stages
/// see which typedef a declaration used. An <c>aligned</c> attribute on the typedef gives the
/// type a different alignment (which may also be smaller than the natural one, as gcc allows
/// for typedefs); an outer typedef's alignment overrides an inner one.
/// </summary>
public sealed class TypedefType : CType
{
    internal TypedefType(TypeContext context, string name, QualifiedType underlying, int? alignment) : base(context, TypeKind.Typedef)
    {
        Name = name;
        Underlying = underlying;
        Alignment = alignment;
        Canonical = underlying.Canonical;
    }

    public string Name { get; }
    public QualifiedType Underlying { get; }
    /// <summary>Alignment in bytes from <c>__attribute__((aligned(N)))</c> on the typedef, or null.</summary>
    public int? Alignment { get; }

    /// <summary>
    /// The declaration that introduced this typedef, for the semantic analyzer's bookkeeping
    /// (this component does not know the AST).
    /// </summary>
    public object? Declaration { get; set; }

    public override bool IsComplete => Underlying.IsComplete;
    public override bool IsVariablyModified => Underlying.Type.IsVariablyModified;
}
