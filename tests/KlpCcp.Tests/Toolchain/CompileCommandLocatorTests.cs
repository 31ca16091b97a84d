using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Toolchain;

public class CompileCommandLocatorTests
{
    private static string TempTree()
    {
        var d = Path.Combine(Path.GetTempPath(), "klp-cc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(d, "kernel"));
        return d;
    }

    [Fact]
    public void CommandFileWithShellQuoting()
    {
        var d = TempTree();
        var f = Path.Combine(d, "cmd.txt");
        File.WriteAllText(f, "gcc -DKBUILD_MODNAME='\"sys\"' -c -o kernel/sys.o kernel/sys.c\n");
        var c = CompileCommandLocator.FromCommandFile(f, d, new DiagnosticBag())!;
        c.Arguments.ShouldBe(new[] { "-DKBUILD_MODNAME=\"sys\"", "-c", "-o", "kernel/sys.o", "kernel/sys.c" });
        Directory.Delete(d, true);
    }

    [Fact]
    public void KbuildDotCmdFileNextToTheObject()
    {
        var d = TempTree();
        File.WriteAllText(Path.Combine(d, "kernel", ".sys.o.cmd"),
            "savedcmd_kernel/sys.o := x\ncmd_kernel/sys.o := gcc -O2 -c -o kernel/sys.o kernel/sys.c\n\nsource_kernel/sys.o := kernel/sys.c\n");
        var c = CompileCommandLocator.Find(d, "kernel/sys.c", new DiagnosticBag())!;
        c.Arguments.ShouldBe(new[] { "-O2", "-c", "-o", "kernel/sys.o", "kernel/sys.c" });
        Directory.Delete(d, true);
    }

    [Fact]
    public void CompilationDatabase()
    {
        var d = TempTree();
        File.WriteAllText(Path.Combine(d, "compile_commands.json"),
            "[{\"command\": \"gcc -O2 -c -o kernel/a.o kernel/a.c\", \"directory\": \"" + d + "\", \"file\": \"" + d + "/kernel/a.c\"}]");
        var c = CompileCommandLocator.Find(d, "kernel/a.c", new DiagnosticBag())!;
        c.Arguments.ShouldBe(new[] { "-O2", "-c", "-o", "kernel/a.o", "kernel/a.c" });
        c.Directory.ShouldBe(d);
        CompileCommandLocator.Find(d, "kernel/b.c", new DiagnosticBag()).ShouldBeNull();
        Directory.Delete(d, true);
    }
}
