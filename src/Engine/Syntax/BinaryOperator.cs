namespace KlpCcp.Engine.Syntax;

/// <summary>Binary operators, assignments and the comma operator.</summary>
public enum BinaryOperator : byte
{
    Multiply, Divide, Remainder,
    Add, Subtract,
    ShiftLeft, ShiftRight,
    Less, Greater, LessOrEqual, GreaterOrEqual,
    Equal, NotEqual,
    BitwiseAnd, BitwiseXor, BitwiseOr,
    LogicalAnd, LogicalOr,
    // assignments
    Assign, MultiplyAssign, DivideAssign, RemainderAssign, AddAssign, SubtractAssign,
    ShiftLeftAssign, ShiftRightAssign, AndAssign, XorAssign, OrAssign,
    Comma,
}
