using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using KlpCcp.Engine.Preprocessing;
using Xunit.Abstractions;

namespace KlpCcp.Testsuite;

/// <summary>
/// For every kernel case, the classic invocation with the kernel policy
/// (<c>klp-ccp --compiler=x86_64-gcc-12.2.0 --outfile=OUT --patched-functions=F1,F2 --policy=kernel
/// -- ARGS</c>, run from the kernel tree, ARGS = cmd.txt without the program name), patching the
/// functions of functions.txt's table whose change this configuration compiles and which the
/// unpatched unit defines, gives a live patch that the case's <c>compile.sh</c> compiles and
/// whose object defines every <c>klpp_</c> function. A few cases also run with the kernel policy
/// as shell commands (testsuite/kernel-policy), which must give the very same output.
/// </summary>
public class KernelLivePatchTests(ITestOutputHelper output)
{
    // Causes named in the reasons below (layer: what goes wrong):
    private const string NoPointerDeclaration =
        "Output: an externalized function declared (not defined) in an included header gets no `static T (*klpe_F)(...);` declaration";
    private const string IncludeSwallowsNextLine =
        "Preprocessing record: IncludeRecord.DirectiveEndLoc is the end of the line after the #include, so the emitted #include copies the next source line too";
    private const string RedeclaredPointer =
        "Output: a later declaration of an externalized object/function is re-emitted without `static` (\"non-static declaration of klpe_X follows static declaration\", SPEC 2.10 defect)";
    private const string JoinedExpansion =
        "Output: an expanded macro invocation is written on the previous statement's line (-Werror=misleading-indentation)";
    private const string PointerKeepsObjectAttributes =
        "Output: the section/__visible attributes of an externalized object stay on its klpe_ pointer";
    private const string LocalStaticSection =
        "Output: an externalized local static with a section attribute (printk_once's __already_done) becomes a block-scope extern with that attribute";
    private const string InlinePatched =
        "Output: a patched static inline function made external is emitted `extern inline` (the kernel's inline is gnu_inline: no symbol; C99 forbids its static references)";
    private const string TraceCallbackChecks =
        "Output: check_trace_callback_type_* (static inline, from TRACE_EVENT) emitted as bodiless declarations";
    private const string PerCpuPointer =
        "Policy (kallsyms method): the per-cpu object current_task becomes a pointer, but get_current() passes its address as an asm \"p\" operand (assembler: bad memory operand)";

    private static string Depreprocessor(string what) => $"depreprocessor: {what}";

