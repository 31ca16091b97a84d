namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// A total order over the unit's tokens and recorded directives, in the order the preprocessor
/// met them: a directive recorded after k tokens were produced (output index k) comes after
/// token k-1 and before token k; directives between the same two tokens are ordered by their
/// sequence number. Locations cannot serve: an included file's locations are all larger than
/// the including file's, whatever came after the #include.
/// </summary>
internal static class InputOrder
{
    public static long OfToken(int token) => ((long)token << 32) | uint.MaxValue;

    public static long OfDirective(int outputIndex, int sequence) => ((long)outputIndex << 32) | (uint)sequence;
}
