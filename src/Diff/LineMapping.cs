namespace KlpCcp.Diff;

/// <summary>
/// Where a line went. For <see cref="LineFate.Unchanged"/>, <see cref="Line"/> is the same
/// line in the other file. Otherwise <see cref="Block"/> is the change it lies in, and
/// <see cref="Line"/> is where that change sits in the other file (the block's start there).
/// </summary>
public readonly record struct LineMapping(LineFate Fate, int Line, ChangeBlock? Block = null);
