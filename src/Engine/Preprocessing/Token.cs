using System.Runtime.InteropServices;

namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// One preprocessing token, 16 bytes, kept in arrays rather than as objects.
/// <see cref="Text"/> is the interned spelling (identifiers, numbers, literals, others;
/// 0 for punctuators, whose spelling follows from the kind). <see cref="Loc"/> is where the
/// token was spelled (a file, or scratch space for synthesized tokens). <see cref="Expansion"/>
/// is the macro invocation that produced the token (0: it came straight from a file).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct Token
{
    public TokenKind Kind;
    public TokenFlags Flags;
    public int Text;
    public int Loc;
    public int Expansion;

    public Token(TokenKind kind, TokenFlags flags, int text, int loc, int expansion = 0)
    {
        Kind = kind;
        Flags = flags;
        Text = text;
        Loc = loc;
        Expansion = expansion;
    }

    public readonly bool Has(TokenFlags f) => (Flags & f) != 0;
    public readonly bool IsIdentifier => Kind == TokenKind.Identifier;

    public override readonly string ToString() => $"{Kind}#{Text}@{Loc}";
}
