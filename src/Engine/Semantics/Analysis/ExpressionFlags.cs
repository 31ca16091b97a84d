namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>Facts about one analysed expression.</summary>
[Flags]
public enum ExpressionFlags : ushort
{
    None = 0,
    /// <summary>Designates an object (C11 6.3.2.1p1).</summary>
    Lvalue = 1,
    /// <summary>
    /// The expression is evaluated when the program runs: false inside <c>sizeof</c>/<c>_Alignof</c>/<c>typeof</c>
    /// operands (unless variably modified), in unselected <c>_Generic</c> associations and the controlling
    /// expression, in the unchosen <c>__builtin_choose_expr</c> operand, in the dead arm of <c>?:</c> with a
    /// constant condition, in the right operand of <c>&amp;&amp;</c>/<c>||</c> decided by a constant left
    /// operand, and in the operand of <c>__builtin_constant_p</c>.
    /// </summary>
    Evaluated = 2,
    /// <summary>Designates a function (converted to a pointer unless it is the operand of <c>&amp;</c>, <c>sizeof</c>...).</summary>
    FunctionDesignator = 4,
    /// <summary>Designates a bit-field member.</summary>
    BitField = 8,
    /// <summary>An error was reported in (or under) this expression; its type is a placeholder.</summary>
    Error = 16,
    /// <summary>Has an integer constant value (<see cref="SemanticModel.GetIntegerConstant"/>); for a pointer, the address as an integer.</summary>
    IntegerConstant = 32,
    /// <summary>Has a floating constant value (<see cref="SemanticModel.GetFloatConstant"/>).</summary>
    FloatConstant = 64,
    /// <summary>A null pointer constant (an integer constant 0, or one cast to <c>void *</c>).</summary>
    NullPointerConstant = 128,
    /// <summary>May have side effects (assignment, increment, call, volatile access...).</summary>
    SideEffects = 256,
    /// <summary>An lvalue whose address is a known integer (<c>((T *)0)-&gt;m</c>): the constant holds the address.</summary>
    KnownAddress = 512,
    /// <summary>A string literal (or a parenthesized one).</summary>
    StringLiteral = 1024,
}
