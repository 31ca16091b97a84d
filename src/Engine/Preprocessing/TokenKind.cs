namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// Preprocessing token kinds. The operator order follows gcc's cpplib (cpp_ttype) because the
/// output spacing rules (<see cref="TokenSpelling.AvoidPaste"/>) rely on it: every kind up to
/// <see cref="LastEq"/> forms a new operator when followed by '='.
/// </summary>
public enum TokenKind : ushort
{
    Eq,          // =
    Not,         // !
    Greater,     // >
    Less,        // <
    Plus,        // +
    Minus,       // -
    Mult,        // *
    Div,         // /
    Mod,         // %
    And,         // &
    Or,          // |
    Xor,         // ^
    RShift,      // >>
    LShift,      // <<
    LastEq = LShift,

    Compl,       // ~
    AndAnd,      // &&
    OrOr,        // ||
    Query,       // ?
    Colon,       // :
    Comma,       // ,
    OpenParen,   // (
    CloseParen,  // )
    EqEq,        // ==
    NotEq,       // !=
    GreaterEq,   // >=
    LessEq,      // <=
    PlusEq,      // +=
    MinusEq,     // -=
    MultEq,      // *=
    DivEq,       // /=
    ModEq,       // %=
    AndEq,       // &=
    OrEq,        // |=
    XorEq,       // ^=
    RShiftEq,    // >>=
    LShiftEq,    // <<=
    Hash,        // #
    Paste,       // ##
    OpenSquare,  // [
    CloseSquare, // ]
    OpenBrace,   // {
    CloseBrace,  // }
    Semicolon,   // ;
    Ellipsis,    // ...
    PlusPlus,    // ++
    MinusMinus,  // --
    Deref,       // ->
    Dot,         // .
    Scope,       // :: (only where the dialect has it)
    LastPunctuator = Scope,

    Identifier,
    Number,
    CharConst,   // 'a'
    WCharConst,  // L'a'
    Char16Const, // u'a'
    Char32Const, // U'a'
    Utf8CharConst, // u8'a'
    Other,       // a stray character
    String,      // "a"
    WString,     // L"a"
    String16,    // u"a"
    String32,    // U"a"
    Utf8String,  // u8"a"
    HeaderName,  // <a.h> in #include
    /// <summary>A directive passed on to the compiler (#pragma, #ident, _Pragma); Text is its spelling without the '#'.</summary>
    Directive,

    /// <summary>A macro body's reference to parameter number <see cref="Token.Text"/>.</summary>
    MacroArg,
    /// <summary>gcc's padding token: only influences output spacing.</summary>
    Padding,
    /// <summary>End of a directive line.</summary>
    EndOfDirective,
    EndOfFile,
}
