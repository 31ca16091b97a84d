using KlpCcp.Engine.LivePatch.Policy;

namespace KlpCcp.Tests.Policy;

/// <summary>
/// testsuite/toy-policy/*.sh, run through <see cref="ShellCommandPolicy"/>, answer exactly as
/// the built-in <see cref="ToyPolicy"/>.
/// </summary>
public class ToyPolicyScriptsTests
{
    private static readonly PolicyScripts Scripts = new("toy-policy");

    private static readonly string[] Names =
    [
        "f", "pu_f", "ps_f", "pe_f", "pa_f", "cpu_x", "pu", "eu_x", "es_x", "ee_x", "eup_x", "esr_x", "espr_cnt",
        "eepr_y", "esrp_x", "ea_x", "pu_espr_cb", "ps_eu_g", "pe_ee_h", "pu_pu_eu_f", "e_x", "eu", "x_eu",
    ];

    private static readonly string[] Headers =
    [
        "t.h", "headers-1-internal.h", "internal/x.h", "/usr/include/linux/internal.h", "dir with blank/a.h", "INTERNAL.h",
    ];

    private static readonly PolicyLocation Loc = new("t.c", 4, 7);

    [Fact]
    public void ScriptsAreExecutableFiles() => Scripts.ShouldBeExecutableScripts();

    [Fact]
    public void YesNoQuestionsAnswerLikeTheToyPolicy()
        => Scripts.ShouldAnswerYesNoQuestionsAs(new ToyPolicy(), Names, Headers, Loc, localStatics: false);

    [Fact]
    public void ModificationQuestionsAnswerLikeTheToyPolicy()
    {
        var scripts = Scripts.Policy;
        var toy = new ToyPolicy();
        foreach (var n in Names)
        {
            foreach (var retry in new[] { 0, 1, 2, 11 })
            {
                var tp = toy.ModifyPatchedFunctionSymbol(n, retry);
                var sp = scripts.ModifyPatchedFunctionSymbol(n, retry);
                if (tp.IsAnswered) PolicyScripts.Same(sp, tp, $"modify-patched {n} {retry}");
                else
                {
                    // the built-in reports a policy error, the script fails as the 2019 scripts did
                    sp.Kind.ShouldBe(PolicyAnswerKind.CommandFailure);
                    sp.FailureMessage.ShouldBe($"command '{Scripts.Directory}/modify-patched-fun-sym.sh {n} {retry}' failed with status 1; standard error was: \"error: {tp.Errors[0]}\n\"");
                }
                foreach (var kind in new[] { ExternalizedSymbolKind.Function, ExternalizedSymbolKind.Object })
                {
                    var te = toy.ModifyExternalizedSymbol(kind, n, retry);
                    var se = scripts.ModifyExternalizedSymbol(kind, n, retry);
                    var k = kind == ExternalizedSymbolKind.Function ? "function" : "object";
                    if (te.IsAnswered) PolicyScripts.Same(se, te, $"modify-externalized {k} {n} {retry}");
                    else
                    {
                        se.Kind.ShouldBe(PolicyAnswerKind.CommandFailure);
                        se.FailureMessage.ShouldBe($"command '{Scripts.Directory}/modify-externalized-sym.sh {k} {n} {retry}' failed with status 1; standard error was: \"error: {te.Errors[0]}\n\"");
                    }
                }
                PolicyScripts.Same(scripts.RenameRewrittenFunction(n, retry), toy.RenameRewrittenFunction(n, retry), $"rename-rewritten {n} {retry}");
            }
        }
    }
}
