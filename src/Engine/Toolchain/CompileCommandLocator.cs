using System.Text.Json;
using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// Finds the compiler command of a source file: an explicit command file (a kbuild command
/// line with the program name first, shell-quoted as in kbuild's cmd files), or automatically
/// a <c>compile_commands.json</c> (the format of the kernel's
/// scripts/clang-tools/gen_compile_commands.py) in the tree or its parents, or kbuild's
/// <c>.NAME.o.cmd</c> file next to the object.
/// </summary>
public static class CompileCommandLocator
{
    /// <summary>Reads a command file: the whole text, or kbuild's <c>cmd_X := ...</c> line of a .cmd file.</summary>
    public static CompileCommand? FromCommandFile(string path, string directory, DiagnosticBag diags)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diags.Error($"cannot read the compile command file '{path}': {e.Message}");
            return null;
        }
        var cmd = KbuildCommand(text) ?? text;
        var args = ShellCommandLine.SplitCompilerCommand(cmd, diags);
        if (args.Length == 0)
        {
            diags.Error($"{path}: no compiler command in the file");
            return null;
        }
        return new CompileCommand(directory, args, path);
    }

    /// <summary>
    /// Looks for the command of <paramref name="sourceFile"/> (relative to <paramref name="treeRoot"/>):
    /// compile_commands.json in the tree root or a parent, then the kbuild .cmd file.
    /// </summary>
    public static CompileCommand? Find(string treeRoot, string sourceFile, DiagnosticBag diags)
    {
        string full = Path.GetFullPath(sourceFile, treeRoot);
        for (var dir = new DirectoryInfo(treeRoot); dir is not null; dir = dir.Parent)
        {
            var json = Path.Combine(dir.FullName, "compile_commands.json");
            if (File.Exists(json) && FromCompilationDatabase(json, full, diags) is { } c) return c;
        }
        var objCmd = Path.Combine(Path.GetDirectoryName(full) ?? treeRoot, "." + Path.GetFileNameWithoutExtension(full) + ".o.cmd");
        if (File.Exists(objCmd)) return FromCommandFile(objCmd, treeRoot, diags);
        return null;
    }

    private static CompileCommand? FromCompilationDatabase(string json, string fullSource, DiagnosticBag diags)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            foreach (var entry in doc.RootElement.EnumerateArray())
            {
                var dir = entry.TryGetProperty("directory", out var d) ? d.GetString() ?? "" : Path.GetDirectoryName(json)!;
                var file = entry.TryGetProperty("file", out var f) ? f.GetString() ?? "" : "";
                if (Path.GetFullPath(file, dir) != fullSource) continue;
                IReadOnlyList<string> args;
                if (entry.TryGetProperty("arguments", out var a) && a.ValueKind == JsonValueKind.Array)
                    args = a.EnumerateArray().Skip(1).Select(x => x.GetString() ?? "").ToArray();
                else if (entry.TryGetProperty("command", out var c))
                    args = ShellCommandLine.SplitCompilerCommand(c.GetString() ?? "", diags);
                else continue;
                return new CompileCommand(dir, args, json);
            }
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException)
        {
            diags.Warning($"{json}: not a usable compilation database ({e.Message})");
        }
        return null;
    }

    /// <summary>The command of a kbuild <c>.X.o.cmd</c> file: the text after <c>cmd_... :=</c>.</summary>
    private static string? KbuildCommand(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("cmd_", StringComparison.Ordinal)) continue;
            int assign = line.IndexOf(":=", StringComparison.Ordinal);
            if (assign > 0) return line[(assign + 2)..].Trim();
        }
        return null;
    }
}
