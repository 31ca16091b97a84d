namespace KlpCcp.Tests.Preprocessing;

/// <summary>Pathological input ends in a diagnostic, never a crash or a hang.</summary>
public class RobustnessTests
{
    [Fact]
    public void DeeplyNestedIfExpression()
    {
        var r = PreprocessorHarness.Run("#if " + new string('(', 100_000) + "1" + new string(')', 100_000) + "\n#endif\nok");
        r.Messages.ShouldBe(new[] { "#if expression nested too deeply" });
    }

    [Fact]
    public void LongConditionalChainInIf()
    {
        var r = PreprocessorHarness.Run("#if " + string.Concat(Enumerable.Repeat("0 ? 1 : ", 50_000)) + "1\n#endif");
        r.Messages.ShouldBe(new[] { "#if expression nested too deeply" });
    }

    [Fact]
    public void DeeplyNestedMacroArguments()
    {
        var r = PreprocessorHarness.Run("#define f(x) x\n" + string.Concat(Enumerable.Repeat("f(", 50_000)) + "1" + new string(')', 50_000));
        r.Messages.ShouldBe(new[] { "macro invocations nested more than 256 deep in arguments" });
    }

    [Fact]
    public void ExponentialExpansionIsBounded()
    {
        var src = "#define f0(x) x x\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"#define f{i}(x) f{i - 1}(x) f{i - 1}(x)\n")) + "f40(a)";
        var r = PreprocessorHarness.Run(src, configure: o => new KlpCcp.Engine.Preprocessing.PreprocessorOptions
        {
            MainFile = o.MainFile, WorkingDirectory = o.WorkingDirectory, ReadFile = o.ReadFile, SearchPath = o.SearchPath,
            MaxExpandedTokens = 1_000_000,
        });
        r.Messages.ShouldBe(new[] { "macro expansion produces more than 1000000 tokens" });
    }

    [Fact]
    public void RecursiveIncludeIsBounded()
    {
        var r = PreprocessorHarness.Run("#include \"self.h\"", new Dictionary<string, string> { ["self.h"] = "#include \"self.h\"\n" });
        r.Messages.ShouldBe(new[] { "#include nested depth 201 exceeds maximum of 200" });
    }

    [Fact]
    public void UnbalancedParenthesesAtEndOfFile()
    {
        var r = PreprocessorHarness.Run("#define f(x) x\nf(((((");
        r.Messages.ShouldBe(new[] { "unterminated argument list invoking macro \"f\"" });
    }
}
