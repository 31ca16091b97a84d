using System.Text;

namespace KlpCcp.Cli.FromDiff;

/// <summary>
/// Writes several result files all or nothing: each goes to a temporary file beside its target
/// first; only when every one is written are they renamed into place. A failure removes the
/// temporary files, so a failed run never leaves a partial set of outputs behind.
/// </summary>
public static class StagedOutputs
{
    public static bool TryWrite(IReadOnlyList<(string Path, string Text)> files, TextWriter err)
    {
        var staged = new List<(string Tmp, string Path)>();
        try
        {
            foreach (var (path, text) in files)
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
                Directory.CreateDirectory(dir);
                var tmp = Path.Combine(dir, "." + Path.GetFileName(path) + ".tmp-" + Environment.ProcessId);
                File.WriteAllText(tmp, text, Encoding.Latin1);
                staged.Add((tmp, path));
            }
            foreach (var (tmp, path) in staged) File.Move(tmp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (tmp, _) in staged)
                try { File.Delete(tmp); } catch (Exception) { /* nothing more to do */ }
            DiagnosticWriter.Error(err, $"cannot write the live patch: {e.Message}");
            return false;
        }
    }
}
