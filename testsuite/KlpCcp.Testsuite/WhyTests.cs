namespace KlpCcp.Testsuite;

/// <summary>`klp-ccp why` on corpus cases: exact chains from the patched function to the symbol.</summary>
public class WhyTests
{
    private static string Why(string caseName, string symbol)
    {
        SharedData.Require();
        var facts = Path.Combine(Path.GetTempPath(), $"klp-why-{Guid.NewGuid():N}.db");
        var output = facts + ".c";
        try
        {
            var run = CliRunner.Run(SharedData.CcpCorpus, "-c", "x86_64-gcc-12.2.0", "-o", output, "--policy=toy", "--facts", facts, "--", caseName);
            run.ExitCode.ShouldBe(0, run.Stderr);
            var why = CliRunner.Run(SharedData.CcpCorpus, "why", symbol, "--facts", facts);
            return why.Stdout;
        }
        finally
        {
            File.Delete(facts);
            File.Delete(output);
        }
    }

    [SkippableFact]
    public void CopiedCalleeInAnAddressTakingCycle() =>
        Why("fun-closure-8.c", "ee_h").ShouldBe(
            "function pu_f (fun-closure-8.c:3): patched as klpp_pu_f: patched\n" +
            "  -> function ee_h (fun-closure-8.h:8) [called, callee of a call at line 6]: copied: called from the live patch and not externalized\n");

    [SkippableFact]
    public void PointerizedObject() =>
        Why("ext-obj-2.c", "espr_o").ShouldBe(
            "function pu_f (ext-obj-2.c:3): patched as klpp_pu_f: patched\n" +
            "  -> object espr_o (ext-obj-2.c:1) [used, expression statement at line 5]: externalized as klpe_espr_o (pointer): the policy externalizes it\n");

    [SkippableFact]
    public void SymbolOutsideThePatch() =>
        Why("fun-closure-3.c", "h").ShouldBe("function h (fun-closure-3.c:3): not in the live patch: no patched function reaches it\n");
}
