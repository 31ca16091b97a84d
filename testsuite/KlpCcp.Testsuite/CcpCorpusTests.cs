namespace KlpCcp.Testsuite;

/// <summary>
/// The ccp corpus (../shared/testsuite-upstream/ccp): the classic invocation with the toy
/// policy must produce each case's `.c.expected` (compared as klp-ccp's test suite does: tokens,
/// whitespace presence, lines; comments and empty lines ignored) and print exactly the messages
/// of its `/* cp-out: ... */` comments, with a non-zero exit iff one of them is an error.
/// Every case runs twice: with the built-in toy policy, and with the toy policy as classic
/// shell policy commands (testsuite/toy-policy), which exercises the protocol end to end.
/// </summary>
public class CcpCorpusTests
{
    /// <summary>Cases known to fail, with the reason (SPEC features not built yet are named precisely).</summary>
    public static readonly KnownFailures Known = new(new Dictionary<string, string>
    {
    });

    public static IEnumerable<object[]> CaseNames() => SharedData.Cases(() =>
        Directory.EnumerateFiles(SharedData.CcpCorpus, "*.c").Select(Path.GetFileName).OfType<string>());

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void BuiltInToyPolicy(string caseName) => Check(caseName, ["--policy=toy"], checkWhy: true);

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void ToyPolicyAsShellCommands(string caseName) => Check(caseName, PolicyScriptArguments.For("toy-policy"));

    private static void Check(string caseName, string[] policyArgs, bool checkWhy = false)
    {
        SharedData.Require();
        string source = File.ReadAllText(Path.Combine(SharedData.CcpCorpus, caseName));
        var expectedText = File.ReadAllText(Path.Combine(SharedData.CcpCorpus, caseName + ".expected"));
        string compiler = caseName.StartsWith("aarch64-", StringComparison.Ordinal) ? "aarch64-gcc-12.2.0" : "x86_64-gcc-12.2.0";
        var outFile = Path.Combine(Path.GetTempPath(), $"klp-ccp-{Guid.NewGuid():N}.c");
        var factsFile = outFile + ".facts";
        try
        {
            var args = new List<string> { "-c", compiler, "-o", outFile };
            if (checkWhy) { args.Add("--facts"); args.Add(factsFile); }
            args.AddRange(policyArgs);
            args.Add("--");
            args.Add(caseName);
            var r = CliRunner.Run(SharedData.CcpCorpus, args.ToArray());
            var problems = new List<string>();

            var expectedMessages = CcpOutputComparison.ExpectedMessages(source);
            var messages = r.Stderr.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
            if (messages.Count != expectedMessages.Count || messages.Zip(expectedMessages).Any(p => !p.Second.IsMatch(p.First)))
                problems.Add($"messages differ:\n  expected: {string.Join(" | ", expectedMessages)}\n  actual:   {string.Join(" | ", messages)}");
            bool errorExpected = expectedMessages.Any(m => m.ToString().StartsWith("^error:", StringComparison.Ordinal));
            if ((r.ExitCode != 0) != errorExpected)
                problems.Add($"exit status {r.ExitCode} (an error is {(errorExpected ? "" : "not ")}expected)");
            if (r.ExitCode == 0)
            {
                var actual = File.Exists(outFile) ? File.ReadAllText(outFile) : "";
                if (CcpOutputComparison.Difference(expectedText, actual) is { } diff)
                    problems.Add($"{diff}\n--- expected\n{expectedText}\n--- actual\n{actual}");
            }
            else if (File.Exists(outFile))
            {
                problems.Add("an output file was written although the run failed");
            }
            if (checkWhy && r.ExitCode == 0) problems.AddRange(WhyProblems(factsFile));
            Known.Check(caseName, problems.Count == 0, $"{caseName}:\n{string.Join("\n", problems)}");
        }
        finally
        {
            File.Delete(outFile);
            File.Delete(factsFile);
        }
    }

    /// <summary>`why` must answer for every symbol the live patch decided about, with a chain from a patched function.</summary>
    private static IEnumerable<string> WhyProblems(string factsFile)
    {
        using var store = KlpCcp.Facts.FactStore.OpenFile(factsFile, create: false);
        foreach (var unit in store.Units())
        foreach (var d in store.Decisions(unit.Id))
        {
            var e = store.Entity(unit.Id, d.Entity);
            if (e is null) { yield return $"decision about unknown entity {d.Entity}"; continue; }
            var w = KlpCcp.Facts.Queries.WhyExplainer.Explain(store, e.Name);
            var chain = w.Chains.FirstOrDefault(c => c[^1].Entity.Id == e.Id);
            if (chain is null) { yield return $"why {e.Name}: no chain"; continue; }
            if (chain[0].Decision?.Decision != KlpCcp.Facts.Records.DecisionKind.Patched)
                yield return $"why {e.Name}: the chain does not start at a patched function:\n{w.Render()}";
        }
    }
}
