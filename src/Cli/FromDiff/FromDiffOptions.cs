using KlpCcp.Engine.LivePatch.Policy;

namespace KlpCcp.Cli.FromDiff;

/// <summary>The <c>from-diff</c> command line, as given (paths unresolved).</summary>
public sealed record FromDiffOptions
{
    public required string PatchFile { get; init; }
    public string? Compiler { get; init; }
    /// <summary>Compile command files (<c>--cmd</c>), one per unit.</summary>
    public IReadOnlyList<string> CommandFiles { get; init; } = [];
    public string? OutputDirectory { get; init; }
    public string Policy { get; init; } = "kernel";
    /// <summary>Classic policy commands (<c>--pol-cmd-...</c>) overriding the built-in policy per question, unparsed.</summary>
    public IReadOnlyList<(PolicyQuestion Question, string Command)> PolicyCommands { get; init; } = [];
    public bool Force { get; init; }
    public string? IpaClonesFile { get; init; }
    public string? FactsFile { get; init; }
    public int? StripLevel { get; init; }
    /// <summary>The tree the patch applies to (default: the working directory).</summary>
    public string? Directory { get; init; }
    /// <summary>A progress line per unit on standard error (the default: when it is a terminal).</summary>
    public bool Progress { get; init; }
}
