using System.Text.RegularExpressions;

namespace KlpCcp.Testsuite;

/// <summary>
/// The cparse corpus (../shared/testsuite-upstream/cparse: gcc's torture and gcc.dg sources), as
/// klp-ccp's cparse harness runs it: each file through `klp-ccp parse` (preprocess, parse,
/// analyse) with <c>-include</c> of a header defining only NULL, for x86_64 gcc 12.2 (aarch64
/// gcc 12.2 for aarch64/). A file whose <c>/* cp-out: ... */</c> comments expect an
/// <c>error:</c> must give an error (exit status 2); every other file must be accepted (exit 0).
/// </summary>
public partial class CparseCorpusTests
{
    /// <summary>The files that do not behave as the corpus expects, each with the reason.</summary>
    public static readonly KnownFailures Known = new(new Dictionary<string, string>
    {
        // the corpus copy lacks files these include
        ["gcc.dg/Wno-frame-address.c"] = "includes Wframe-address.c, which is not in the corpus copy",
        ["gcc.dg/pow-sqrt-1.c"] = "includes pow-sqrt.x, which is not in the corpus copy",
        ["gcc.dg/pow-sqrt-2.c"] = "includes pow-sqrt.x, which is not in the corpus copy",
        // gcc 12 rejects these as well (the original was measured against gcc 4.8/9.1)
        ["gcc.dg/enum2.c"] = "gcc 12 rejects it too: conflicting types for 'i' (int[1] vs int[2] through an enum constant)",
        ["gcc.dg/wchar_t-2.c"] = "gcc 12 rejects it too: conflicting types for 'i' (int[2] vs int[1])",
        ["gcc.c-torture/compile/pr48767.c"] = "gcc 12 rejects it too: second argument to 'va_arg' is of incomplete type 'void'",
        // klp-ccp's own errors where gcc only warns: we accept, as gcc does
        ["gcc.dg/pr68412.c"] = "expects klp-ccp's error 'negative shift distance' for 1 << -1 in a function body; gcc only warns",
        ["gcc.dg/func-outside-1.c"] = "expects klp-ccp's error for __func__ outside a function; gcc only warns",
        ["gcc.dg/pr59630.c"] = "expects klp-ccp's error for __builtin_abs used as a function pointer value; gcc accepts it (warning)",
        ["gcc.dg/pr69156.c"] = "expects klp-ccp's error for __builtin_abs used as a function pointer value; gcc accepts it (warning)",
        ["gcc.c-torture/execute/20000227-1.c"] = "expects klp-ccp's error for invalid UTF-8 in a string literal; gcc accepts the bytes",
    });

    public static IEnumerable<object[]> CaseNames() => SharedData.Cases(() =>
        Directory.EnumerateFiles(SharedData.CparseCorpus, "*.c", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SharedData.CparseCorpus, f)));

    private static readonly Lazy<string> NullHeader = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"klpccp-cparse-{Environment.ProcessId}", "stddef-null.h");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#define NULL ((void *)0)\n");
        return path;
    });

    [GeneratedRegex(@"/\*\s*cp-out:\s*error:")]
    private static partial Regex ExpectedError();

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Behaves_as_the_corpus_expects(string caseName)
    {
        SharedData.Require();
        var path = Path.Combine(SharedData.CparseCorpus, caseName);
        var text = File.ReadAllText(path, System.Text.Encoding.Latin1);
        bool expectError = ExpectedError().IsMatch(text);
        var compiler = caseName.StartsWith("aarch64", StringComparison.Ordinal) ? "aarch64-gcc-12.2.0" : "x86_64-gcc-12.2.0";
        var r = FrontEndRunner.Run(compiler, ["-include", NullHeader.Value, Path.GetFileName(path)], Path.GetDirectoryName(path)!);
        bool passed = r.HasErrors == expectError;
        Known.Check(caseName, passed, expectError
            ? $"{caseName}: an error was expected, but the unit was accepted"
            : $"{caseName}: rejected:\n{FrontEndRunner.Errors(r)}");
    }
}
