namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// gcc's search chains: "..." includes search the including file's directory, then every
/// directory here from the start; &lt;...&gt; includes search from <see cref="BracketStart"/>
/// (the -iquote directories come first and are quote-only).
/// </summary>
public sealed class IncludeSearchPath
{
    public IncludeSearchPath(IReadOnlyList<IncludeDirectory> directories, int bracketStart)
    {
        Directories = directories;
        BracketStart = bracketStart;
    }

    public IReadOnlyList<IncludeDirectory> Directories { get; }
    public int BracketStart { get; }

    public static readonly IncludeSearchPath Empty = new(Array.Empty<IncludeDirectory>(), 0);
}
