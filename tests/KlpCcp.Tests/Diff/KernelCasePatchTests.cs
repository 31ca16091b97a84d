using KlpCcp.Diff;
using KlpCcp.Tests.Toolchain;

namespace KlpCcp.Tests.Diff;

/// <summary>
/// The real kernel fixes under ../shared/kernel/cases: every fix.patch, header.patch and
/// full.patch reads without a message, and applying it in memory to the unpatched sources
/// gives what GNU patch (patch -p1) writes, byte for byte.
/// </summary>
public class KernelCasePatchTests
{
    public static TheoryData<string> KernelCases() => new(ToolchainTestSupport.KernelCaseNames());

    private static string Linux => Path.Combine(ToolchainTestSupport.Shared, "kernel", "linux");

    [SkippableTheory]
    [MemberData(nameof(KernelCases))]
    public void Patches_read_and_apply_like_gnu_patch(string caseName)
    {
        TestEnvironment.RequireShared();
        var caseDir = Path.Combine(ToolchainTestSupport.KernelCases, caseName);
        var patchFiles = new[] { "fix.patch", "header.patch", "full.patch" }
            .Select(n => Path.Combine(caseDir, n)).Where(File.Exists).ToList();
        patchFiles.ShouldNotBeEmpty();
        File.Exists(Path.Combine(caseDir, "fix.patch")).ShouldBeTrue();

        foreach (var patchFile in patchFiles)
        {
            var read = PatchReader.ReadFile(patchFile);
            read.Diagnostics.ShouldBeEmpty(patchFile);
            var patch = read.Patch!;
            patch.Files.ShouldNotBeEmpty();

            var originals = new Dictionary<string, string>();
            foreach (var file in patch.Files)
            {
                file.Kind.ShouldBe(FileChangeKind.Modified, patchFile);
                file.StripLevel.ShouldBe(1);
                file.Hunks.ShouldNotBeEmpty();
                // The slice holds only what the cases' units include: a header that this
                // configuration never includes (case 14's rcutiny.h) is not there.
                var source = Path.Combine(Linux, file.SourcePath!);
                if (File.Exists(source)) originals[file.SourcePath!] = File.ReadAllText(source);
                else Path.GetFileName(patchFile).ShouldNotBe("fix.patch", $"{source} is missing");
            }

            var present = patch.Files.Where(f => originals.ContainsKey(f.SourcePath!)).ToList();
            var (exit, output, expected) = GnuPatch.Apply(originals, File.ReadAllText(patchFile));
            if (present.Count == patch.Files.Count) exit.ShouldBe(0, $"{patchFile}: GNU patch failed: {output}");
            foreach (var file in present)
            {
                var applied = HunkApplier.Apply(originals[file.SourcePath!], file);
                applied.Diagnostics.ShouldBeEmpty($"{patchFile} {file.DisplayPath}");
                applied.Hunks.ShouldAllBe(h => h.IsExact);
                applied.Text.ShouldBe(expected[file.SourcePath!], $"{patchFile}: {file.DisplayPath} differs from GNU patch's result");

                // The line map agrees with the texts: every unchanged old line is the same text in the new file.
                for (int line = 1; line <= applied.OldLines.Count; line++)
                {
                    var mapped = applied.LineMap.MapOldLine(line);
                    if (mapped.Fate == LineFate.Unchanged)
                        applied.NewLines[mapped.Line - 1].Text.ShouldBe(applied.OldLines[line - 1].Text);
                }
            }
        }
    }
}
