using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using KlpCcp.Engine.Preprocessing;
using Xunit.Abstractions;

namespace KlpCcp.Testsuite;

/// <summary>
/// For every kernel case, the classic invocation with the kernel policy
/// (<c>klp-ccp --compiler=x86_64-gcc-12.2.0 --outfile=OUT --patched-functions=F1,F2 --policy=kernel
/// -- ARGS</c>, run from the kernel tree, ARGS = cmd.txt without the program name), patching the
/// functions of functions.txt's table whose change this configuration compiles and which the
/// unpatched unit defines, gives a live patch that the case's <c>compile.sh</c> compiles and
/// whose object defines every <c>klpp_</c> function. A few cases also run with the kernel policy
/// as shell commands (testsuite/kernel-policy), which must give the very same output.
/// </summary>
public class KernelLivePatchTests(ITestOutputHelper output)
{
    /// <summary>Cases known to fail, each with every cause found (none today: every case compiles).</summary>
    public static readonly KnownFailures Known = new(new Dictionary<string, string>
    {
    });

    /// <summary>Small cases run once more with the policy as shell commands.</summary>
    public static readonly string[] ShellPolicyCases = ["01-kernel-sys", "23-fs-isofs-compress", "34-lib-string", "36-lib-ucs2_string"];

    public static IEnumerable<object[]> CaseNames() => SharedData.Cases(SharedData.KernelCaseNames);

    public static IEnumerable<object[]> ShellCaseNames() => SharedData.Cases(() => ShellPolicyCases.Where(c => Directory.Exists(KernelCommandLine.CaseDirectory(c))));

    private const string Compiler = "x86_64-gcc-12.2.0";

    private static readonly string OutputDirectory = Path.Combine(Path.GetTempPath(), "klpccp-kernel-live-patches");

    /// <summary>The built-in runs, shared by both tests (the shell variant compares against them).</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Run>> BuiltInRuns = new();

    /// <summary>One classic invocation on a case and what became of its output.</summary>
    public sealed record Run(
        string Case,
        IReadOnlyList<string> Patched,
        CliRunner.Result Cli,
        string OutputFile,
        string? Text,
        int PreprocessedLines,
        long Milliseconds);

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Live_patch_compiles_and_defines_the_patched_functions(string caseName)
    {
        SharedData.Require();
        var run = BuiltInRun(caseName);
        var problems = new List<string>();
        int lines = run.Text is null ? 0 : run.Text.Count(c => c == '\n');
        output.WriteLine($"{caseName}: patched [{string.Join(", ", run.Patched)}], exit {run.Cli.ExitCode}, {run.Milliseconds} ms; " +
                         $"output {lines} lines vs preprocessed unit {run.PreprocessedLines} lines ({Ratio(lines, run.PreprocessedLines)}); {run.OutputFile}");
        if (run.Cli.ExitCode != 0 || run.Text is null)
        {
            problems.Add($"klp-ccp exit {run.Cli.ExitCode}:\n{First(run.Cli.Stderr, 20)}");
        }
        else
        {
            var obj = Path.ChangeExtension(run.OutputFile, ".o");
            var compile = ProcessRunner.Run(Path.Combine(SharedData.KernelRoot, "compile.sh"),
                [KernelCommandLine.CaseDirectory(caseName), run.OutputFile, obj], SharedData.KernelSources);
            if (compile.ExitCode != 0)
            {
                var errors = compile.Stderr.Split('\n').Where(l => l.Contains("error:", StringComparison.Ordinal)).ToList();
                problems.Add($"compile.sh exit {compile.ExitCode}, {errors.Count} errors; first:\n{string.Join("\n", errors.Take(15))}");
            }
            else
            {
                var nm = ProcessRunner.Run("nm", ["--defined-only", obj], SharedData.KernelSources);
                var defined = nm.Stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Where(p => p.Length == 3 && p[1] == "T").Select(p => p[2]).ToHashSet(StringComparer.Ordinal);
                foreach (var f in run.Patched)
                    if (!defined.Contains("klpp_" + f)) problems.Add($"the object does not define the global function klpp_{f}");
            }
            File.Delete(obj);
        }
        bool passed = problems.Count == 0;
        if (passed) File.Delete(run.OutputFile);
        Known.Check(caseName, passed, $"{caseName} (output kept in {run.OutputFile}):\n{string.Join("\n", problems)}");
    }