    /// <summary>Cases known to fail, each with every cause found (the first one listed stops the compile first).</summary>
    public static readonly KnownFailures Known = new(new Dictionary<string, string>
    {
        ["01-kernel-sys"] = $"{NoPointerDeclaration} (memcpy, _raw_spin_lock, __copy_overflow); then {PerCpuPointer}; {PointerKeepsObjectAttributes} (.data..percpu)",
        ["02-kernel-signal"] = $"{NoPointerDeclaration} (__rcu_read_lock, __task_pid_nr_ns); {Depreprocessor("#define TRACE_INCLUDE_FILE/TRACE_INCLUDE for `#include TRACE_INCLUDE(...)` of the copied trace/events/signal.h")}; {RedeclaredPointer} (init_user_ns)",
        ["04-kernel-kprobes"] = $"{NoPointerDeclaration} (kfree, __kmalloc, kernel_text_address); {JoinedExpansion} (list_for_each_entry after `return true;`)",
        ["07-kernel-time-clockevents"] = $"{NoPointerDeclaration} (module_put, _raw_spin_lock_irqsave, __bitmap_weight)",
        ["08-kernel-time-tick-broadcast"] = $"{NoPointerDeclaration} (try_module_get, _find_first_bit)",
        ["09-kernel-trace-trace_probe"] = $"{NoPointerDeclaration} (trace_define_field, kfree)",
        ["10-kernel-trace-ring_buffer"] = $"{IncludeSwallowsNextLine} (`#include <asm/local64.h>` + `struct rb_time_struct {{`); {Depreprocessor("#define MAX_NEST (ring_buffer.c)")}; {NoPointerDeclaration} (__wake_up, _raw_spin_lock)",
        ["11-kernel-sched-fair"] = $"{Depreprocessor("#define CPUPRI_NR_PRIORITIES, PELT_MIN_DIVIDER (private kernel/sched headers), add_positive (fair.c); #if reproduction (#endif without #if)")}; {InlinePatched} (update_sd_lb_stats, update_tg_cfs_runnable)",
        ["12-kernel-auditfilter"] = $"{IncludeSwallowsNextLine} (`#include \"audit.h\"`); {RedeclaredPointer} (audit_filter_mutex)",
        ["13-kernel-events-ring_buffer"] = $"{NoPointerDeclaration} (__bad_size_call_parameter)",
        ["14-kernel-rcu-tree"] = $"{IncludeSwallowsNextLine} (`#include \"../time/tick-internal.h\"`); {NoPointerDeclaration} (__bad_size_call_parameter); {RedeclaredPointer} (rcu_preempt_deferred_qs)",
        ["16-mm-vmscan"] = $"{Depreprocessor("#define TRACE_INCLUDE_FILE/TRACE_INCLUDE for the copied trace/events/vmscan.h")}; {NoPointerDeclaration} (memcpy, blk_start_plug, __SCT__cond_resched); {TraceCallbackChecks}",
        ["18-fs-exec"] = $"{IncludeSwallowsNextLine} (`#include \"internal.h\"`); {NoPointerDeclaration} (strrchr, _raw_spin_lock_irq, __rcu_read_lock); {RedeclaredPointer} (suid_dumpable)",
        ["20-fs-ext4-inline"] = $"{IncludeSwallowsNextLine} (`#include \"ext4.h\"`); {NoPointerDeclaration} (__kmalloc, kmalloc_large, kfree); {Depreprocessor("#define EXT4_NAME_LEN (fs/ext4/ext4.h)")}",
        ["21-fs-fs-writeback"] = $"{IncludeSwallowsNextLine} (`#include \"internal.h\"`); {Depreprocessor("#define TRACE_INCLUDE_FILE/TRACE_INCLUDE for the copied trace/events/writeback.h")}",
        ["23-fs-isofs-compress"] = $"{NoPointerDeclaration} (__kmalloc, zlib_inflate, mutex_unlock); {JoinedExpansion} (an `else` clause)",
        ["24-fs-hugetlbfs-inode"] = $"{NoPointerDeclaration} (kfree, __kmalloc, d_make_root, hugepage_new_subpool)",
        ["25-fs-nfs-client"] = $"{NoPointerDeclaration} (__rcu_read_lock, idr_remove); {Depreprocessor("#define NFS4_MAX_MINOR_VERSION (fs/nfs private header)")}",
        ["27-net-ipv4-inetpeer"] = $"{NoPointerDeclaration} (_raw_spin_lock_bh, kmem_cache_alloc, rb_insert_color); {Depreprocessor("#define PEER_MAX_GC (inetpeer.c)")}",
        ["31-net-sched-sch_api"] = $"{NoPointerDeclaration} (rtnl_lock, rcu_is_watching, __bad_size_call_parameter); {Depreprocessor("#if reproduction (#else/#endif without #if around net_device's dev_refcnt use)")}",
        ["32-net-packet-af_packet"] = $"{NoPointerDeclaration} (memset, _printk, skb_push); {Depreprocessor("#define PACKET_SKB_CB (net/packet/internal.h)")}; {LocalStaticSection}",
        ["37-sec-keys-request_key_auth"] = $"{NoPointerDeclaration} (key_put, seq_printf, up_read); {RedeclaredPointer} (key_type_request_key_auth); {JoinedExpansion}",
        ["38-sec-keys-gc"] = $"{IncludeSwallowsNextLine} (`#include \"internal.h\"`); {NoPointerDeclaration} (queue_work_on, _raw_spin_lock); {RedeclaredPointer} (key_gc_delay, key_gc_work, key_type_dead); {Depreprocessor("#define KEY_GC_REAP_KEYTYPE etc. (gc.c)")}",
        ["40-block-blk-mq"] = $"{IncludeSwallowsNextLine} (`#include \"blk.h\"`)",
        ["41-block-blk-cgroup"] = $"{IncludeSwallowsNextLine} (`#include \"blk.h\"`); {NoPointerDeclaration} (_raw_spin_lock, of_css)",
        ["43-x86-intel-lbr"] = Depreprocessor("#define MAX_LBR_ENTRIES, X86_BR_ALL, X86_BR_ANYTX (arch/x86/events/perf_event.h, included as \"../perf_event.h\")"),
        ["45-drv-tty-vt-vt"] = $"{NoPointerDeclaration} (console_lock, _printk, atomic_notifier_call_chain); {LocalStaticSection}",
        ["47-drv-pci-pci"] = $"{IncludeSwallowsNextLine} (`#include \"pci.h\"`); {RedeclaredPointer} (pci_power_names)",
        ["48-drv-md-dm"] = $"{NoPointerDeclaration} (mutex_lock, out_of_line_wait_on_bit, del_gendisk; also below the copied private drivers/md/dm-core.h)",
        ["51-init-main"] = $"{Depreprocessor("#define TRACE_INCLUDE_FILE/TRACE_INCLUDE for the copied trace/events/initcall.h; #if reproduction (#endif/#else without #if, CONFIG_STACKPROTECTOR branch using __stack_chk_guard)")}; {NoPointerDeclaration} (vfs_caches_init, workqueue_init_early); {PointerKeepsObjectAttributes} (fixed_percpu_data: section, __visible)",
    });

