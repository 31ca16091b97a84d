namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// An array of <see cref="Element"/>. Fixed-size and incomplete arrays are interned by the
/// context; every VLA type is its own object (its length is a run-time value).
/// </summary>
public sealed class ArrayType : CType
{
    internal ArrayType(TypeContext context, QualifiedType element, ArraySizeKind sizeKind, long length, object? lengthExpression)
        : base(context, TypeKind.Array)
    {
        Element = element;
        SizeKind = sizeKind;
        Length = length;
        LengthExpression = lengthExpression;
    }

    public QualifiedType Element { get; }
    public ArraySizeKind SizeKind { get; }
    /// <summary>Number of elements for <see cref="ArraySizeKind.Fixed"/>; 0 otherwise.</summary>
    public long Length { get; }
    /// <summary>For a VLA, the size expression as the analyzer gave it (opaque here); null for <c>[*]</c>.</summary>
    public object? LengthExpression { get; }

    public bool IsFixed => SizeKind == ArraySizeKind.Fixed;
    public bool IsZeroLength => SizeKind == ArraySizeKind.Fixed && Length == 0;
    public bool IsVariable => SizeKind == ArraySizeKind.Variable;

    /// <summary>Incomplete if the length is unknown or the element type is incomplete.</summary>
    public override bool IsComplete => SizeKind != ArraySizeKind.Incomplete && Element.IsComplete;
    public override bool IsVariablyModified => SizeKind == ArraySizeKind.Variable || Element.Type.IsVariablyModified;

    internal void SetCanonical(QualifiedType canonical) => Canonical = canonical;
}
