using System.Diagnostics;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Syntax;
using KlpCcp.Engine.Toolchain;
using KlpCcp.Tests.Toolchain;
using Xunit.Abstractions;

namespace KlpCcp.Tests.Syntax;

/// <summary>Every real kernel unit of ../shared/kernel/cases preprocesses and parses without a syntax error.</summary>
public class KernelCaseParseTests(ITestOutputHelper output)
{
    private static string KernelRoot => Path.Combine(ToolchainTestSupport.Shared, "kernel", "linux");

    public static IEnumerable<object[]> Cases()
    {
        if (!Directory.Exists(ToolchainTestSupport.KernelCases))
        {
            yield return new object[] { "" };
            yield break;
        }
        foreach (var c in ToolchainTestSupport.KernelCaseNames()) yield return new object[] { c };
    }

    internal static PreprocessedUnit Preprocess(string caseName)
    {
        var diags = new DiagnosticBag();
        var spec = CompilerSpec.Parse("x86_64-gcc-12.2.0", diags)!;
        var inv = CompilerInvocation.ParseCommand(ToolchainTestSupport.ReadCmd(caseName), diags, spec.Arch);
        var opts = PreprocessorConfiguration.Create(spec, inv, KernelRoot, diags);
        return new Preprocessor(opts).Run();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_without_errors(string caseName)
    {
        if (caseName == "")
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail("../shared/kernel/cases is missing (" + ToolchainTestSupport.KernelCases + ")");
            // xunit 2 has no dynamic skip: say so and pass
            output.WriteLine("SKIPPED: ../shared/kernel/cases is missing (" + ToolchainTestSupport.KernelCases + ")");
            return;
        }
        var unit = Preprocess(caseName);
        unit.Diagnostics.HasErrors.ShouldBeFalse(string.Join("\n", unit.Diagnostics.Items.Take(5)));
        var sw = Stopwatch.StartNew();
        var result = Parser.Parse(unit);
        sw.Stop();
        output.WriteLine($"{caseName}: {unit.Count} tokens, {result.Root.Declarations.Length} external declarations, nesting {result.DeepestNesting}, {sw.ElapsedMilliseconds} ms (cold)");
        result.Diagnostics.Items.Take(10).Select(d => d.ToString()).ShouldBeEmpty();
        SyntaxInvariants.Check(result.Root, unit).ShouldBeNull();
    }
}
