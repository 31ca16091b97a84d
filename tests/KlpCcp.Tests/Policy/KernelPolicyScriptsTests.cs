#pragma warning disable CA1416 // Unix file modes: the tests run on Linux only
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Tests.Toolchain;

namespace KlpCcp.Tests.Policy;

/// <summary>
/// testsuite/kernel-policy/*.sh, run through <see cref="ShellCommandPolicy"/>, answer exactly as
/// the built-in <see cref="KernelPolicy"/>.
/// </summary>
public class KernelPolicyScriptsTests
{
    private static readonly string ScriptDir = Path.Combine(ToolchainTestSupport.RepoRoot, "testsuite", "kernel-policy");

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

    private static void Same<T>(PolicyAnswer<T> script, PolicyAnswer<T> builtIn, string what)
    {
        script.Kind.ShouldBe(builtIn.Kind, $"{what}: script {script}, built-in {builtIn}");
        script.Value.ShouldBe(builtIn.Value, what);
        script.Warnings.ShouldBeEmpty(what);
    }

    [Fact]
    public void ScriptsAreExecutableFiles()
    {
        var files = Directory.GetFiles(ScriptDir, "*.sh");
        files.Length.ShouldBe(8);
        foreach (var f in files)
        {
            File.ReadAllText(f).ShouldStartWith("#!/bin/sh\n");
            (File.GetUnixFileMode(f) & UnixFileMode.UserExecute).ShouldBe(UnixFileMode.UserExecute, f);
        }
    }

    [Fact]
    public void YesNoQuestionsAnswerLikeTheBuiltInPolicy()
    {
        var scripts = Scripts();
        var kernel = new KernelPolicy();
        foreach (var n in Names)
        {
            Same(scripts.IsPatched(n), kernel.IsPatched(n), $"is-patched {n}");
            Same(scripts.CanExternalizeFunction(n, PolicyLinkage.Internal, Loc), kernel.CanExternalizeFunction(n, PolicyLinkage.Internal, Loc), $"can-externalize {n}");
            Same(scripts.CanExternalizeFunction(n, PolicyLinkage.External, null), kernel.CanExternalizeFunction(n, PolicyLinkage.External, null), $"can-externalize {n} (declared)");
            foreach (var fromHeader in new[] { false, true })
                Same(scripts.ShallExternalizeFunction(n, PolicyLinkage.External, fromHeader, Loc), kernel.ShallExternalizeFunction(n, PolicyLinkage.External, fromHeader, Loc), $"shall-externalize-fun {n} {fromHeader}");
            Same(scripts.ShallExternalizeObject(n, PolicyLinkage.External, Loc), kernel.ShallExternalizeObject(n, PolicyLinkage.External, Loc), $"shall-externalize-obj {n}");
            Same(scripts.ShallExternalizeObject(n, PolicyLinkage.None, Loc), kernel.ShallExternalizeObject(n, PolicyLinkage.None, Loc), $"shall-externalize-obj {n} (local static)");
        }
        foreach (var h in Headers)
            foreach (var pre in new[] { false, true })
                Same(scripts.MayIncludeHeader(h, pre), kernel.MayIncludeHeader(h, pre), $"may-include-header {h} {pre}");
    }

    [Fact]
    public void HeaderAnswersAreTheIntendedOnes()
    {
        var scripts = Scripts();
        string[] eligible = ["./include/linux/kernel.h", "././include/x.h", "arch/x86/include/generated/asm/rwonce.h"];
        string[] notEligible = ["kernel/sched/sched.h", "arch/x86/events/include/x.h", "arch//include/x.h", ".//include/x.h", "includes/x.h",
            "./include/trace/define_trace.h", "./include/trace/perf.h"];
        foreach (var h in eligible) scripts.MayIncludeHeader(h, false).Value.ShouldBeTrue(h);
        foreach (var h in notEligible) scripts.MayIncludeHeader(h, false).Value.ShouldBeFalse(h);
    }

    [Fact]
    public void ModificationQuestionsAnswerLikeTheBuiltInPolicy()
    {
        var scripts = Scripts();
        var kernel = new KernelPolicy();
        foreach (var n in Names)
        {
            foreach (var retry in new[] { 0, 1, 2, 11 })
            {
                Same(scripts.ModifyPatchedFunctionSymbol(n, retry), kernel.ModifyPatchedFunctionSymbol(n, retry), $"modify-patched {n} {retry}");
                foreach (var kind in new[] { ExternalizedSymbolKind.Function, ExternalizedSymbolKind.Object })
                    Same(scripts.ModifyExternalizedSymbol(kind, n, retry), kernel.ModifyExternalizedSymbol(kind, n, retry), $"modify-externalized {kind} {n} {retry}");
                Same(scripts.RenameRewrittenFunction(n, retry), kernel.RenameRewrittenFunction(n, retry), $"rename-rewritten {n} {retry}");
            }
        }
        scripts.ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, "jiffies", 3).Value
            .ShouldBe(new ExternalizedSymbolModification(new SymbolModification("klpe_jiffies3", LinkageChange.MakeStatic), true));
        scripts.ModifyPatchedFunctionSymbol("prctl_set_auxv", 0).Value.ShouldBe(new SymbolModification("klpp_prctl_set_auxv", LinkageChange.MakeExtern));
    }
}
