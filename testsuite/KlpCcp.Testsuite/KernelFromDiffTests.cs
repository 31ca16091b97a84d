using System.Text.RegularExpressions;
using KlpCcp.Diff;
using Xunit.Abstractions;

namespace KlpCcp.Testsuite;

/// <summary>
/// <c>klp-ccp from-diff</c> on every kernel case, run from the kernel tree as
/// <c>from-diff --compiler=x86_64-gcc-12.2.0 --cmd CASE/cmd.txt --output-dir DIR PATCH</c>
/// (fix.patch, or full.patch where fix.patch alone does not compile): the changed functions
/// found are those the fix really changes in this configuration (functions.txt), the traps
/// behave (a fix compiled out: exit 0 and no output; a struct layout change or __init code:
/// an error naming it), and each live patch compiles with the case's flags and holds the
/// fix's added lines.
/// </summary>
[Collection("kernel from-diff")]
public partial class KernelFromDiffTests(ITestOutputHelper output)
{
    /// <summary>
    /// Live patches that do not compile yet, each with gcc's first errors (measured with the
    /// depreprocessor of 15b977f). All come from the live-patch stages after from-diff's analysis
    /// (externalized declarations, tags from #included headers, error-attribute helpers): the
    /// classic invocation with the same patched functions gives the same errors.
    /// </summary>
    public static readonly KnownFailures Known = new(new Dictionary<string, string>
    {
        ["01-kernel-sys"] = "klpe_ pointer declarations missing for functions externalized from copied code: 'klpe___bad_size_call_parameter' undeclared in the copied get_current, 'klpe___copy_overflow' (35 errors)",
        ["02-kernel-signal"] = "klpe_ pointer declarations missing for functions externalized from copied code: 'klpe___bad_size_call_parameter', 'klpe___rcu_read_lock' undeclared (18 errors)",
        ["07-kernel-time-clockevents"] = "klpe_ pointer declarations missing for functions externalized from copied code: 'klpe___bitmap_weight' undeclared; then redefinition of 'struct cpuinfo_x86' (18 errors)",
        ["08-kernel-time-tick-broadcast"] = "a tag from an #included header is also copied: redeclaration of 'enum system_states' (46 errors)",
        ["10-kernel-trace-ring_buffer"] = "a tag from an #included header is also copied: redeclaration of 'enum system_states' (61 errors)",
        ["12-kernel-auditfilter"] = "a tag from an #included header is also copied: redeclaration of 'enum system_states' (27 errors)",
        ["13-kernel-events-ring_buffer"] = "a tag from an #included header is also copied: redeclaration of 'enum system_states' (69 errors)",
        ["16-mm-vmscan"] = "the BUILD_BUG_ON helpers __compiletime_assert_N (error attribute, never defined) are externalized as klpe_ pointers instead of declared (TRAPS.md); 'used' attribute does not apply to types (159 errors)",
        ["18-fs-exec"] = "klpe_ pointer declarations missing for functions externalized from copied code: 'klpe___bad_size_call_parameter', 'klpe_strrchr' undeclared (41 errors)",
        ["20-fs-ext4-inline"] = "klpe_ pointer declarations missing for functions externalized from copied code: 'klpe___cmpxchg_wrong_size' undeclared; and the BUILD_BUG_ON helpers __compiletime_assert_N (error attribute, never defined) are externalized as klpe_ pointers instead of declared (TRAPS.md) (10 errors)",
        ["23-fs-isofs-compress"] = "the BUILD_BUG_ON helpers __compiletime_assert_N (error attribute, never defined) are externalized as klpe_ pointers instead of declared (TRAPS.md) (35 errors)",
        ["24-fs-hugetlbfs-inode"] = "a tag from an #included header is also copied: redeclaration of enumerator 'BAD_STACK' (23 errors)",
        ["25-fs-nfs-client"] = "the BUILD_BUG_ON helpers __compiletime_assert_N (error attribute, never defined) are externalized as klpe_ pointers instead of declared (TRAPS.md) (10 errors)",
        ["31-net-sched-sch_api"] = "klpe_ pointer declarations missing for functions externalized from copied code: 'klpe___xadd_wrong_size', 'klpe_refcount_warn_saturate' undeclared (45 errors)",
        ["32-net-packet-af_packet"] = "klpe_ pointer declarations missing for functions externalized from copied code: 'klpe___xadd_wrong_size' undeclared (167 errors)",
        ["34-lib-string"] = "a tag from an #included header is also copied: redefinition of 'struct static_key', then conflicting types for 'arch_static_branch' (6 errors)",
        ["38-sec-keys-gc"] = "the BUILD_BUG_ON helpers __compiletime_assert_N (error attribute, never defined) are externalized as klpe_ pointers instead of declared (TRAPS.md) (38 errors)",
        ["40-block-blk-mq"] = "a tag from an #included header is also copied: redeclaration of 'enum system_states' (23 errors)",
        ["41-block-blk-cgroup"] = "attributes of a split declaration land on a type: 'used' and 'section' attribute does not apply to types, -Werror=attributes (57 errors)",
        ["43-x86-intel-lbr"] = "a tag from an #included header is also copied: redeclaration of 'enum system_states' (66 errors)",
        ["45-drv-tty-vt-vt"] = "klpe_ pointer declarations missing for functions externalized from copied code: 'klpe_console_lock', 'klpe__printk' undeclared in the patched do_con_write (6 errors)",
        ["47-drv-pci-pci"] = "non-static declaration of 'klpe_pci_power_names' follows static declaration; klpe_ pointer declarations missing for functions externalized from copied code: 'klpe_pci_read_config_word' (17 errors)",
        ["48-drv-md-dm"] = "the BUILD_BUG_ON helpers __compiletime_assert_N (error attribute, never defined) are externalized as klpe_ pointers instead of declared (TRAPS.md) (76 errors)",
    });

