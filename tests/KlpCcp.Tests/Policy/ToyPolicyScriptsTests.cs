#pragma warning disable CA1416 // Unix file modes: the tests run on Linux only
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Tests.Toolchain;

namespace KlpCcp.Tests.Policy;

/// <summary>
/// testsuite/toy-policy/*.sh, run through <see cref="ShellCommandPolicy"/>, answer exactly as
/// the built-in <see cref="ToyPolicy"/>.
/// </summary>
public class ToyPolicyScriptsTests
{
    private static readonly string ScriptDir = Path.Combine(ToolchainTestSupport.RepoRoot, "testsuite", "toy-policy");

    private static ShellCommand Cmd(string script) =>
        ShellCommand.TryParse(Path.Combine(ScriptDir, script + ".sh"), ScriptDir, out _)!;

    internal static ShellCommandPolicy Scripts() => new(new PolicyCommands(
        IsPatched: Cmd("is-patched"),
        MayIncludeHeader: Cmd("may-include-header"),
        CanExternalizeFunction: Cmd("can-externalize-fun"),
        ShallExternalizeFunction: Cmd("shall-externalize-fun"),
        ShallExternalizeObject: Cmd("shall-externalize-obj"),
        ModifyPatchedFunctionSymbol: Cmd("modify-patched-fun-sym"),
        ModifyExternalizedSymbol: Cmd("modify-externalized-sym"),
        RenameRewrittenFunction: Cmd("rename-rewritten-fun")), ScriptDir);

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

    private static void Same<T>(PolicyAnswer<T> script, PolicyAnswer<T> toy, string what)
    {
        script.Kind.ShouldBe(toy.Kind, $"{what}: script {script}, toy {toy}");
        if (toy.IsAnswered) script.Value.ShouldBe(toy.Value, what);
        script.Warnings.ShouldBeEmpty(what);
    }

    [Fact]
    public void ScriptsAreExecutableFiles()
    {
        foreach (var f in Directory.GetFiles(ScriptDir, "*.sh"))
        {
            File.ReadAllText(f).ShouldStartWith("#!/bin/sh\n");
            (File.GetUnixFileMode(f) & UnixFileMode.UserExecute).ShouldBe(UnixFileMode.UserExecute, f);
        }
        Directory.GetFiles(ScriptDir, "*.sh").Length.ShouldBe(8);
    }

    [Fact]
    public void YesNoQuestionsAnswerLikeTheToyPolicy()
    {
        var scripts = Scripts();
        var toy = new ToyPolicy();
        foreach (var n in Names)
        {
            Same(scripts.IsPatched(n), toy.IsPatched(n), $"is-patched {n}");
            Same(scripts.CanExternalizeFunction(n, PolicyLinkage.Internal, Loc), toy.CanExternalizeFunction(n, PolicyLinkage.Internal, Loc), $"can-externalize {n}");
            Same(scripts.CanExternalizeFunction(n, PolicyLinkage.External, null), toy.CanExternalizeFunction(n, PolicyLinkage.External, null), $"can-externalize {n} (declared)");
            foreach (var fromHeader in new[] { false, true })
                Same(scripts.ShallExternalizeFunction(n, PolicyLinkage.External, fromHeader, Loc), toy.ShallExternalizeFunction(n, PolicyLinkage.External, fromHeader, Loc), $"shall-externalize-fun {n} {fromHeader}");
            Same(scripts.ShallExternalizeObject(n, PolicyLinkage.External, Loc), toy.ShallExternalizeObject(n, PolicyLinkage.External, Loc), $"shall-externalize-obj {n}");
        }
        foreach (var h in Headers)
            foreach (var pre in new[] { false, true })
                Same(scripts.MayIncludeHeader(h, pre), toy.MayIncludeHeader(h, pre), $"may-include-header {h} {pre}");
    }

    [Fact]
    public void ModificationQuestionsAnswerLikeTheToyPolicy()
    {
        var scripts = Scripts();
        var toy = new ToyPolicy();
        foreach (var n in Names)
        {
            foreach (var retry in new[] { 0, 1, 2, 11 })
            {
                var tp = toy.ModifyPatchedFunctionSymbol(n, retry);
                var sp = scripts.ModifyPatchedFunctionSymbol(n, retry);
                if (tp.IsAnswered) Same(sp, tp, $"modify-patched {n} {retry}");
                else
                {
                    // the built-in reports a policy error, the script fails as the 2019 scripts did
                    sp.Kind.ShouldBe(PolicyAnswerKind.CommandFailure);
                    sp.FailureMessage.ShouldBe($"command '{ScriptDir}/modify-patched-fun-sym.sh {n} {retry}' failed with status 1; standard error was: \"error: {tp.Errors[0]}\n\"");
                }
                foreach (var kind in new[] { ExternalizedSymbolKind.Function, ExternalizedSymbolKind.Object })
                {
                    var te = toy.ModifyExternalizedSymbol(kind, n, retry);
                    var se = scripts.ModifyExternalizedSymbol(kind, n, retry);
                    var k = kind == ExternalizedSymbolKind.Function ? "function" : "object";
                    if (te.IsAnswered) Same(se, te, $"modify-externalized {k} {n} {retry}");
                    else
                    {
                        se.Kind.ShouldBe(PolicyAnswerKind.CommandFailure);
                        se.FailureMessage.ShouldBe($"command '{ScriptDir}/modify-externalized-sym.sh {k} {n} {retry}' failed with status 1; standard error was: \"error: {te.Errors[0]}\n\"");
                    }
                }
                Same(scripts.RenameRewrittenFunction(n, retry), toy.RenameRewrittenFunction(n, retry), $"rename-rewritten {n} {retry}");
            }
        }
    }
}
