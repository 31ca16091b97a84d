namespace KlpCcp.Engine.Changes;

/// <summary>
/// Where an item of a unit is written: the file as the preprocessor named it, its first and last
/// line (1-based, inclusive; a macro invocation counts with its whole source range), and the
/// line and 0-based byte column of its name, for messages.
/// </summary>
public sealed record SourcePlace(string File, int FirstLine, int LastLine, int NameLine, int NameColumn)
{
    public bool Overlaps(int firstLine, int lastLine) => firstLine <= LastLine && lastLine >= FirstLine;

    public override string ToString() => $"{File}:{NameLine}:{NameColumn + 1}";
}
