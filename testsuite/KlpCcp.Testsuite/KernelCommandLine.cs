using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Testsuite;

/// <summary>A kernel case's kbuild command line (cmd.txt), as gcc arguments without the program name.</summary>
public static class KernelCommandLine
{
    public static string CaseDirectory(string caseName) => Path.Combine(SharedData.KernelCases, caseName);

    public static IReadOnlyList<string> Arguments(string caseName) =>
        ShellCommandLine.SplitCompilerCommand(File.ReadAllText(Path.Combine(CaseDirectory(caseName), "cmd.txt")), new());

    /// <summary>The arguments without kbuild's dependency output and "-c -o X.o", for running gcc -E or -fsyntax-only.</summary>
    public static List<string> ForReferenceRun(string caseName)
    {
        var args = Arguments(caseName).ToList();
        var result = new List<string>(args.Count);
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("-Wp,-MMD", StringComparison.Ordinal) || a.StartsWith("-Wp,-MD", StringComparison.Ordinal) || a == "-c") continue;
            if (a == "-o") { i++; continue; }
            result.Add(a);
        }
        return result;
    }
}