    /// <summary>Small cases run once more with the policy as shell commands.</summary>
    public static readonly string[] ShellPolicyCases = ["01-kernel-sys", "23-fs-isofs-compress", "34-lib-string", "36-lib-ucs2_string"];

    public static IEnumerable<object[]> CaseNames() => SharedData.Cases(SharedData.KernelCaseNames);

    public static IEnumerable<object[]> ShellCaseNames() => SharedData.Cases(() => ShellPolicyCases.Where(c => Directory.Exists(KernelCommandLine.CaseDirectory(c))));

    private const string Compiler = "x86_64-gcc-12.2.0";

    private static readonly string OutputDirectory = Path.Combine(Path.GetTempPath(), "klpccp-kernel-live-patches");

    /// <summary>The built-in runs, shared by both tests (the shell variant compares against them).</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Run>> BuiltInRuns = new();

    /// <summary>One classic invocation on a case and what became of its output.</summary>
    public sealed record Run(
        string Case,
        IReadOnlyList<string> Patched,
        CliRunner.Result Cli,
        string OutputFile,
        string? Text,
        int PreprocessedLines,
        long Milliseconds);

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Live_patch_compiles_and_defines_the_patched_functions(string caseName)
    {
        SharedData.Require();
        var run = BuiltInRun(caseName);
        var problems = new List<string>();
        int lines = run.Text is null ? 0 : run.Text.Count(c => c == '\n');
        output.WriteLine($"{caseName}: patched [{string.Join(", ", run.Patched)}], exit {run.Cli.ExitCode}, {run.Milliseconds} ms; " +
                         $"output {lines} lines vs preprocessed unit {run.PreprocessedLines} lines ({Ratio(lines, run.PreprocessedLines)}); {run.OutputFile}");
        if (run.Cli.ExitCode != 0 || run.Text is null)
        {
            problems.Add($"klp-ccp exit {run.Cli.ExitCode}:\n{First(run.Cli.Stderr, 20)}");
        }
        else
        {
            var obj = Path.ChangeExtension(run.OutputFile, ".o");
            var compile = ProcessRunner.Run(Path.Combine(SharedData.KernelRoot, "compile.sh"),
                [KernelCommandLine.CaseDirectory(caseName), run.OutputFile, obj], SharedData.KernelSources);
            if (compile.ExitCode != 0)
            {
                var errors = compile.Stderr.Split('\n').Where(l => l.Contains("error:", StringComparison.Ordinal)).ToList();
                problems.Add($"compile.sh exit {compile.ExitCode}, {errors.Count} errors; first:\n{string.Join("\n", errors.Take(15))}");
            }
            else
            {
                var nm = ProcessRunner.Run("nm", ["--defined-only", obj], SharedData.KernelSources);
                var defined = nm.Stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .Where(p => p.Length == 3 && p[1] == "T").Select(p => p[2]).ToHashSet(StringComparer.Ordinal);
                foreach (var f in run.Patched)
                    if (!defined.Contains("klpp_" + f)) problems.Add($"the object does not define the global function klpp_{f}");
            }
            File.Delete(obj);
        }
        bool passed = problems.Count == 0;
        if (passed) File.Delete(run.OutputFile);
        Known.Check(caseName, passed, $"{caseName} (output kept in {run.OutputFile}):\n{string.Join("\n", problems)}");
    }

