using KlpCcp.Engine.Semantics.Types;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>
/// What the analyzer found out about one expression. <see cref="Type"/> is the type as the
/// expression has it (an lvalue keeps its qualifiers, an array stays an array, a function
/// designator has function type); <see cref="ValueType"/> is the type after lvalue conversion
/// and array/function-to-pointer decay, i.e. the type of the value an operator would use.
/// </summary>
public struct ExpressionInfo
{
    public QualifiedType Type;
    public QualifiedType ValueType;
    public ExpressionFlags Flags;
    /// <summary>The symbol an identifier (or a chosen/selected/parenthesized identifier) denotes, else null.</summary>
    public Symbol? Symbol;
    /// <summary>For a member access, the <see cref="RecordMember"/>; otherwise analyzer-specific detail (may be null).</summary>
    public object? Detail;
    internal int ConstantIndex;
    /// <summary>_Generic: index of the selected association; __builtin_choose_expr: 1 or 2 (the chosen argument); else -1.</summary>
    public int Selected;

    public readonly bool IsLvalue => (Flags & ExpressionFlags.Lvalue) != 0;
    public readonly bool IsEvaluated => (Flags & ExpressionFlags.Evaluated) != 0;
    public readonly bool IsFunctionDesignator => (Flags & ExpressionFlags.FunctionDesignator) != 0;
    public readonly bool IsBitField => (Flags & ExpressionFlags.BitField) != 0;
    public readonly bool HasError => (Flags & ExpressionFlags.Error) != 0;
    public readonly bool IsIntegerConstant => (Flags & ExpressionFlags.IntegerConstant) != 0;
    public readonly bool IsFloatConstant => (Flags & ExpressionFlags.FloatConstant) != 0;
    public readonly bool IsNullPointerConstant => (Flags & ExpressionFlags.NullPointerConstant) != 0;
    public readonly bool HasSideEffects => (Flags & ExpressionFlags.SideEffects) != 0;
}
