using System.Diagnostics;
using System.Text;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Syntax;
using KlpCcp.Engine.Toolchain;
using KlpCcp.Tests.Toolchain;
using Xunit.Abstractions;

namespace KlpCcp.Tests.Syntax;

/// <summary>
/// Parses every source of ../shared/testsuite-upstream/cparse (gcc's torture and gcc.dg tests,
/// as the original's cparse harness runs them: <c>-include</c> of a header defining only NULL).
/// Only syntax matters. The full sweep (~3600 files) runs when KLPCCP_CPARSE_SWEEP=1 and writes
/// its report to $KLPCCP_CPARSE_REPORT (default /tmp/cparse-sweep.txt).
/// </summary>
public class CparseSweep(ITestOutputHelper output)
{
    private static string Root => Path.Combine(ToolchainTestSupport.Shared, "testsuite-upstream", "cparse");

    internal sealed record Outcome(string File, string Status, string? Detail, double Ms, int Tokens);

    internal static Outcome Run(string file, string nullHeader)
    {
        var diags = new DiagnosticBag();
        bool aarch64 = file.Contains("/aarch64/", StringComparison.Ordinal);
        var spec = CompilerSpec.Parse(aarch64 ? "aarch64-gcc-12.2.0" : "x86_64-gcc-12.2.0", diags)!;
        var inv = CompilerInvocation.ParseCommand($"gcc -include {nullHeader} {file}", diags, spec.Arch);
        var opts = PreprocessorConfiguration.Create(spec, inv, Path.GetDirectoryName(file)!, diags);
        PreprocessedUnit unit;
        try
        {
            unit = new Preprocessor(opts).Run();
        }
        catch (Exception e)
        {
            return new Outcome(file, "pp-crash", e.GetType().Name + ": " + e.Message, 0, 0);
        }
        if (unit.Diagnostics.HasErrors)
            return new Outcome(file, "pp-error", unit.Diagnostics.Items.First(d => d.Severity == Severity.Error).ToString(), 0, unit.Count);
        var sw = Stopwatch.StartNew();
        ParseResult result;
        try
        {
            result = Parser.Parse(unit, null, ParserOptions.For(spec, inv));
        }
        catch (Exception e)
        {
            return new Outcome(file, "crash", e.GetType().Name + ": " + e.Message + "\n" + e.StackTrace, 0, unit.Count);
        }
        sw.Stop();
        if (result.HasErrors)
            return new Outcome(file, "error", string.Join(" | ", result.Diagnostics.Items.Where(d => d.Severity == Severity.Error).Take(3)), sw.Elapsed.TotalMilliseconds, unit.Count);
        var broken = SyntaxInvariants.Check(result.Root, unit);
        if (broken is not null) return new Outcome(file, "invariant", broken, sw.Elapsed.TotalMilliseconds, unit.Count);
        var warnings = result.Diagnostics.Items.Where(d => d.Severity == Severity.Warning).Select(d => d.ToString()).ToArray();
        return new Outcome(file, "ok", warnings.Length > 0 ? string.Join("\n", warnings) : null, sw.Elapsed.TotalMilliseconds, unit.Count);
    }

    internal static string MakeNullHeader()
    {
        var path = Path.Combine(Path.GetTempPath(), "klpccp-cparse-null.h");
        File.WriteAllText(path, "#define NULL ((void*)0)\n");
        return path;
    }

    /// <summary>Every 10th file of the sweep, always: each must preprocess and parse with no error (the 3 files whose includes are missing from the copy are left out).</summary>
    [Fact]
    public void Sample_parses_without_errors()
    {
        if (!Directory.Exists(Root))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(Root + " is missing");
            output.WriteLine("SKIPPED: " + Root + " is missing");
            return;
        }
        string[] missingIncludes = ["Wno-frame-address.c", "pow-sqrt-1.c", "pow-sqrt-2.c"];
        var header = MakeNullHeader();
        var files = Directory.GetFiles(Root, "*.c", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where((_, i) => i % 10 == 0).Where(f => !missingIncludes.Contains(Path.GetFileName(f))).ToArray();
        files.Length.ShouldBeGreaterThan(300);
        var failures = files.Select(f => Run(f, header)).Where(o => o.Status != "ok").Select(o => $"{o.Status} {o.File}: {o.Detail}").ToArray();
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Full_sweep()
    {
        if (Environment.GetEnvironmentVariable("KLPCCP_CPARSE_SWEEP") != "1")
        {
            output.WriteLine("set KLPCCP_CPARSE_SWEEP=1 to run the cparse sweep");
            return;
        }
        var header = MakeNullHeader();
        var files = Directory.GetFiles(Root, "*.c", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var outcomes = new List<Outcome>();
        foreach (var f in files) outcomes.Add(Run(f, header));
        var sb = new StringBuilder();
        foreach (var g in outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key))
            sb.AppendLine($"{g.Key}: {g.Count()}");
        sb.AppendLine($"total: {outcomes.Count}");
        foreach (var o in outcomes.Where(o => o.Status != "ok"))
            sb.AppendLine($"{o.Status}\t{Path.GetRelativePath(Root, o.File)}\t{o.Detail}");
        sb.AppendLine($"parse time: {outcomes.Sum(o => o.Ms):F0} ms for {outcomes.Sum(o => (long)o.Tokens)} tokens");
        sb.AppendLine("warnings:");
        foreach (var o in outcomes.Where(o => o.Status == "ok" && o.Detail is not null))
            sb.AppendLine(o.Detail);
        var report = Environment.GetEnvironmentVariable("KLPCCP_CPARSE_REPORT") ?? "/tmp/cparse-sweep.txt";
        File.WriteAllText(report, sb.ToString());
        output.WriteLine(sb.ToString());
    }
}