    [SkippableTheory]
    [MemberData(nameof(ShellCaseNames))]
    public void Shell_policy_commands_give_the_same_live_patch(string caseName)
    {
        SharedData.Require();
        var builtIn = BuiltInRun(caseName);
        var dir = Path.Combine(SharedData.RepositoryRoot, "testsuite", "kernel-policy");
        var shell = Execute(caseName, builtIn.Patched, "shell",
        [
            "-I", Path.Combine(dir, "is-patched.sh"),
            "-H", Path.Combine(dir, "may-include-header.sh"),
            "-F", Path.Combine(dir, "can-externalize-fun.sh"),
            "-S", Path.Combine(dir, "shall-externalize-fun.sh"),
            "-O", Path.Combine(dir, "shall-externalize-obj.sh"),
            "-P", Path.Combine(dir, "modify-patched-fun-sym.sh"),
            "-E", Path.Combine(dir, "modify-externalized-sym.sh"),
            "-R", Path.Combine(dir, "rename-rewritten-fun.sh"),
        ], builtIn.PreprocessedLines);
        output.WriteLine($"{caseName}: built-in {builtIn.Milliseconds} ms, shell commands {shell.Milliseconds} ms");
        shell.Cli.ExitCode.ShouldBe(builtIn.Cli.ExitCode, shell.Cli.Stderr);
        shell.Cli.Stderr.ShouldBe(builtIn.Cli.Stderr);
        shell.Text.ShouldBe(builtIn.Text);
        File.Delete(shell.OutputFile);
    }

    private static Run BuiltInRun(string caseName) =>
        BuiltInRuns.GetOrAdd(caseName, c => new Lazy<Run>(() =>
        {
            var (patched, preprocessedLines) = FunctionsToPatch(c);
            return Execute(c, patched, "builtin", ["--policy=kernel"], preprocessedLines);
        })).Value;

    /// <summary>The functions to patch (see <see cref="KernelCaseFunctions.ToPatch"/>) and the size of the unit as gcc -E -P prints it.</summary>
    private static (IReadOnlyList<string> Patched, int PreprocessedLines) FunctionsToPatch(string caseName)
    {
        var fe = FrontEndRunner.Run(Compiler, KernelCommandLine.Arguments(caseName), SharedData.KernelSources);
        if (fe.Model is null) throw new Xunit.Sdk.XunitException($"{caseName}: front-end errors:\n{FrontEndRunner.Errors(fe)}");
        var defined = fe.Model.FunctionDefinitions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        int lines = 0;
        for (int i = 0; i < fe.Unit.Count; i++)
            if (fe.Unit.Tokens[i].Kind == TokenKind.Directive || (fe.Unit.Tokens[i].Flags & TokenFlags.StartOfLine) != 0) lines++;
        return (KernelCaseFunctions.Read(caseName).ToPatch(defined), lines);
    }

    private static Run Execute(string caseName, IReadOnlyList<string> patched, string variant, string[] policyArgs, int preprocessedLines)
    {
        Directory.CreateDirectory(OutputDirectory);
        var outFile = Path.Combine(OutputDirectory, $"{caseName}.{variant}.c");
        File.Delete(outFile);
        var args = new List<string> { "--compiler=" + Compiler, "--outfile=" + outFile, "--patched-functions=" + string.Join(",", patched) };
        args.AddRange(policyArgs);
        args.Add("--");
        args.AddRange(KernelCommandLine.Arguments(caseName));
        var sw = Stopwatch.StartNew();
        var cli = CliRunner.Run(SharedData.KernelSources, args.ToArray());
        sw.Stop();
        string? text = File.Exists(outFile) ? File.ReadAllText(outFile, Encoding.Latin1) : null;
        return new Run(caseName, patched, cli, outFile, text, preprocessedLines, sw.ElapsedMilliseconds);
    }

    private static string Ratio(int a, int b) => b == 0 ? "-" : $"{100.0 * a / b:0.0}%";

    private static string First(string text, int lines) => string.Join("\n", text.Split('\n').Take(lines));
}
