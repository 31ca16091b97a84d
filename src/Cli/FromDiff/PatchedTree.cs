using System.Text;
using KlpCcp.Diff;

namespace KlpCcp.Cli.FromDiff;

/// <summary>
/// The source tree as it is and, in memory, as the patch makes it: every file the patch touches
/// is read and patched (nothing is written into the tree). The patched tree is seen through
/// <see cref="ReadPatched"/>, the preprocessor's file hook.
/// </summary>
public sealed class PatchedTree
{
    private readonly Dictionary<string, PatchedFile> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _overlay = new(StringComparer.Ordinal);

    private PatchedTree(string root) => Root = root;

    public string Root { get; }
    public List<PatchedFile> Files { get; } = new();

    /// <summary>
    /// Reads and patches every file of <paramref name="patch"/> under <paramref name="root"/>.
    /// Errors (a missing file, a hunk that does not apply) and warnings (fuzz) go to
    /// <paramref name="diagnostics"/>; the tree is null when there was an error.
    /// </summary>
    public static PatchedTree? Load(Patch patch, string root, List<PatchDiagnostic> diagnostics)
    {
        var tree = new PatchedTree(root);
        bool failed = false;
        foreach (var fp in patch.Files)
        {
            if (fp.IsBinary)
            {
                diagnostics.Add(PatchDiagnostic.Error(fp.PatchName, fp.HeaderLine, $"binary patch for '{fp.DisplayPath}' is not supported"));
                failed = true;
                continue;
            }
            var relative = fp.Kind == FileChangeKind.Deleted ? fp.OldPath! : fp.NewPath ?? fp.OldPath!;
            var full = Path.GetFullPath(relative, root);
            string? oldText = null;
            if (fp.SourcePath is { } source)
            {
                var sourceFull = Path.GetFullPath(source, root);
                if (!File.Exists(sourceFull))
                {
                    diagnostics.Add(PatchDiagnostic.Error(fp.PatchName, fp.HeaderLine, $"'{source}' does not exist in {root}"));
                    failed = true;
                    continue;
                }
                try
                {
                    oldText = File.ReadAllText(sourceFull, Encoding.Latin1);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    diagnostics.Add(PatchDiagnostic.Error(fp.PatchName, fp.HeaderLine, $"cannot read '{source}': {e.Message}"));
                    failed = true;
                    continue;
                }
            }
            var applied = HunkApplier.Apply(oldText ?? "", fp);
            foreach (var d in applied.Diagnostics)
                if (d.Severity != PatchSeverity.Note) diagnostics.Add(d);
            if (!applied.Succeeded)
            {
                failed = true;
                continue;
            }
            var newText = fp.Kind == FileChangeKind.Deleted ? null : applied.Text;
            var file = new PatchedFile(fp, full, relative, oldText, newText, applied);
            tree.Files.Add(file);
            tree._byPath[full] = file;
            tree._overlay[full] = newText;
            if (fp.Kind == FileChangeKind.Renamed && fp.OldPath is { } old) tree._overlay[Path.GetFullPath(old, root)] = null;
        }
        return failed ? null : tree;
    }

    /// <summary>The patched file at <paramref name="fullPath"/>, if the patch touches it.</summary>
    public PatchedFile? Find(string fullPath) => _byPath.GetValueOrDefault(fullPath);

    /// <summary>A file of the patched tree by full path: patched text, or the file on disk; null when it does not exist.</summary>
    public string? ReadPatched(string fullPath)
    {
        if (_overlay.TryGetValue(fullPath, out var text)) return text;
        try
        {
            return File.Exists(fullPath) ? File.ReadAllText(fullPath, Encoding.Latin1) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
