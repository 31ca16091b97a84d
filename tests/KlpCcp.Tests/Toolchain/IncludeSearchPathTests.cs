using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Toolchain;

public class IncludeSearchPathTests
{
    private static readonly CompilerSpec Gcc12 = new(TargetArch.X86_64, 12, 2, 0);

    private static CompilerInvocation Parse(params string[] args)
    {
        var diags = new DiagnosticBag();
        var inv = CompilerInvocation.Parse(args, diags);
        diags.HasErrors.ShouldBeFalse();
        return inv;
    }

    /// <summary>gcc's "#include "..." search starts here" and "#include <...>" lists for the flags, run in <paramref name="cwd"/>.</summary>
    private static (List<string> Quote, List<string> Bracket) GccSearchLists(string cwd, params string[] flags)
    {
        var old = Environment.CurrentDirectory;
        string err;
        try
        {
            Environment.CurrentDirectory = cwd;
            (_, _, err) = ToolchainTestSupport.Run(ToolchainTestSupport.Gcc, [.. flags, "-xc", "-E", "-v", "/dev/null"]);
        }
        finally { Environment.CurrentDirectory = old; }
        var lines = err.Split('\n');
        var q = Array.FindIndex(lines, l => l.StartsWith("#include \"...\" search starts here:"));
        var b = Array.FindIndex(lines, l => l.StartsWith("#include <...> search starts here:"));
        var end = Array.FindIndex(lines, l => l.StartsWith("End of search list."));
        static string Clean(string l) => l.Trim().Replace(" (framework directory)", "");
        return (lines[(q + 1)..b].Select(Clean).ToList(), lines[(b + 1)..end].Select(Clean).ToList());
    }

    [Fact]
    public void DefaultDirectoriesAreTheMachineGccs()
    {
        var (quote, bracket) = GccSearchLists("/");
        quote.ShouldBeEmpty();
        IncludeSearchPath.DefaultDirectories(Gcc12).ShouldBe(bracket);
        var path = IncludeSearchPath.Create(Gcc12, Parse("x.c"));
        path.BracketChain.Select(d => d.Path).ShouldBe(bracket);
        path.BracketChain.ShouldAllBe(d => d.IsSystem && d.Origin == IncludeDirectoryOrigin.Default);
        path.ImplicitPreinclude.ShouldBe("stdc-predef.h");
        path.SearchIncludingFileDirectory.ShouldBeTrue();
    }

    [Fact]
    public void NoStdIncHasNoDefaultsAndNoImplicitPreinclude()
    {
        var path = IncludeSearchPath.Create(Gcc12, Parse("-nostdinc", "-I", "inc", "x.c"));
        path.Directories.Select(d => d.Path).ShouldBe(["inc"]);
        path.DefaultSystemDirectories.ShouldBeEmpty();
        path.ImplicitPreinclude.ShouldBeNull();
        IncludeSearchPath.Create(Gcc12, Parse("-ffreestanding", "x.c")).ImplicitPreinclude.ShouldBeNull();
    }

