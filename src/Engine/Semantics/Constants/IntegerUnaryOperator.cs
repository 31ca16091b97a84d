namespace KlpCcp.Engine.Semantics.Constants;

/// <summary>The unary C operators on integer constants.</summary>
public enum IntegerUnaryOperator : byte
{
    Plus,
    Negate,
    BitNot,
    LogicalNot,
}
