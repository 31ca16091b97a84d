using System.Text.RegularExpressions;
using KlpCcp.Diff;
using KlpCcp.Tests.Toolchain;

namespace KlpCcp.Tests.Diff;

/// <summary>
/// The real kernel fixes under ../shared/kernel/cases: every fix.patch, header.patch and
/// full.patch reads without a message, and applying it in memory to the unpatched sources
/// gives what GNU patch (patch -p1) writes, byte for byte.
/// </summary>
public partial class KernelCasePatchTests
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

    /// <summary>
    /// The re-application path on real fixes: around each hunk of fix.patch, a "transformed"
    /// copy of the original region has every identifier of its unchanged lines renamed (and a
    /// directive added in front). Merging with the patched region must give no conflict, and
    /// applying the same renames to the lines marked as the patch's must give the transformed
    /// patched region exactly.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(KernelCases))]
    public void Hunks_carry_over_to_a_transformed_copy_of_each_region(string caseName)
    {
        TestEnvironment.RequireShared();
        var patch = PatchReader.ReadFile(Path.Combine(ToolchainTestSupport.KernelCases, caseName, "fix.patch")).Patch!;
        foreach (var file in patch.Files)
        {
            var applied = HunkApplier.Apply(File.ReadAllText(Path.Combine(Linux, file.SourcePath!)), file);
            foreach (var hunk in applied.Hunks)
            {
                int first = Math.Max(1, hunk.OldLine - 15), last = Math.Min(applied.OldLines.Count, hunk.OldLine + hunk.Hunk.OldCount + 15);
                // Identifiers on lines that any hunk changes stay as they are (the region may reach into a neighbour hunk).
                var changed = string.Join("\n", file.Hunks.SelectMany(h => h.Lines).Where(l => l.Kind != HunkLineKind.Context).Select(l => l.Text));
                var renamed = Identifier().Matches(string.Join("\n", applied.OldLines.Skip(first - 1).Take(last - first + 1).Select(l => l.Text)))
                    .Select(m => m.Value).Where(id => !Regex.IsMatch(changed, $@"\b{id}\b")).ToHashSet();
                string Rewrite(string line) => Identifier().Replace(line, m => renamed.Contains(m.Value) ? "klpp_" + m.Value : m.Value);

                var transformed = "#line 1 \"x.c\"\n" + string.Concat(applied.OldLines.Skip(first - 1).Take(last - first + 1).Select(l => Rewrite(l.Text) + "\n"));
                var merged = RegionMerger.Merge(applied, first, last, transformed);
                merged.Conflicts.ShouldBeEmpty($"{caseName} hunk #{hunk.Hunk.Number}: {merged.TextWithConflictMarkers()}");

                var (_, _, patchedRegion) = applied.PatchedRegion(first, last);
                var expected = new[] { "#line 1 \"x.c\"" }.Concat(patchedRegion.Select(l => Rewrite(l.Text)));
                merged.Lines.Select(l => l.Source == LineSource.Patched ? Rewrite(l.Text) : l.Text).ShouldBe(expected, $"{caseName} hunk #{hunk.Hunk.Number}");
                if (hunk.Hunk.Lines.Any(l => l.Kind == HunkLineKind.Added))
                    merged.Lines.Count(l => l.Source == LineSource.Patched).ShouldBeGreaterThan(0);
            }
        }
    }

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();
}
