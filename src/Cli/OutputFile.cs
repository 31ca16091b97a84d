using System.Text;

namespace KlpCcp.Cli;

/// <summary>
/// Writes a result file only when the whole run succeeded: the text goes to a temporary file
/// beside the target, which is renamed over it at the end, so a failed run never leaves a
/// partial file that looks like a result.
/// </summary>
public static class OutputFile
{
    public static bool TryWrite(string path, string text, TextWriter err)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var tmp = Path.Combine(dir, "." + Path.GetFileName(path) + ".tmp-" + Environment.ProcessId);
        try
        {
            File.WriteAllText(tmp, text, Encoding.Latin1);
            File.Move(tmp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (Exception) { /* nothing more to do */ }
            DiagnosticWriter.Error(err, $"cannot write '{path}': {e.Message}");
            return false;
        }
    }
}
