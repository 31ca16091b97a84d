using KlpCcp.Engine.LivePatch.Policy;

namespace KlpCcp.Tests.Policy;

/// <summary>
/// testsuite/kernel-policy/*.sh, run through <see cref="ShellCommandPolicy"/>, answer exactly as
/// the built-in <see cref="KernelPolicy"/>.
/// </summary>
public class KernelPolicyScriptsTests
{
    private static readonly PolicyScripts Scripts = new("kernel-policy");

    private static readonly string[] Names = ["f", "prctl_set_auxv", "__bad_size_call_parameter", "klpp_f", "_", "x1"];

    /// <summary>Public and private headers, and paths that only look public.</summary>
    private static readonly string[] Headers =
    [
        "./include/linux/kernel.h", "include/linux/kernel.h", "././include/x.h", "./arch/x86/include/asm/bug.h",
        "arch/x86/include/generated/asm/rwonce.h", "./include/generated/autoconf.h", "kernel/sched/sched.h",
        "kernel/time/tick-internal.h", "./kernel/../include/linux/x.h", "drivers/net/include/x.h",
        "arch/x86/events/include/x.h", "arch/include/x.h", "arch//include/x.h", ".//include/x.h",
        "/usr/include/stdio.h", "include", "includes/x.h", "arch/x86/includes/x.h", "dir with blank/include/a.h",
        "./include/trace/define_trace.h", "include/trace/trace_events.h", "./include/trace/stages/init.h",
        "./include/trace/events/signal.h", "./include/trace/syscall.h",
        "./fs/nfs/internal.h", "../perf_event.h",
    ];

    private static readonly PolicyLocation Loc = new("kernel/sys.c", 4, 7);

    [Fact]
    public void ScriptsAreExecutableFiles() => Scripts.ShouldBeExecutableScripts();

    [Fact]
    public void YesNoQuestionsAnswerLikeTheBuiltInPolicy()
        => Scripts.ShouldAnswerYesNoQuestionsAs(new KernelPolicy(), Names, Headers, Loc, localStatics: true);

    [Fact]
    public void HeaderAnswersAreTheIntendedOnes()
    {
        var scripts = Scripts.Policy;
        string[] eligible = ["./include/linux/kernel.h", "././include/x.h", "arch/x86/include/generated/asm/rwonce.h"];
        string[] notEligible = ["kernel/sched/sched.h", "arch/x86/events/include/x.h", "arch//include/x.h", ".//include/x.h", "includes/x.h",
            "./include/trace/define_trace.h", "./include/trace/perf.h"];
        foreach (var h in eligible) scripts.MayIncludeHeader(h, false).Value.ShouldBeTrue(h);
        foreach (var h in notEligible) scripts.MayIncludeHeader(h, false).Value.ShouldBeFalse(h);
    }

    [Fact]
    public void ModificationQuestionsAnswerLikeTheBuiltInPolicy()
    {
        var scripts = Scripts.Policy;
        var kernel = new KernelPolicy();
        foreach (var n in Names)
        {
            foreach (var retry in new[] { 0, 1, 2, 11 })
            {
                PolicyScripts.Same(scripts.ModifyPatchedFunctionSymbol(n, retry), kernel.ModifyPatchedFunctionSymbol(n, retry), $"modify-patched {n} {retry}");
                foreach (var kind in new[] { ExternalizedSymbolKind.Function, ExternalizedSymbolKind.Object })
                    PolicyScripts.Same(scripts.ModifyExternalizedSymbol(kind, n, retry), kernel.ModifyExternalizedSymbol(kind, n, retry), $"modify-externalized {kind} {n} {retry}");
                PolicyScripts.Same(scripts.RenameRewrittenFunction(n, retry), kernel.RenameRewrittenFunction(n, retry), $"rename-rewritten {n} {retry}");
            }
        }
        scripts.ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, "jiffies", 3).Value
            .ShouldBe(new ExternalizedSymbolModification(new SymbolModification("klpe_jiffies3", LinkageChange.MakeStatic), true));
        scripts.ModifyPatchedFunctionSymbol("prctl_set_auxv", 0).Value.ShouldBe(new SymbolModification("klpp_prctl_set_auxv", LinkageChange.MakeExtern));
    }
}
