namespace KlpCcp.Diff;

/// <summary>
/// A line of a text file with its own terminator: <c>"\n"</c>, <c>"\r\n"</c>, or <c>""</c> for
/// a last line without a newline. Keeping the terminator per line is what lets a patched file
/// keep its line endings and its missing final newline exactly.
/// </summary>
public readonly record struct TextLine(string Text, string Ending)
{
    public override string ToString() => Text + Ending;
}
