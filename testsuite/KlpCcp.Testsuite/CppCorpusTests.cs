namespace KlpCcp.Testsuite;

/// <summary>
/// The cpp corpus (../shared/testsuite-upstream/cpp): `klp-ccp preprocess -- FILE` must print
/// what `/usr/bin/cpp -P FILE` prints, leading whitespace stripped and empty lines removed
/// (the corpus's convention), case by case.
/// </summary>
public class CppCorpusTests
{
    /// <summary>Cases known to fail, with the reason. Empty: every case passes.</summary>
    public static readonly KnownFailures Known = KnownFailures.None;

    public static IEnumerable<object[]> CaseNames() => SharedData.Cases(() =>
        Directory.EnumerateFiles(SharedData.CppCorpus, "*.c", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SharedData.CppCorpus, f)));

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void MatchesGccCpp(string caseName)
    {
        SharedData.Require();
        var path = Path.Combine(SharedData.CppCorpus, caseName);
        var dir = Path.GetDirectoryName(path)!;
        var file = Path.GetFileName(path);
        var expected = Normalize(ProcessRunner.Run("/usr/bin/cpp", new[] { "-P", file }, dir).Stdout);
        var ours = CliRunner.Run(dir, "preprocess", "--", file);
        var actual = Normalize(ours.Stdout);
        Known.Check(caseName, actual == expected,
            $"{caseName}: output differs from cpp -P (exit {ours.ExitCode})\n--- cpp -P\n{expected}\n--- klp-ccp\n{actual}\n--- stderr\n{ours.Stderr}");
    }

    /// <summary>The corpus convention: leading whitespace stripped, empty lines removed.</summary>
    public static string Normalize(string text) =>
        string.Join("\n", text.Split('\n').Select(l => l.TrimStart(' ', '\t').TrimEnd('\r')).Where(l => l.Length > 0));
}
