using System.Runtime.CompilerServices;

namespace KlpCcp.Engine.Preprocessing;

/// <summary>Character classes for the lexer (Latin-1 chars, i.e. bytes).</summary>
internal static class CharInfo
{
    public const byte IdStart = 1;   // letters, '_', '$', bytes >= 0x80 (UTF-8 identifiers)
    public const byte Digit = 2;
    public const byte HSpace = 4;    // ' ' '\t' '\f' '\v' '\0'
    public const byte Newline = 8;   // '\n' '\r'
    public const byte IdChar = IdStart | Digit;

    private static readonly byte[] Table = Build();

    private static byte[] Build()
    {
        var t = new byte[256];
        for (int c = 'a'; c <= 'z'; c++) t[c] |= IdStart;
        for (int c = 'A'; c <= 'Z'; c++) t[c] |= IdStart;
        t['_'] |= IdStart;
        t['$'] |= IdStart;
        for (int c = 0x80; c < 256; c++) t[c] |= IdStart;
        for (int c = '0'; c <= '9'; c++) t[c] |= Digit;
        t[' '] |= HSpace; t['\t'] |= HSpace; t['\f'] |= HSpace; t['\v'] |= HSpace; t['\0'] |= HSpace;
        t['\n'] |= Newline; t['\r'] |= Newline;
        return t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Is(char c, byte cls) => c < 256 && (Table[c] & cls) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIdChar(char c) => c < 256 && (Table[c] & IdChar) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIdStart(char c) => c < 256 && (Table[c] & IdStart) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHSpace(char c) => c < 256 && (Table[c] & HSpace) != 0;
}
