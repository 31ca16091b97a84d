namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// The spelling locations of an argument's first and last token (both 0 for an empty
/// argument, whose position is then <see cref="SeparatorLoc"/>, the comma or parenthesis before it).
/// </summary>
public readonly record struct ArgumentRange(int FirstLoc, int LastLoc, int SeparatorLoc);
