using System.Diagnostics;

namespace KlpCcp.Tests.Toolchain;

/// <summary>Paths to the shared test data and a runner for the machine's gcc.</summary>
internal static class ToolchainTestSupport
{
    public const string Gcc = "/usr/bin/gcc";
    public const string CrossGccAArch64 = "/usr/bin/aarch64-linux-gnu-gcc-12";

    /// <summary>The project root (the folder holding KlpCcp.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KlpCcp.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("KlpCcp.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary><c>../shared</c> from the project root.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string KernelCases => Path.Combine(Shared, "kernel", "cases");

    /// <summary>Kernel case names; a placeholder when ../shared is absent (the test then skips, or fails under CI).</summary>
    public static IEnumerable<string> KernelCaseNames() =>
        Directory.Exists(KernelCases)
            ? Directory.GetDirectories(KernelCases).Select(Path.GetFileName).Order(StringComparer.Ordinal)!
            : ["(shared corpus missing)"];

    public static string ReadCmd(string caseName) => File.ReadAllText(Path.Combine(KernelCases, caseName, "cmd.txt"));

    /// <summary>Runs a program and returns (exit code, stdout, stderr).</summary>
    public static (int Exit, string Out, string Err) Run(string program, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    /// <summary>The predefines gcc prints for <paramref name="flags"/> (with -nostdinc), as "#define ..." lines.</summary>
    public static HashSet<string> GccPredefines(IEnumerable<string> flags, string gcc = Gcc)
    {
        var (exit, output, err) = Run(gcc, [.. flags, "-nostdinc", "-dM", "-E", "-xc", "/dev/null"]);
        if (exit != 0) throw new InvalidOperationException($"gcc failed for {string.Join(' ', flags)}: {err}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }
}
