using System.Text;
using KlpCcp.Diff;
using Xunit.Abstractions;

namespace KlpCcp.Testsuite;

/// <summary>
/// For each kernel case whose live patch compiles: the fix is applied to a copy of the unit,
/// the patched unit and the live patch are compiled with the case's flags, and each patched
/// function's disassembly is compared with its klpp_ twin (names and relocations normalised,
/// see <see cref="FunctionDisassembly"/>). Identical twins and explained differences are
/// reported (test output and klpccp-fromdiff-kernel/disassembly.txt in the temporary folder);
/// the test fails only when a twin is missing from the live patch.
/// </summary>
[Collection("kernel from-diff")]
public class KernelFromDiffDisassemblyTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> CaseNames() => SharedData.Cases(SharedData.KernelCaseNames);

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Patched_functions_compare_with_their_twins_in_the_fixed_build(string caseName)
    {
        SharedData.Require();
        var c = new KernelFixCase(caseName);
        Skip.IfNot(c.ExpectsLivePatch, $"{caseName}: no live patch expected");
        var run = c.Run();
        run.ExitCode.ShouldBe(0, run.Stderr);
        var work = Path.Combine(c.WorkDirectory, "disassembly");
        Directory.CreateDirectory(work);
        var livePatchObject = Path.Combine(work, "livepatch.o");
        var compiled = ProcessRunner.Run(Path.Combine(SharedData.KernelRoot, "compile.sh"), [c.Directory, c.OutputFile, livePatchObject], SharedData.KernelSources);
        Skip.If(compiled.ExitCode != 0, $"{caseName}: the live patch does not compile yet (KernelFromDiffTests.Known)");

        var fixedObject = CompileFixedUnit(c, work);
        var kernel = FunctionDisassembly.Read(fixedObject);
        var patch = FunctionDisassembly.Read(livePatchObject);
        var report = new StringBuilder();
        foreach (var f in KernelFixCase.PatchedFunctions(run.Stdout))
        {
            var twin = FunctionDisassembly.Find(patch, "klpp_" + f);
            twin.ShouldNotBeNull($"{caseName}: no klpp_{f} in the live patch");
            var original = FunctionDisassembly.Find(kernel, f);
            string verdict;
            if (original is null) verdict = "no out-of-line copy in the fixed build (gcc inlined every call)";
            else if (kernel[original].SequenceEqual(patch[twin])) verdict = "identical";
            else verdict = "differs: " + Explain(kernel[original], patch[twin]);
            report.Append($"{caseName}\t{f}\t{verdict}\n");
        }
        output.WriteLine(report.ToString());
        var file = Path.Combine(Path.GetTempPath(), "klpccp-fromdiff-kernel", "disassembly.txt");
        lock (typeof(KernelFromDiffDisassemblyTests)) File.AppendAllText(file, report.ToString());
    }

    /// <summary>
    /// Why two normalised disassemblies differ, in the terms that matter for a live patch. A klpe_
    /// pointer is a static variable, so its load is relocated against its section, not its name:
    /// a direct call of the kernel that the live patch makes through a pointer shows as the
    /// kernel's call missing and one more retpoline thunk call in the live patch. Direct calls only
    /// the live patch makes are functions gcc inlined in the kernel and not in the live patch.
    /// </summary>
    private static string Explain(List<string> kernel, List<string> livePatch)
    {
        static List<string> Calls(List<string> lines) =>
            lines.Where(l => l.StartsWith("reloc R_X86_64_PLT32 ", StringComparison.Ordinal)).Select(l => l.Split(' ')[^1]).ToList();
        static bool Thunk(string t) => t.StartsWith("__x86_indirect_thunk_", StringComparison.Ordinal);
        List<string> kernelCalls = Calls(kernel), patchCalls = Calls(livePatch);
        int extraIndirect = patchCalls.Count(Thunk) - kernelCalls.Count(Thunk);
        var onlyKernel = kernelCalls.Where(t => !Thunk(t) && !patchCalls.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
        var onlyPatch = patchCalls.Where(t => !Thunk(t) && !kernelCalls.Contains(t)).Distinct().Order(StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (extraIndirect > 0)
            parts.Add($"externalized calls go through klpe_ pointers ({extraIndirect} more indirect calls; direct only in the kernel: {string.Join(" ", onlyKernel.Take(5))})");
        else if (onlyKernel.Count > 0)
            parts.Add($"inlining differs (calls only in the kernel: {string.Join(" ", onlyKernel.Take(5))})");
        if (onlyPatch.Count > 0)
            parts.Add($"inlining differs (gcc inlined in the kernel, not in the live patch: {string.Join(" ", onlyPatch.Take(5))})");
        if (parts.Count == 0 && livePatch.Count(l => l.StartsWith("reloc R_X86_64_PC32", StringComparison.Ordinal)) != kernel.Count(l => l.StartsWith("reloc R_X86_64_PC32", StringComparison.Ordinal)))
            parts.Add("externalized objects are reached through klpe_ pointers (one more load)");
        if (parts.Count == 0) parts.Add($"code generation differs ({kernel.Count} vs {livePatch.Count} lines)");
        return string.Join("; ", parts);
    }

    /// <summary>
    /// The unit with the fix applied, compiled as kbuild compiles it: the patched files are written
    /// to a copy of their paths, found first (-I before the kernel's include dirs; the unit's own
    /// folder by -iquote), with __FILE__ mapped back to the tree's names.
    /// </summary>
    private static string CompileFixedUnit(KernelFixCase c, string work)
    {
        var copy = Path.Combine(work, "tree");
        var patch = PatchReader.Read(File.ReadAllText(c.PatchFile, Encoding.Latin1), c.PatchFile).Patch!;
        foreach (var file in patch.Files)
        {
            var path = file.NewPath!;
            var applied = HunkApplier.Apply(File.ReadAllText(Path.Combine(SharedData.KernelSources, file.SourcePath!), Encoding.Latin1), file);
            applied.Succeeded.ShouldBeTrue();
            var target = Path.Combine(copy, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, applied.Text, Encoding.Latin1);
        }
        var args = KernelCommandLine.ForReferenceRun(c.Name);
        args.RemoveAt(args.Count - 1); // the input file
        var extra = new List<string>
        {
            "-I", Path.Combine(copy, "arch/x86/include"), "-I", Path.Combine(copy, "include"),
            "-iquote", Path.Combine(SharedData.KernelSources, Path.GetDirectoryName(c.UnitPath)!),
            $"-fmacro-prefix-map={copy}/=",
        };
        var obj = Path.Combine(work, "fixed.o");
        var gcc = ProcessRunner.Run("gcc", [.. extra, .. args, "-c", "-o", obj, Path.Combine(copy, c.UnitPath)], SharedData.KernelSources);
        gcc.ExitCode.ShouldBe(0, gcc.Stderr);
        return obj;
    }
}
