namespace KlpCcp.Engine.Syntax;

/// <summary>
/// C keywords, canonical: the GNU alternate spellings (<c>__const__</c>, <c>__asm__</c>,
/// <c>__signed</c>…) map to the same value; the token keeps the spelling.
/// </summary>
public enum Keyword : byte
{
    None,
    // storage classes
    Typedef, Extern, Static, Auto, Register, ThreadLocal,
    // function specifiers
    Inline, Noreturn,
    // qualifiers
    Const, Volatile, Restrict, Atomic, SegFs, SegGs,
    // type specifiers
    Void, Char, Short, Int, Long, Float, Double, Signed, Unsigned, Bool, Complex, Imaginary,
    Int128, Float16, Float32, Float64, Float128, Float32x, Float64x, Float128x,
    Decimal32, Decimal64, Decimal128, AutoType,
    Struct, Union, Enum, Typeof, TypeofUnqual,
    // others
    Alignas, Alignof, Attribute, Asm, Extension, Label, Real, Imag, Sizeof, Generic, StaticAssert,
    BuiltinVaArg, BuiltinOffsetof, BuiltinTypesCompatibleP, BuiltinConvertVector,
    // statements
    Break, Case, Continue, Default, Do, Else, For, Goto, If, Return, Switch, While,
}
