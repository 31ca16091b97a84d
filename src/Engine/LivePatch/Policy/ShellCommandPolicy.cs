using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>
/// The classic (2019) policy: one external command per question (SPEC 1.2). Each question runs
/// its command synchronously with the question's arguments appended, without a shell, and reads
/// the answer from standard output:
/// <list type="bullet">
/// <item>each line trimmed of blanks and tabs, empty lines skipped;</item>
/// <item><c>RESULT: r</c> — <c>r</c> must fully match the question's grammar (<c>YES|NO</c>,
///   <c>ID LINKAGE</c>, <c>ID LINKAGE [MAKE-POINTER]</c>, <c>ID</c>); a second one is a failure;</item>
/// <item><c>WARNING: m</c> — a warning; <c>ERROR: m</c> — a policy error (always fatal, the result
///   is ignored);</item>
/// <item>anything else is a failure.</item>
/// </list>
/// A non-zero status, a signal, or (with status 0) a non-empty standard error is a failure too.
/// Answers are not cached here; see <see cref="CachingPolicy"/>. Asking a question whose command
/// is missing from <see cref="Commands"/> is a bug of the caller (<see cref="InvalidOperationException"/>).
/// </summary>
public sealed partial class ShellCommandPolicy : ILivePatchPolicy
{
    private readonly string _workingDirectory;

    public ShellCommandPolicy(PolicyCommands commands, string workingDirectory)
    {
        Commands = commands;
        _workingDirectory = workingDirectory;
    }

    public PolicyCommands Commands { get; }

    /// <summary>Whether a command answers <paramref name="question"/>.</summary>
    public bool Answers(PolicyQuestion question) => Commands.For(question) is not null;

    public PolicyAnswer<bool> IsPatched(string name) =>
        Ask<bool>(PolicyQuestion.IsPatched, [name], ParseYesNo);

