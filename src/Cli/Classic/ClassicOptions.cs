using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Cli.Classic;

/// <summary>A well-formed classic invocation (SPEC 1.1, 1.2), ready to run.</summary>
public sealed record ClassicOptions
{
    /// <summary>The compiler of the original build (<c>-c/--compiler</c>).</summary>
    public required CompilerSpec Compiler { get; init; }

    /// <summary>The live patch to write (<c>-o/--outfile</c>), as given; see <see cref="ResolvedOutputFile"/>.</summary>
    public required string OutputFile { get; init; }

    /// <summary>Functions named by <c>-i/--patched-functions</c>: split at commas, trimmed, no empties, no duplicates, in order.</summary>
    public required IReadOnlyList<string> PatchedFunctions { get; init; }

    /// <summary>
    /// The policy to ask, composed and ready: names of <see cref="PatchedFunctions"/> are
    /// patched; each question goes to its policy command if given, else to the built-in policy;
    /// the yes/no questions are asked once per run (<see cref="CachingPolicy"/>).
    /// </summary>
    public required ILivePatchPolicy Policy { get; init; }

    /// <summary>The policy commands given (<c>-I -H -F -S -O -P -E -R</c>); questions without one are null.</summary>
    public required PolicyCommands PolicyCommands { get; init; }

    /// <summary>The built-in policy named by <c>--policy</c>, or null.</summary>
    public string? BuiltInPolicy { get; init; }

    /// <summary>The fact-store file of <c>--facts</c>, as given, or null (facts kept in memory).</summary>
    public string? FactsFile { get; init; }

    /// <summary>The original compiler command line without the program name.</summary>
    public required IReadOnlyList<string> CompilerArguments { get; init; }

    /// <summary>The folder relative paths (outfile, facts, policy commands) are resolved against.</summary>
    public required string WorkingDirectory { get; init; }

    public string ResolvedOutputFile => Path.GetFullPath(OutputFile, WorkingDirectory);

    public string? ResolvedFactsFile => FactsFile is null ? null : Path.GetFullPath(FactsFile, WorkingDirectory);
}

/// <summary>What <see cref="ClassicCommandLine.Parse"/> made of the arguments: options to run, a request for help, or an error.</summary>
public sealed class ClassicParseResult
{
    private ClassicParseResult(ClassicOptions? options, bool help, string? error)
    {
        Options = options;
        IsHelp = help;
        Error = error;
    }

    internal static ClassicParseResult Success(ClassicOptions options) => new(options, false, null);
    internal static ClassicParseResult Help() => new(null, true, null);
    internal static ClassicParseResult Failure(string error) => new(null, false, error);

    /// <summary>The options, when the command line is well-formed and asks for a live patch.</summary>
    public ClassicOptions? Options { get; }

    /// <summary><c>-h/--help</c> was given: print <see cref="ClassicCommandLine.HelpText"/> on stdout, exit 0.</summary>
    public bool IsHelp { get; }

    /// <summary>The command-line error (the text after <c>command line error: </c>), or null.</summary>
    public string? Error { get; }

    /// <summary>
    /// Prints help or the error (<c>command line error: TEXT</c> and
    /// <c>See 'klp-ccp --help' for usage.</c>) and returns the exit status (0, or 1); null when
    /// there are options to run.
    /// </summary>
    public int? Report(TextWriter stdout, TextWriter stderr)
    {
        if (IsHelp)
        {
            stdout.Write(ClassicCommandLine.HelpText);
            return ExitCode.Success;
        }
        if (Error is not null)
        {
            stderr.WriteLine($"command line error: {Error}");
            stderr.WriteLine("See 'klp-ccp --help' for usage.");
            return ExitCode.CommandLine;
        }
        return null;
    }
}