    public static IEnumerable<object[]> CaseNames() => SharedData.Cases(SharedData.KernelCaseNames);

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Finds_the_functions_the_fix_changes_and_handles_the_traps(string caseName)
    {
        SharedData.Require();
        var c = new KernelFixCase(caseName);
        var run = c.Run();
        output.WriteLine($"{caseName}: {Path.GetFileName(c.PatchFile)}, exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
        c.AnalysedFunctions.Length.ShouldBe(c.CountInTable, "functions.txt and cases.tsv disagree");

        KernelFixCase.FoundFunctions(run.Stdout).ShouldBe(c.ExpectedFunctions, $"{caseName}: changed functions\n{run.Stderr}");
        var outputs = Directory.Exists(c.OutputDirectory) ? Directory.GetFiles(c.OutputDirectory, "*", SearchOption.AllDirectories) : [];
        if (c.ExpectedFunctions.Length == 0)
        {
            run.ExitCode.ShouldBe(0, run.Stderr);
            run.Stdout.ShouldContain("compiled out by this configuration");
            run.Stdout.ShouldContain("nothing to patch: the fix changes nothing in this configuration");
            outputs.ShouldBeEmpty();
        }
        else if (c.ChangedStructs.Length > 0)
        {
            // the analysis lists added structs too; the layout changes among them are named
            run.ExitCode.ShouldBe(3);
            var named = LayoutError().Matches(run.Stderr).Select(m => m.Groups[1].Value).ToList();
            named.ShouldNotBeEmpty(run.Stderr);
            named.Except(c.ChangedStructs).ShouldBeEmpty(run.Stderr);
            outputs.ShouldBeEmpty();
        }
        else if (c.ChangesInitCode)
        {
            run.ExitCode.ShouldBe(3);
            run.Stderr.ShouldContain("__init code is discarded after boot: a live patch cannot change it");
            outputs.ShouldBeEmpty();
        }
        else if (c.ExpectsLivePatch)
        {
            run.ExitCode.ShouldBe(0, run.Stderr);
            outputs.ShouldBe([c.OutputFile]);
        }
        else
        {
            // functions only added or removed: nothing of the running kernel to replace
            run.ExitCode.ShouldBe(0, run.Stderr);
            run.Stdout.ShouldContain("nothing to patch: the fix changes no function's code in this configuration");
            outputs.ShouldBeEmpty();
        }
        if (caseName.StartsWith("11-", StringComparison.Ordinal))
            run.Stdout.ShouldContain("  function is_core_idle: function added (hunk #1 of kernel/sched/fair.c");
    }

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void The_live_patch_compiles_and_holds_the_fix(string caseName)
    {
        SharedData.Require();
        var c = new KernelFixCase(caseName);
        Skip.IfNot(c.ExpectsLivePatch, $"{caseName}: no live patch expected (nothing changed, or a change a live patch cannot carry)");
        var run = c.Run();
        run.ExitCode.ShouldBe(0, run.Stderr);

        var missing = MissingAddedLines(c, run.Stdout);
        Directory.CreateDirectory(c.WorkDirectory);
        var compile = ProcessRunner.Run(Path.Combine(SharedData.KernelRoot, "compile.sh"), [c.Directory, c.OutputFile, Path.Combine(c.WorkDirectory, "livepatch-check.o")], SharedData.KernelSources);
        var errors = compile.Stderr.Split('\n').Where(l => l.Contains("error:")).ToList();
        output.WriteLine($"{caseName}: {errors.Count} compile errors, {missing.Count} added lines missing");
        Known.Check(caseName, compile.ExitCode == 0 && missing.Count == 0,
            $"{caseName}: the live patch {c.OutputFile}" +
            (compile.ExitCode != 0 ? $" does not compile ({errors.Count} errors):\n{string.Join("\n", errors.Take(5))}" : " compiles") +
            (missing.Count > 0 ? $"\nadded lines of the fix missing from it:\n{string.Join("\n", missing.Take(10))}" : ""));
    }

    /// <summary>
    /// The fix's added code lines (comments and preprocessor lines aside) in hunks that change only
    /// functions, that the live patch does not contain once renames (klpp_, klpr_, klpe_ pointers)
    /// and white space are undone.
    /// </summary>
    private static List<string> MissingAddedLines(KernelFixCase c, string stdout)
    {
        var patch = PatchReader.Read(File.ReadAllText(c.PatchFile), "patch").Patch!;
        var text = Normalised(File.ReadAllText(c.OutputFile, System.Text.Encoding.Latin1));
        var missing = new List<string>();
        foreach (var file in patch.Files)
            foreach (var hunk in file.Hunks)
            {
                var outcome = stdout.Split('\n').FirstOrDefault(l => l.StartsWith($"  hunk #{hunk.Number} of {file.DisplayPath} (", StringComparison.Ordinal));
                if (outcome is null || !outcome.Contains("): changes function ", StringComparison.Ordinal)) continue;
                var entities = outcome[(outcome.IndexOf("): changes ", StringComparison.Ordinal) + 11)..].Split(", ");
                if (entities.Any(e => !e.StartsWith("function ", StringComparison.Ordinal))) continue;
                foreach (var line in hunk.Lines.Where(l => l.Kind == HunkLineKind.Added))
                {
                    var code = Normalised(line.Text);
                    if (code.Length == 0 || code.StartsWith('#') || text.Contains(code, StringComparison.Ordinal)) continue;
                    missing.Add(line.Text);
                }
            }
        return missing;
    }

    private static string Normalised(string text)
    {
        var code = string.Join("\n", CodeText.CodeLines(text));
        code = Pointerized().Replace(code, "$1");
        code = Renamed().Replace(code, "$1");
        code = StorageClass().Replace(code, "");
        return Regex.Replace(code, @"\s+", "");
    }

    [GeneratedRegex(@": error: struct (\w+): layout changed \(hunk #")]
    private static partial Regex LayoutError();

    [GeneratedRegex(@"\(\*klpe_(\w+)\)")]
    private static partial Regex Pointerized();

    [GeneratedRegex(@"\bklp[epr]_(\w+)")]
    private static partial Regex Renamed();

    [GeneratedRegex(@"\b(static|extern)\b")]
    private static partial Regex StorageClass();
}
