using System.Text;
using KlpCcp.Cli;

namespace KlpCcp.Tests.FromDiff;

/// <summary>
/// A small source tree in a temporary folder for from-diff tests: files, a compile command file
/// (<c>cmd.txt</c>), and patches made from an old and a new text of a file.
/// </summary>
internal sealed class FixTree : IDisposable
{
    public FixTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "klpccp-fromdiff-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Write("cmd.txt", "gcc -O2 -c -o t.o t.c");
    }

    public string Root { get; }
    public string Output => Path.Combine(Root, "out");

    public FixTree Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, Encoding.Latin1);
        return this;
    }

    public string Read(string path) => File.ReadAllText(Path.Combine(Root, path), Encoding.Latin1);

    public bool Exists(string path) => File.Exists(Path.Combine(Root, path));

    /// <summary>Writes <paramref name="oldText"/> as <paramref name="path"/> and fix.patch turning it into <paramref name="newText"/>.</summary>
    public FixTree Fix(string path, string oldText, string newText)
    {
        Write(path, oldText);
        return Write("fix.patch", Diff(path, oldText, newText));
    }

    /// <summary>A git-style one-hunk diff of a file: the changed middle with up to three lines of context.</summary>
    public static string Diff(string path, string oldText, string newText)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;
        int before = Math.Min(3, prefix), after = Math.Min(3, suffix);
        int oldStart = prefix - before, oldCount = a.Length - prefix - suffix + before + after;
        int newCount = b.Length - prefix - suffix + before + after;
        var sb = new StringBuilder();
        sb.Append($"diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n");
        sb.Append($"@@ -{oldStart + 1},{oldCount} +{oldStart + 1},{newCount} @@\n");
        for (int i = oldStart; i < prefix; i++) sb.Append(' ').Append(a[i]).Append('\n');
        for (int i = prefix; i < a.Length - suffix; i++) sb.Append('-').Append(a[i]).Append('\n');
        for (int i = prefix; i < b.Length - suffix; i++) sb.Append('+').Append(b[i]).Append('\n');
        for (int i = a.Length - suffix; i < a.Length - suffix + after; i++) sb.Append(' ').Append(a[i]).Append('\n');
        return sb.ToString();
    }

    private static string[] Lines(string text) => text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs <c>klp-ccp from-diff --cmd cmd.txt --output-dir out ARGS fix.patch</c> in the tree.</summary>
    public Result Run(params string[] extra)
    {
        string[] args = ["from-diff", "--progress=false", "--cmd", "cmd.txt", "--output-dir", "out", .. extra, "fix.patch"];
        return RunRaw(args);
    }

    public Result RunRaw(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = KlpCcpCli.Run(args, new CliContext(stdout, stderr, Root));
        return new Result(code, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
    }

    public string[] OutputFiles() =>
        Directory.Exists(Output) ? Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Output, f)).Order().ToArray() : [];

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
