using System.Text;
using System.Text.RegularExpressions;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Toolchain;

public class GccFeatureTablesTests
{
    private static readonly CompilerSpec Gcc12 = new(TargetArch.X86_64, 12, 2, 0);

    [Fact]
    public void KnownAnswers()
    {
        var t = GccFeatureTables.Gcc12X86_64;
        t.HasAttribute("noreturn").ShouldBe(1);
        t.HasAttribute("__noreturn__").ShouldBe(1);
        t.HasAttribute("gnu::noreturn").ShouldBe(1);
        t.HasAttribute("__gnu__::__packed__").ShouldBe(1);
        t.HasAttribute("fallthrough").ShouldBe(201904);   // a C2x standard attribute answers with its date
        t.HasAttribute("__fallthrough__").ShouldBe(201904);
        t.HasAttribute("no_sanitize_coverage").ShouldBe(1); // new in gcc 12
        t.HasAttribute("no_sanitize_bogus").ShouldBe(0);
        t.HasAttribute("clang::fallthrough").ShouldBe(0);
        t.HasAttribute("ms_abi").ShouldBe(1);
        t.HasCAttribute("deprecated").ShouldBe(201904);
        t.HasCAttribute("nodiscard").ShouldBe(202003);
        t.HasCAttribute("packed").ShouldBe(0);
        t.HasCAttribute("gnu::packed").ShouldBe(1);
        t.HasBuiltin("__builtin_expect").ShouldBeTrue();
        t.HasBuiltin("__builtin_offsetof").ShouldBeTrue();
        t.HasBuiltin("__builtin_va_arg").ShouldBeFalse();
        t.HasBuiltin("__builtin_ia32_pause").ShouldBeTrue();
        t.HasBuiltin("__sync_fetch_and_add").ShouldBeTrue();
        t.HasBuiltin("__atomic_load_n").ShouldBeTrue();
        t.HasBuiltin("memcpy").ShouldBeTrue();
        t.HasBuiltin("__builtin_bogus").ShouldBeFalse();
    }

    [Fact]
    public void LibraryBuiltinsFollowTheCommandLine()
    {
        var diags = new DiagnosticBag();
        var free = GccFeatureTables.For(Gcc12, CompilerInvocation.Parse(["-ffreestanding", "x.c"], diags));
        free.HasBuiltin("memcpy").ShouldBeFalse();
        free.HasBuiltin("__builtin_memcpy").ShouldBeTrue();
        var one = GccFeatureTables.For(Gcc12, CompilerInvocation.Parse(["-fno-builtin-memcpy", "x.c"], diags));
        one.HasBuiltin("memcpy").ShouldBeFalse();
        one.HasBuiltin("memset").ShouldBeTrue();
        var iso = GccFeatureTables.For(Gcc12, CompilerInvocation.Parse(["-std=c99", "x.c"], diags));
        iso.HasBuiltin("alloca").ShouldBeFalse();   // not an ISO C function
        iso.HasBuiltin("abs").ShouldBeTrue();
        GccFeatureTables.Gcc12X86_64.HasBuiltin("alloca").ShouldBeTrue();
    }

    /// <summary>Names to check against the live compiler: the kernel's probes and the tables' own entries.</summary>
    private static List<string> ProbeNames()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var kernel = Path.Combine(ToolchainTestSupport.Shared, "kernel", "linux", "include");
        // the kernel's probes when ../shared is there; the fixed list below in any case
        foreach (var file in Directory.Exists(kernel) ? Directory.EnumerateFiles(kernel, "*.h", SearchOption.AllDirectories) : [])
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Regex.Matches(text, @"__has_(?:attribute|builtin)\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)"))
                names.Add(m.Groups[1].Value);
        }
        foreach (var n in new[] { "packed", "aligned", "section", "cleanup", "access", "nonnull", "format", "noinline", "unused",
                     "used", "weak", "alias", "cold", "hot", "mode", "vector_size", "visibility", "warn_unused_result", "deprecated",
                     "nodiscard", "maybe_unused", "const", "pure", "malloc", "bogus_attr", "indirect_branch", "function_return",
                     "zero_call_used_regs", "no_stack_protector", "fentry_name", "memcpy", "strlen", "alloca", "abs", "printf",
                     "__builtin_constant_p", "__builtin_unreachable", "__builtin_add_overflow", "__builtin_choose_expr",
                     "__builtin_types_compatible_p", "__builtin_dynamic_object_size", "__builtin_is_constant_evaluated",
                     "__builtin_ia32_rdtsc", "__atomic_thread_fence", "__sync_synchronize", "__builtin_bswap128", "bzero", "index" })
            names.Add(n);
        return names.ToList();
    }

    [Theory]
    [InlineData("")]
    [InlineData("-ffreestanding")]
    [InlineData("-std=c89")]
    [InlineData("-std=c11 -fno-builtin-strlen")]
    public void SameAsGcc(string flags)
    {
        var args = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var names = ProbeNames();
        // strict ISO modes before C2x have no '::' token: scoped names are a syntax error there
        var scoped = !flags.Contains("-std=c");
        var src = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
            src.Append($"L{i} __has_attribute({names[i]}) __has_c_attribute({names[i]}) {(scoped ? $"__has_c_attribute(gnu::{names[i]})" : "0")} __has_builtin({names[i]})\n");
        var file = Path.Combine(Path.GetTempPath(), $"klpccp-has-{Environment.ProcessId}-{flags.GetHashCode():x}.c");
        File.WriteAllText(file, src.ToString());
        try
        {
            var (exit, output, err) = ToolchainTestSupport.Run(ToolchainTestSupport.Gcc, ["-undef", .. args, "-E", "-P", file]);
            exit.ShouldBe(0, err);
            var diags = new DiagnosticBag();
            var tables = GccFeatureTables.For(Gcc12, CompilerInvocation.Parse([.. args, "x.c"], diags));
            var wrong = new List<string>();
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var p = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var n = names[int.Parse(p[0][1..])];
                var gcc = p[1..].Select(v => int.Parse(v.TrimEnd('L'))).ToArray();
                var ours = new[] { tables.HasAttribute(n), tables.HasCAttribute(n), scoped ? tables.HasCAttribute("gnu::" + n) : 0, tables.HasBuiltin(n) ? 1 : 0 };
                if (!gcc.SequenceEqual(ours)) wrong.Add($"{n}: gcc {string.Join(',', gcc)} ours {string.Join(',', ours)}");
            }
            wrong.ShouldBeEmpty();
        }
        finally { File.Delete(file); }
    }
}
