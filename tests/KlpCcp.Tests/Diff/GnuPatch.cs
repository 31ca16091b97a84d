using KlpCcp.Tests.Toolchain;

namespace KlpCcp.Tests.Diff;

/// <summary>Runs GNU patch on files in a scratch directory: the reference for the applier.</summary>
internal static class GnuPatch
{
    public const string Program = "/usr/bin/patch";

    /// <summary>
    /// Writes <paramref name="files"/> (path → text) under a new temporary directory, applies
    /// <paramref name="patchText"/> with <c>patch -pN</c> there, and returns the files' texts
    /// afterwards (absent when patch deleted them), with patch's exit code and output.
    /// </summary>
    public static (int Exit, string Output, Dictionary<string, string?> Files) Apply(
        IReadOnlyDictionary<string, string> files, string patchText, int strip = 1, params string[] extraArgs)
    {
        TestEnvironment.RequireFile(Program, "GNU patch");
        var dir = Directory.CreateTempSubdirectory("klpccp-diff-");
        try
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(dir.FullName, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
            var patchFile = Path.Combine(dir.FullName, ".the.patch");
            File.WriteAllText(patchFile, patchText);
            var (exit, output, err) = ToolchainTestSupport.Run(Program,
                ["-p" + strip, "-d", dir.FullName, "-i", patchFile, "--no-backup-if-mismatch", "-r", "-", "-f", .. extraArgs]);
            var result = new Dictionary<string, string?>();
            foreach (var path in files.Keys)
            {
                var full = Path.Combine(dir.FullName, path);
                result[path] = File.Exists(full) ? File.ReadAllText(full) : null;
            }
            return (exit, output + err, result);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
