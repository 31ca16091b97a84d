namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// A function type. Prototyped: <see cref="Parameters"/> are the adjusted parameter types
/// (arrays and functions already turned into pointers by the caller), <c>(void)</c> is an
/// empty list. Unprototyped (<c>int f()</c>, K&amp;R): no parameter list; a K&amp;R
/// definition may record the promoted-or-not types of its parameters in
/// <see cref="OldStyleParameters"/> (gcc's TYPE_ACTUAL_ARG_TYPES), used only for a warning-level
/// compatibility check.
/// </summary>
public sealed class FunctionType : CType
{
    internal FunctionType(TypeContext context, QualifiedType returnType, IReadOnlyList<QualifiedType> parameters,
        bool isVariadic, bool isPrototyped, IReadOnlyList<QualifiedType>? oldStyleParameters)
        : base(context, TypeKind.Function)
    {
        ReturnType = returnType;
        Parameters = parameters;
        IsVariadic = isVariadic;
        IsPrototyped = isPrototyped;
        OldStyleParameters = oldStyleParameters;
    }

    public QualifiedType ReturnType { get; }
    public IReadOnlyList<QualifiedType> Parameters { get; }
    public bool IsVariadic { get; }
    public bool IsPrototyped { get; }
    public IReadOnlyList<QualifiedType>? OldStyleParameters { get; }

    /// <summary>Function types are never complete object types.</summary>
    public override bool IsComplete => false;

    public override bool IsVariablyModified
    {
        get
        {
            if (ReturnType.Type.IsVariablyModified) return true;
            foreach (var p in Parameters) if (p.Type.IsVariablyModified) return true;
            return false;
        }
    }

    internal void SetCanonical(QualifiedType canonical) => Canonical = canonical;
}
