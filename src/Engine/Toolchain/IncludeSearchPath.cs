namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// gcc's resolved include search configuration (incpath.cc): one chain of directories,
/// <c>-iquote</c> dirs, then <c>-I</c>, <c>-isystem</c>, the default system dirs and
/// <c>-idirafter</c>, with gcc's duplicate removal. <c>#include "f"</c> searches the
/// including file's directory (unless <c>-I-</c>) and then <see cref="QuoteChain"/>;
/// <c>#include &lt;f&gt;</c> searches <see cref="BracketChain"/>; <c>#include_next</c>
/// continues in <see cref="Directories"/> after the directory the current file was found in.
/// Directories are kept as written (relative ones resolve against the working directory);
/// unlike gcc, nonexistent directories are not dropped, which changes no lookup.
/// </summary>
public sealed class IncludeSearchPath
{
    private IncludeSearchPath(IReadOnlyList<IncludeDirectory> directories, int bracketStart, bool searchIncludingFileDirectory,
        string? implicitPreinclude, IReadOnlyList<string> defaults)
    {
        Directories = directories;
        BracketStart = bracketStart;
        SearchIncludingFileDirectory = searchIncludingFileDirectory;
        ImplicitPreinclude = implicitPreinclude;
        DefaultSystemDirectories = defaults;
    }

    /// <summary>The whole chain in search order: quote-only dirs first, then the bracket chain.</summary>
    public IReadOnlyList<IncludeDirectory> Directories { get; }

    /// <summary>Index in <see cref="Directories"/> where the <c>&lt;f&gt;</c> chain starts.</summary>
    public int BracketStart { get; }

    /// <summary>Directories searched for <c>"f"</c> after the including file's own directory.</summary>
    public IEnumerable<IncludeDirectory> QuoteChain => Directories;

    /// <summary>Directories searched for <c>&lt;f&gt;</c>.</summary>
    public IEnumerable<IncludeDirectory> BracketChain => Directories.Skip(BracketStart);

    /// <summary>False with <c>-I-</c>: <c>"f"</c> does not look in the including file's directory.</summary>
    public bool SearchIncludingFileDirectory { get; }

    /// <summary>
    /// The header gcc pre-includes before the <c>-include</c> files when hosted and without
    /// -nostdinc (glibc targets: <c>stdc-predef.h</c>), searched like <c>&lt;f&gt;</c> and silently
    /// skipped if absent; null when there is none. gcc reads <c>-imacros</c> files before it.
    /// </summary>
    public string? ImplicitPreinclude { get; }

    /// <summary>The compiler's built-in system directories in use (empty with -nostdinc).</summary>
    public IReadOnlyList<string> DefaultSystemDirectories { get; }

    /// <summary>A chain given directly (tests, tools that are not driven by a gcc command line).</summary>
    public static IncludeSearchPath FromDirectories(IReadOnlyList<IncludeDirectory> directories, int bracketStart,
        bool searchIncludingFileDirectory = true, string? implicitPreinclude = null) =>
        new(directories, bracketStart, searchIncludingFileDirectory, implicitPreinclude, []);

    public static readonly IncludeSearchPath Empty = FromDirectories([], 0);

    /// <summary>Index of the first directory to search for <c>#include_next</c> from a file found in <paramref name="foundIn"/>.</summary>
    public int NextSearchIndex(int foundIn) => foundIn + 1;

    /// <summary>
    /// Builds the chain for <paramref name="inv"/>. <paramref name="workingDirectory"/>
    /// (default: the process's) only serves to recognise the same directory spelled twice.
    /// </summary>
    public static IncludeSearchPath Create(CompilerSpec spec, CompilerInvocation inv, string? workingDirectory = null)
    {
        var cwd = workingDirectory ?? Environment.CurrentDirectory;
        var defaults = inv.NoStdInc ? [] : DefaultDirectories(spec, inv.SysRoot);

        var quote = inv.QuoteDirs.Select(d => new IncludeDirectory(d, IncludeDirectoryOrigin.Quote)).ToList();
        var bracket = inv.BracketDirs.Select(d => new IncludeDirectory(d, IncludeDirectoryOrigin.Bracket)).ToList();
        var system = inv.SystemDirs.Select(d => new IncludeDirectory(d, IncludeDirectoryOrigin.System))
            .Concat(defaults.Select(d => new IncludeDirectory(d, IncludeDirectoryOrigin.Default)))
            .Concat(inv.AfterDirs.Select(d => new IncludeDirectory(d, IncludeDirectoryOrigin.After)))
            .ToList();

        // merge_include_chains: dedupe SYSTEM(+AFTER) in itself; BRACKET against itself and
        // SYSTEM; QUOTE against itself and SYSTEM (and a last quote dir equal to the first
        // of the chain it joins)
        system = RemoveDuplicates(system, [], null, cwd);
        bracket = RemoveDuplicates(bracket, system, system.FirstOrDefault(), cwd);
        var afterQuote = bracket.Count > 0 ? bracket[0] : system.FirstOrDefault();
        quote = RemoveDuplicates(quote, system, afterQuote, cwd);

        var all = new List<IncludeDirectory>(quote.Count + bracket.Count + system.Count);
        all.AddRange(quote);
        all.AddRange(bracket);
        all.AddRange(system);
        var preinclude = !inv.NoStdInc && IsHosted(inv) ? "stdc-predef.h" : null;
        return new IncludeSearchPath(all, quote.Count, !inv.QuoteIgnoresSourceDir, preinclude, defaults);
    }

    /// <summary>
    /// The machine gcc's built-in directories in gcc's order (Debian's layout, as
    /// <c>gcc -xc -E -v /dev/null</c> lists them); the sysroot prefixes all but gcc's own.
    /// </summary>
    public static IReadOnlyList<string> DefaultDirectories(CompilerSpec spec, string? sysRoot = null)
    {
        var triple = CompilerSpec.ArchName(spec.Arch) + "-linux-gnu";
        // Debian names gcc's private directory by major version since gcc 5, by MAJ.MIN before
        var gccDir = spec.Major >= 5 ? spec.Major.ToString() : $"{spec.Major}.{spec.Minor}";
        var root = sysRoot?.TrimEnd('/') ?? "";
        return
        [
            $"/usr/lib/gcc/{triple}/{gccDir}/include",
            $"{root}/usr/local/include",
            $"{root}/usr/include/{triple}",
            $"{root}/usr/include",
        ];
    }

    private static bool IsHosted(CompilerInvocation inv)
    {
        var hosted = true;
        foreach (var o in inv.Options)
        {
            if (o.Name is "-ffreestanding" or "-fno-hosted") hosted = false;
            else if (o.Name is "-fhosted" or "-fno-freestanding") hosted = true;
        }
        return hosted;
    }

    private static List<IncludeDirectory> RemoveDuplicates(List<IncludeDirectory> chain, List<IncludeDirectory> system, IncludeDirectory? join, string cwd)
    {
        var systemKeys = system.Select(d => Key(d.Path, cwd)).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IncludeDirectory>(chain.Count);
        for (var i = 0; i < chain.Count; i++)
        {
            var key = Key(chain[i].Path, cwd);
            // a non-system directory that duplicates a system directory is dropped
            if (systemKeys.Contains(key)) continue;
            if (!seen.Add(key)) continue;
            if (i == chain.Count - 1 && join is not null && Key(join.Path, cwd) == key) continue;
            result.Add(chain[i]);
        }
        return result;
    }

    private static string Key(string dir, string cwd)
    {
        var full = Path.GetFullPath(Path.Combine(cwd, dir));
        return full.Length > 1 ? full.TrimEnd('/') : full;
    }
}
