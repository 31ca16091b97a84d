using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Testsuite;

/// <summary>
/// For every kernel case, preprocessing its unit with its kbuild command line gives the same
/// token sequence as `gcc -E` with the same flags (tokens compared, not layout).
/// </summary>
public class KernelPreprocessTests
{
    public static readonly KnownFailures Known = KnownFailures.None;

    public static IEnumerable<object[]> CaseNames() => SharedData.Cases(SharedData.KernelCaseNames);

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void SameTokensAsGcc(string caseName)
    {
        SharedData.Require();
        var gccArgs = KernelCommandLine.ForReferenceRun(caseName);
        var gcc = ProcessRunner.Run("gcc", gccArgs.Append("-E").Append("-P"), SharedData.KernelSources);
        gcc.ExitCode.ShouldBe(0, gcc.Stderr);

        var diags = new DiagnosticBag();
        var spec = CompilerSpec.Parse("x86_64-gcc-12.2.0", diags)!;
        var inv = CompilerInvocation.Parse(KernelCommandLine.Arguments(caseName), diags, spec.Arch);
        var opts = PreprocessorConfiguration.Create(spec, inv, SharedData.KernelSources, diags);
        var unit = new Preprocessor(opts).Run();
        unit.Diagnostics.HasErrors.ShouldBeFalse(string.Join("\n", unit.Diagnostics.Items));

        var expected = TextTokenizer.Spellings(gcc.Stdout);
        var actual = new List<string>(unit.Count);
        for (int i = 0; i < unit.Count; i++)
        {
            var t = unit.Tokens[i];
            if (t.Kind == TokenKind.Directive) actual.AddRange(TextTokenizer.Spellings("#" + unit.Names[t.Text]));
            else actual.Add(unit.Spell(t));
        }
        int diff = FirstDifference(expected, actual);
        Known.Check(caseName, diff < 0, diff < 0 ? "" :
            $"{caseName}: first difference at token {diff}: gcc '{At(expected, diff)}' vs ours '{At(actual, diff)}' " +
            $"(context: ...{string.Join(" ", expected.Skip(Math.Max(0, diff - 8)).Take(16))}...)");
    }

    private static int FirstDifference(List<string> a, List<string> b)
    {
        int n = Math.Min(a.Count, b.Count);
        for (int i = 0; i < n; i++)
            if (a[i] != b[i]) return i;
        return a.Count == b.Count ? -1 : n;
    }

    private static string At(List<string> l, int i) => i < l.Count ? l[i] : "<end>";
}