    /// <summary>The chains in gcc's order and with gcc's duplicate removal, compared with gcc -v (directories exist).</summary>
    [Theory]
    [InlineData("-iquote q1 -I b1 -isystem s1 -idirafter a1 -I b2 -iquote q2 -isystem s2 -idirafter a2")]
    [InlineData("-I b1 -I b1 -I ./b1 -iquote q1 -iquote q1")]                   // duplicates in one chain
    [InlineData("-I s1 -isystem s1 -iquote s1 -I b1")]                          // non-system dup of a system dir
    [InlineData("-I /usr/include -I b1 -iquote /usr/local/include")]            // dups of default dirs
    [InlineData("-idirafter /usr/include -isystem b1 -I b1")]
    [InlineData("-iquote b1 -I b1")]                                            // last quote dir = first bracket dir
    [InlineData("-nostdinc -iquote q1 -I b1 -isystem s1 -idirafter a1")]
    public void ChainsMatchGcc(string flags)
    {
        var tmp = Directory.CreateTempSubdirectory("klpccp-inc").FullName;
        try
        {
            foreach (var d in new[] { "q1", "q2", "b1", "b2", "s1", "s2", "a1", "a2" }) Directory.CreateDirectory(Path.Combine(tmp, d));
            var args = flags.Split(' ');
            var (gccQuote, gccBracket) = GccSearchLists(tmp, args);
            var path = IncludeSearchPath.Create(Gcc12, Parse([.. args, "x.c"]), tmp);
            static string Norm(string p) => p.StartsWith("./") ? p[2..] : p;
            path.Directories.Take(path.BracketStart).Select(d => Norm(d.Path)).ShouldBe(gccQuote.Select(Norm), flags);
            path.BracketChain.Select(d => Norm(d.Path)).ShouldBe(gccBracket.Select(Norm), flags);
        }
        finally { Directory.Delete(tmp, true); }
    }

    [Fact]
    public void SystemFlagsAndOrigins()
    {
        var path = IncludeSearchPath.Create(Gcc12, Parse("-nostdinc", "-iquote", "q", "-I", "b", "-isystem", "s", "-idirafter", "a", "x.c"));
        path.Directories.Select(d => (d.Path, d.Origin, d.IsSystem)).ShouldBe(
        [
            ("q", IncludeDirectoryOrigin.Quote, false),
            ("b", IncludeDirectoryOrigin.Bracket, false),
            ("s", IncludeDirectoryOrigin.System, true),
            ("a", IncludeDirectoryOrigin.After, true),
        ]);
        path.BracketStart.ShouldBe(1);
        path.QuoteChain.Select(d => d.Path).ShouldBe(["q", "b", "s", "a"]);
        path.BracketChain.Select(d => d.Path).ShouldBe(["b", "s", "a"]);
        path.NextSearchIndex(1).ShouldBe(2);
    }

    [Fact]
    public void IMinusStopsSearchingTheIncludingFilesDirectory()
    {
        var path = IncludeSearchPath.Create(Gcc12, Parse("-nostdinc", "-I", "a", "-I-", "-I", "b", "x.c"));
        path.SearchIncludingFileDirectory.ShouldBeFalse();
        path.QuoteChain.Select(d => d.Path).ShouldBe(["a", "b"]);
        path.BracketChain.Select(d => d.Path).ShouldBe(["b"]);
    }

    [Fact]
    public void KernelCommandLine()
    {
        var diags = new DiagnosticBag();
        var inv = CompilerInvocation.ParseCommand(ToolchainTestSupport.ReadCmd("01-kernel-sys"), diags);
        var path = IncludeSearchPath.Create(Gcc12, inv);
        path.BracketStart.ShouldBe(0);
        path.BracketChain.Select(d => d.Path).ShouldBe(inv.BracketDirs);
        path.BracketChain.ShouldAllBe(d => !d.IsSystem);
        path.ImplicitPreinclude.ShouldBeNull();
    }

    [Fact]
    public void AArch64AndOldVersionsUseTheDebianLayout()
    {
        IncludeSearchPath.DefaultDirectories(new CompilerSpec(TargetArch.AArch64, 12, 2, 0)).ShouldBe(
            ["/usr/lib/gcc/aarch64-linux-gnu/12/include", "/usr/local/include", "/usr/include/aarch64-linux-gnu", "/usr/include"]);
        IncludeSearchPath.DefaultDirectories(new CompilerSpec(TargetArch.X86_64, 4, 8, 5))[0].ShouldBe("/usr/lib/gcc/x86_64-linux-gnu/4.8/include");
        IncludeSearchPath.DefaultDirectories(Gcc12, "/sysroot").ShouldBe(
            ["/usr/lib/gcc/x86_64-linux-gnu/12/include", "/sysroot/usr/local/include", "/sysroot/usr/include/x86_64-linux-gnu", "/sysroot/usr/include"]);
    }
}
