namespace KlpCcp.Cli;

/// <summary>Where a command reads and writes: the process's streams, or a test's.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory)
{
    public static CliContext ForProcess()
    {
        // Latin-1 keeps every byte of the sources as it was (the engine reads files as Latin-1)
        var stdout = new StreamWriter(Console.OpenStandardOutput(), System.Text.Encoding.Latin1, 1 << 16) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        return new CliContext(stdout, stderr, Directory.GetCurrentDirectory());
    }

    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
