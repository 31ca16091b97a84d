namespace KlpCcp.Testsuite;

/// <summary>
/// Locates ../shared (the conformance corpora and the kernel cases) beside the repository.
/// Where it is absent (a user's clone) the corpus tests skip with a message; under CI=true a
/// missing corpus is a failure.
/// </summary>
public static class SharedData
{
    public static readonly string RepositoryRoot = FindRepositoryRoot();
    public static readonly string Root = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
    public static bool Available => Directory.Exists(Root);
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string CppCorpus => Path.Combine(Root, "testsuite-upstream", "cpp");
    public static string CparseCorpus => Path.Combine(Root, "testsuite-upstream", "cparse");
    public static string CcpCorpus => Path.Combine(Root, "testsuite-upstream", "ccp");
    public static string KernelRoot => Path.Combine(Root, "kernel");
    public static string KernelSources => Path.Combine(KernelRoot, "linux");
    public static string KernelCases => Path.Combine(KernelRoot, "cases");

    /// <summary>Skips the calling test when ../shared is missing, or fails it under CI.</summary>
    public static void Require()
    {
        if (Available) return;
        if (InCi) throw new InvalidOperationException($"the shared corpus is missing at {Root} (required under CI=true)");
        Skip.If(true, $"the shared corpus is not present at {Root}; corpus tests skipped");
    }

    /// <summary>Case names for a theory; a single placeholder when the corpus is absent (the test then skips or fails).</summary>
    public static IEnumerable<object[]> Cases(Func<IEnumerable<string>> list)
    {
        if (!Available) return new[] { new object[] { "(corpus missing)" } };
        return list().Order(StringComparer.Ordinal).Select(c => new object[] { c }).ToArray();
    }

    public static IEnumerable<string> KernelCaseNames() =>
        Directory.EnumerateDirectories(KernelCases).Select(Path.GetFileName).OfType<string>();

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KlpCcp.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("KlpCcp.sln not found above the test assembly");
    }
}
