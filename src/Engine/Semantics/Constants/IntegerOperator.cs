namespace KlpCcp.Engine.Semantics.Constants;

/// <summary>The binary C operators on integer constants.</summary>
public enum IntegerOperator : byte
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    ShiftLeft,
    ShiftRight,
    BitAnd,
    BitOr,
    BitXor,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    Equal,
    NotEqual,
    LogicalAnd,
    LogicalOr,
}
