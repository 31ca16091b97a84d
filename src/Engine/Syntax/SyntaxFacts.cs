namespace KlpCcp.Engine.Syntax;

public static class SyntaxFacts
{
    public static bool IsAssignment(BinaryOperator op) => op >= BinaryOperator.Assign && op <= BinaryOperator.OrAssign;

    public static string Spell(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => "*", BinaryOperator.Divide => "/", BinaryOperator.Remainder => "%",
        BinaryOperator.Add => "+", BinaryOperator.Subtract => "-",
        BinaryOperator.ShiftLeft => "<<", BinaryOperator.ShiftRight => ">>",
        BinaryOperator.Less => "<", BinaryOperator.Greater => ">", BinaryOperator.LessOrEqual => "<=", BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==", BinaryOperator.NotEqual => "!=",
        BinaryOperator.BitwiseAnd => "&", BinaryOperator.BitwiseXor => "^", BinaryOperator.BitwiseOr => "|",
        BinaryOperator.LogicalAnd => "&&", BinaryOperator.LogicalOr => "||",
        BinaryOperator.Assign => "=", BinaryOperator.MultiplyAssign => "*=", BinaryOperator.DivideAssign => "/=",
        BinaryOperator.RemainderAssign => "%=", BinaryOperator.AddAssign => "+=", BinaryOperator.SubtractAssign => "-=",
        BinaryOperator.ShiftLeftAssign => "<<=", BinaryOperator.ShiftRightAssign => ">>=",
        BinaryOperator.AndAssign => "&=", BinaryOperator.XorAssign => "^=", BinaryOperator.OrAssign => "|=",
        BinaryOperator.Comma => ",",
        _ => "?",
    };

    public static string Spell(UnaryOperator op) => op switch
    {
        UnaryOperator.Plus => "+", UnaryOperator.Minus => "-", UnaryOperator.LogicalNot => "!", UnaryOperator.BitwiseNot => "~",
        UnaryOperator.Dereference => "*", UnaryOperator.AddressOf => "&",
        UnaryOperator.PreIncrement => "++", UnaryOperator.PreDecrement => "--",
        UnaryOperator.PostIncrement => "post++", UnaryOperator.PostDecrement => "post--",
        UnaryOperator.Real => "__real__", UnaryOperator.Imag => "__imag__", UnaryOperator.Extension => "__extension__",
        _ => "?",
    };

    public static bool IsStorageClass(Keyword k) => k is >= Keyword.Typedef and <= Keyword.ThreadLocal;
    public static bool IsFunctionSpecifier(Keyword k) => k is Keyword.Inline or Keyword.Noreturn;
    public static bool IsTypeQualifier(Keyword k) => k is >= Keyword.Const and <= Keyword.SegGs;
    /// <summary>Keywords that are a type specifier by themselves (not struct/union/enum/typeof).</summary>
    public static bool IsSimpleTypeSpecifier(Keyword k) => k is >= Keyword.Void and <= Keyword.AutoType;
}
