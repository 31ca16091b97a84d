namespace KlpCcp.Engine.Syntax;

public enum UnaryOperator : byte
{
    Plus,          // +x
    Minus,         // -x
    LogicalNot,    // !x
    BitwiseNot,    // ~x
    Dereference,   // *x
    AddressOf,     // &x
    PreIncrement,  // ++x
    PreDecrement,  // --x
    PostIncrement, // x++
    PostDecrement, // x--
    Real,          // __real__ x
    Imag,          // __imag__ x
    Extension,     // __extension__ x
}
