#pragma warning disable CA1416 // Unix file modes: the tests run on Linux only
namespace KlpCcp.Tests.Policy;

/// <summary>A temporary folder for tiny policy scripts; deleted on dispose.</summary>
internal sealed class ScriptDirectory : IDisposable
{
    public ScriptDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "klpccp-policy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes an executable <c>#!/bin/sh</c> script <paramref name="name"/> with <paramref name="body"/>; returns its full path.</summary>
    public string Script(string name, string body, bool executable = true)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(file, executable
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return file;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
