using System.Text.RegularExpressions;
using KlpCcp.Diff;
using Xunit.Abstractions;

namespace KlpCcp.Testsuite;

/// <summary>
/// <c>klp-ccp from-diff</c> on every kernel case, run from the kernel tree as
/// <c>from-diff --compiler=x86_64-gcc-12.2.0 --cmd CASE/cmd.txt --output-dir DIR PATCH</c>
/// (fix.patch, or full.patch where fix.patch alone does not compile): the changed functions
/// found are those the fix really changes in this configuration (functions.txt), the traps
/// behave (a fix compiled out: exit 0 and no output; a struct layout change or __init code:
/// an error naming it), and each live patch compiles with the case's flags and holds the
/// fix's added lines.
/// </summary>
[Collection("kernel from-diff")]
public partial class KernelFromDiffTests(ITestOutputHelper output)
{
    /// <summary>Live patches known not to compile or not to hold the fix, each with its reason (none at present).</summary>
    public static readonly KnownFailures Known = new(new Dictionary<string, string>());

    public static IEnumerable<object[]> CaseNames() => SharedData.Cases(SharedData.KernelCaseNames);

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Finds_the_functions_the_fix_changes_and_handles_the_traps(string caseName)
    {
        SharedData.Require();
        var c = new KernelFixCase(caseName);
        var run = c.Run();
        output.WriteLine($"{caseName}: {Path.GetFileName(c.PatchFile)}, exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
        c.AnalysedFunctions.Length.ShouldBe(c.CountInTable, "functions.txt and cases.tsv disagree");

        KernelFixCase.FoundFunctions(run.Stdout).ShouldBe(c.ExpectedFunctions, $"{caseName}: changed functions\n{run.Stderr}");
        var outputs = Directory.Exists(c.OutputDirectory) ? Directory.GetFiles(c.OutputDirectory, "*", SearchOption.AllDirectories) : [];
        if (c.ExpectedFunctions.Length == 0)
        {
            run.ExitCode.ShouldBe(0, run.Stderr);
            run.Stdout.ShouldContain("compiled out by this configuration");
            run.Stdout.ShouldContain("nothing to patch: the fix changes nothing in this configuration");
            outputs.ShouldBeEmpty();
        }
        else if (c.ChangedStructs.Length > 0)
        {
            // the analysis lists added structs too; the layout changes among them are named
            run.ExitCode.ShouldBe(3);
            var named = LayoutError().Matches(run.Stderr).Select(m => m.Groups[1].Value).ToList();
            named.ShouldNotBeEmpty(run.Stderr);
            named.Except(c.ChangedStructs).ShouldBeEmpty(run.Stderr);
            outputs.ShouldBeEmpty();
        }
        else if (c.ChangesInitCode)
        {
            run.ExitCode.ShouldBe(3);
            run.Stderr.ShouldContain("__init code is discarded after boot: a live patch cannot change it");
            outputs.ShouldBeEmpty();
        }
        else if (c.ExpectsLivePatch)
        {
            run.ExitCode.ShouldBe(0, run.Stderr);
            outputs.ShouldBe([c.OutputFile]);
        }
        else
        {
            // functions only added or removed: nothing of the running kernel to replace
            run.ExitCode.ShouldBe(0, run.Stderr);
            run.Stdout.ShouldContain("nothing to patch: the fix changes no function's code in this configuration");
            outputs.ShouldBeEmpty();
        }
        if (caseName.StartsWith("11-", StringComparison.Ordinal))
            run.Stdout.ShouldContain("  function is_core_idle: function added (hunk #1 of kernel/sched/fair.c");
    }

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void The_live_patch_compiles_and_holds_the_fix(string caseName)
    {
        SharedData.Require();
        var c = new KernelFixCase(caseName);
        Skip.IfNot(c.ExpectsLivePatch, $"{caseName}: no live patch expected (nothing changed, or a change a live patch cannot carry)");
        var run = c.Run();
        run.ExitCode.ShouldBe(0, run.Stderr);

        var missing = MissingAddedLines(c, run.Stdout);
        Directory.CreateDirectory(c.WorkDirectory);
        var compile = ProcessRunner.Run(Path.Combine(SharedData.KernelRoot, "compile.sh"), [c.Directory, c.OutputFile, Path.Combine(c.WorkDirectory, "livepatch-check.o")], SharedData.KernelSources);
        var errors = compile.Stderr.Split('\n').Where(l => l.Contains("error:")).ToList();
        output.WriteLine($"{caseName}: {errors.Count} compile errors, {missing.Count} added lines missing");
        Known.Check(caseName, compile.ExitCode == 0 && missing.Count == 0,
            $"{caseName}: the live patch {c.OutputFile}" +
            (compile.ExitCode != 0 ? $" does not compile ({errors.Count} errors):\n{string.Join("\n", errors.Take(5))}" : " compiles") +
            (missing.Count > 0 ? $"\nadded lines of the fix missing from it:\n{string.Join("\n", missing.Take(10))}" : ""));
    }

    /// <summary>
    /// The fix's added code lines (comments and preprocessor lines aside) in hunks that change only
    /// functions, that the live patch does not hold. A line is held when its text is in the live
    /// patch once renames (klpp_, klpr_, klpe_ pointers) and white space are undone, or when the
    /// live patch has code at that line of the patched file by its <c>#line</c> directives (a macro
    /// invocation the writer had to expand because its body names a renamed symbol). Comment lines
    /// are told by the comment state of the unpatched file where the hunk starts.
    /// </summary>
    private static List<string> MissingAddedLines(KernelFixCase c, string stdout)
    {
        var patch = PatchReader.Read(File.ReadAllText(c.PatchFile), "patch").Patch!;
        var outputText = File.ReadAllText(c.OutputFile, System.Text.Encoding.Latin1);
        var text = Normalised(outputText);
        var codeAtSourceLine = CodeBySourceLine(outputText);
        var missing = new List<string>();
        foreach (var file in patch.Files)
        {
            var oldLines = file.SourcePath is { } sp && File.Exists(Path.Combine(SharedData.KernelSources, sp))
                ? File.ReadAllText(Path.Combine(SharedData.KernelSources, sp), System.Text.Encoding.Latin1).Split('\n') : [];
            foreach (var hunk in file.Hunks)
            {
                var outcome = stdout.Split('\n').FirstOrDefault(l => l.StartsWith($"  hunk #{hunk.Number} of {file.DisplayPath} (", StringComparison.Ordinal));
                if (outcome is null || !outcome.Contains("): changes function ", StringComparison.Ordinal)) continue;
                var entities = outcome[(outcome.IndexOf("): changes ", StringComparison.Ordinal) + 11)..].Split(", ");
                if (entities.Any(e => !e.StartsWith("function ", StringComparison.Ordinal))) continue;
                // the new side after the unpatched file's lines before the hunk: comments opened there stay open
                var before = oldLines.Take(Math.Max(0, hunk.OldFirstLine - 1)).ToList();
                var newSide = hunk.Lines.Where(l => l.InNew).ToList();
                var code = CodeText.CodeLines(string.Join("\n", before.Concat(newSide.Select(l => l.Text))) + "\n");
                for (int i = 0; i < newSide.Count; i++)
                {
                    if (newSide[i].Kind != HunkLineKind.Added) continue;
                    var lineCode = Regex.Replace(code[before.Count + i], @"\s+", "");
                    if (lineCode.Length == 0 || lineCode.StartsWith('#')) continue;
                    if (text.Contains(Normalised(newSide[i].Text), StringComparison.Ordinal)) continue;
                    if (codeAtSourceLine.Contains((file.NewPath ?? "", hunk.NewFirstLine + i))) continue;
                    // a continuation line of a statement whose macro invocation was expanded onto its first line
                    int first = i;
                    while (first > 0 && !StatementEnd().IsMatch(code[before.Count + first - 1])) first--;
                    if (first < i && codeAtSourceLine.Contains((file.NewPath ?? "", hunk.NewFirstLine + first))
                        && Identifier().Matches(lineCode).All(m => Regex.IsMatch(outputText, $@"\b{m.Value}\b"))) continue;
                    missing.Add(newSide[i].Text);
                }
            }
        }
        return missing;
    }

    /// <summary>The (file, line) pairs of the patched source that code lines of the live patch stand for, by its <c>#line</c> directives.</summary>
    private static HashSet<(string File, int Line)> CodeBySourceLine(string outputText)
    {
        var result = new HashSet<(string, int)>();
        string? file = null;
        int line = 0;
        foreach (var raw in outputText.Split('\n'))
        {
            var directive = LineDirective().Match(raw);
            if (directive.Success) { line = int.Parse(directive.Groups[1].Value); file = directive.Groups[2].Value; continue; }
            if (file is not null && raw.Trim().Length > 0 && !raw.TrimStart().StartsWith('#')) result.Add((file, line));
            line++;
        }
        return result;
    }

    private static string Normalised(string text)
    {
        var code = string.Join("\n", CodeText.CodeLines(text));
        code = Pointerized().Replace(code, "$1");
        code = Renamed().Replace(code, "$1");
        code = StorageClass().Replace(code, "");
        return Regex.Replace(code, @"\s+", "");
    }

    [GeneratedRegex(@": error: struct (\w+): layout changed \(hunk #")]
    private static partial Regex LayoutError();

    [GeneratedRegex(@"[;{}:]\s*$|^\s*$")]
    private static partial Regex StatementEnd();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^#line (\d+) ""([^""]*)""")]
    private static partial Regex LineDirective();

    [GeneratedRegex(@"\(\*klpe_(\w+)\)")]
    private static partial Regex Pointerized();

    [GeneratedRegex(@"\bklp[epr]_(\w+)")]
    private static partial Regex Renamed();

    [GeneratedRegex(@"\b(static|extern)\b")]
    private static partial Regex StorageClass();
}