    public PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude) =>
        Ask<bool>(PolicyQuestion.MayIncludeHeader, isPreInclude ? [path, "pre-include"] : [path], ParseYesNo);

    public PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition)
    {
        // linkage and location only for functions defined in the unit (which have linkage)
        string[] args = definition is { } loc && linkage != PolicyLinkage.None
            ? [name, linkage == PolicyLinkage.Internal ? "internal" : "external", loc.ToString()]
            : [name];
        return Ask<bool>(PolicyQuestion.CanExternalizeFunction, args, ParseYesNo);
    }

    public PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool definedInEligibleHeader, PolicyLocation definition) =>
        Ask<bool>(PolicyQuestion.ShallExternalizeFunction, definedInEligibleHeader ? [name, "from-header"] : [name], ParseYesNo);

    public PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration) =>
        Ask<bool>(PolicyQuestion.ShallExternalizeObject, [name], ParseYesNo);

    public PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry) =>
        Ask<ExternalizedSymbolModification>(PolicyQuestion.ModifyExternalizedSymbol,
            [kind == ExternalizedSymbolKind.Function ? "function" : "object", name, Retry(retry)],
            ParseExternalizedModification);

    public PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry) =>
        Ask<SymbolModification>(PolicyQuestion.ModifyPatchedFunctionSymbol, [name, Retry(retry)], ParseModification);

    public PolicyAnswer<string> RenameRewrittenFunction(string name, int retry) =>
        Ask<string>(PolicyQuestion.RenameRewrittenFunction, [name, Retry(retry)], ParseId);

    private static string Retry(int retry) => retry.ToString(CultureInfo.InvariantCulture);

    private delegate bool ResultParser<T>(string result, out T value);

    private PolicyAnswer<T> Ask<T>(PolicyQuestion question, string[] args, ResultParser<T> parse)
    {
        var command = Commands.For(question)
            ?? throw new InvalidOperationException($"no policy command for question {question}");
        var argv = new List<string>(command.Words);
        argv.AddRange(args);
        var cmd = ShellCommand.Quote(argv);

        var run = NativeProcess.Run(command.Program, argv, _workingDirectory, out var osError);
        if (run is not { } outcome)
            return PolicyAnswer.SystemError<T>($"cannot execute command '{cmd}': {osError}");

        var stderr = TrimEndBlanks(Encoding.UTF8.GetString(outcome.Stderr));
        var stderrSuffix = stderr.Length > 0 ? $"; standard error was: \"{stderr}\"" : "";
        if (outcome.Signaled)
            return PolicyAnswer.CommandFailure<T>($"command '{cmd}' caught signal {outcome.Code}{stderrSuffix}");
        if (outcome.Code != 0)
            return PolicyAnswer.CommandFailure<T>($"command '{cmd}' failed with status {outcome.Code}{stderrSuffix}");
        if (stderr.Length > 0)
            return PolicyAnswer.CommandFailure<T>($"command '{cmd}' returned with zero status, but standard error was non-empty: \"{stderr}\"");

        return Interpret(cmd, Encoding.UTF8.GetString(outcome.Stdout), parse);
    }

    /// <summary>The stdout protocol of SPEC 1.2, for the output <paramref name="stdout"/> of <paramref name="cmd"/>.</summary>
    private static PolicyAnswer<T> Interpret<T>(string cmd, string stdout, ResultParser<T> parse)
    {
        var warnings = new List<string>();
        var errors = new List<string>();
        var haveResult = false;
        T value = default!;
        foreach (var rawLine in stdout.Split('\n'))
        {
            var line = rawLine.Trim(Blanks);
            if (line.Length == 0) continue;
            if (line.StartsWith("RESULT:", StringComparison.Ordinal))
            {
                if (haveResult)
                    return PolicyAnswer.CommandFailure<T>($"command '{cmd}' returned multiple result specifications");
                var result = Rest(line, "RESULT:");
                if (!parse(result, out value))
                    return PolicyAnswer.CommandFailure<T>($"unrecognized result specification returned by command '{cmd}': \"{result}\"");
                haveResult = true;
            }
            else if (line.StartsWith("WARNING:", StringComparison.Ordinal))
                warnings.Add(Rest(line, "WARNING:"));
            else if (line.StartsWith("ERROR:", StringComparison.Ordinal))
                errors.Add(Rest(line, "ERROR:"));
            else
                return PolicyAnswer.CommandFailure<T>($"unrecognized output from command '{cmd}': \"{line}\"");
        }
        if (errors.Count > 0) return PolicyAnswer.PolicyError<T>(errors, warnings);
        if (!haveResult) return PolicyAnswer.CommandFailure<T>($"command '{cmd}' didn't return any result");
        return PolicyAnswer.Answer(value, warnings);
    }

    private static readonly char[] Blanks = [' ', '\t'];

    private static string Rest(string line, string prefix) => line[prefix.Length..].TrimStart(Blanks);

    private static string TrimEndBlanks(string s) => s.TrimEnd(Blanks);

    private static bool ParseYesNo(string result, out bool value)
    {
        value = result == "YES";
        return result is "YES" or "NO";
    }

    private static bool ParseId(string result, out string value)
    {
        value = result;
        return IdRegex().IsMatch(result);
    }

    private static bool ParseModification(string result, out SymbolModification value)
    {
        value = null!;
        var m = ModificationRegex().Match(result);
        if (!m.Success) return false;
        value = new SymbolModification(m.Groups["id"].Value, Linkage(m.Groups["linkage"].Value));
        return true;
    }

    private static bool ParseExternalizedModification(string result, out ExternalizedSymbolModification value)
    {
        value = null!;
        var m = ExternalizedModificationRegex().Match(result);
        if (!m.Success) return false;
        value = new ExternalizedSymbolModification(
            new SymbolModification(m.Groups["id"].Value, Linkage(m.Groups["linkage"].Value)),
            m.Groups["pointer"].Success);
        return true;
    }

    private static LinkageChange Linkage(string text) => text switch
    {
        "MAKE-INTERNAL" => LinkageChange.MakeStatic,
        "MAKE-EXTERNAL" => LinkageChange.MakeExtern,
        _ => LinkageChange.None,
    };

    // \z, not $: "$" would also match before a final newline
    [GeneratedRegex(@"^[a-zA-Z_][a-zA-Z_0-9]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^(?<id>[a-zA-Z_][a-zA-Z_0-9]*)[ \t]+(?<linkage>KEEP-LINKAGE|MAKE-INTERNAL|MAKE-EXTERNAL)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ModificationRegex();

    [GeneratedRegex(@"^(?<id>[a-zA-Z_][a-zA-Z_0-9]*)[ \t]+(?<linkage>KEEP-LINKAGE|MAKE-INTERNAL|MAKE-EXTERNAL)([ \t]+(?<pointer>MAKE-POINTER))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalizedModificationRegex();
}