    [SkippableTheory]
    [MemberData(nameof(ShellCaseNames))]
    public void Shell_policy_commands_give_the_same_live_patch(string caseName)
    {
        SharedData.Require();
        var builtIn = BuiltInRun(caseName);
        var shell = Execute(caseName, builtIn.Patched, "shell", PolicyScriptArguments.For("kernel-policy"), builtIn.PreprocessedLines);
        output.WriteLine($"{caseName}: built-in {builtIn.Milliseconds} ms, shell commands {shell.Milliseconds} ms");
        shell.Cli.ExitCode.ShouldBe(builtIn.Cli.ExitCode, shell.Cli.Stderr);
        shell.Cli.Stderr.ShouldBe(builtIn.Cli.Stderr);
        shell.Text.ShouldBe(builtIn.Text);
        File.Delete(shell.OutputFile);
    }

    private static Run BuiltInRun(string caseName) =>
        BuiltInRuns.GetOrAdd(caseName, c => new Lazy<Run>(() =>
        {
            var (patched, preprocessedLines) = FunctionsToPatch(c);
            return Execute(c, patched, "builtin", ["--policy=kernel"], preprocessedLines);
        })).Value;

    /// <summary>The functions to patch (see <see cref="KernelCaseFunctions.ToPatch"/>) and the size of the unit as gcc -E -P prints it.</summary>
    private static (IReadOnlyList<string> Patched, int PreprocessedLines) FunctionsToPatch(string caseName)
    {
        var fe = FrontEndRunner.Run(Compiler, KernelCommandLine.Arguments(caseName), SharedData.KernelSources);
        if (fe.Model is null) throw new Xunit.Sdk.XunitException($"{caseName}: front-end errors:\n{FrontEndRunner.Errors(fe)}");
        var defined = fe.Model.FunctionDefinitions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        int lines = 0;
        for (int i = 0; i < fe.Unit.Count; i++)
            if (fe.Unit.Tokens[i].Kind == TokenKind.Directive || (fe.Unit.Tokens[i].Flags & TokenFlags.StartOfLine) != 0) lines++;
        return (KernelCaseFunctions.Read(caseName).ToPatch(defined), lines);
    }

    private static Run Execute(string caseName, IReadOnlyList<string> patched, string variant, string[] policyArgs, int preprocessedLines)
    {
        Directory.CreateDirectory(OutputDirectory);
        var outFile = Path.Combine(OutputDirectory, $"{caseName}.{variant}.c");
        File.Delete(outFile);
        var args = new List<string> { "--compiler=" + Compiler, "--outfile=" + outFile, "--patched-functions=" + string.Join(",", patched) };
        args.AddRange(policyArgs);
        args.Add("--");
        args.AddRange(KernelCommandLine.Arguments(caseName));
        var sw = Stopwatch.StartNew();
        var cli = CliRunner.Run(SharedData.KernelSources, args.ToArray());
        sw.Stop();
        string? text = File.Exists(outFile) ? File.ReadAllText(outFile, Encoding.Latin1) : null;
        return new Run(caseName, patched, cli, outFile, text, preprocessedLines, sw.ElapsedMilliseconds);
    }

    private static string Ratio(int a, int b) => b == 0 ? "-" : $"{100.0 * a / b:0.0}%";

    private static string First(string text, int lines) => string.Join("\n", text.Split('\n').Take(lines));
}
