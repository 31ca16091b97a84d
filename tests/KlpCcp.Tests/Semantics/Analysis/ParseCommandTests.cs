using KlpCcp.Cli;

namespace KlpCcp.Tests.Semantics.Analysis;

/// <summary><c>klp-ccp parse</c>: diagnostics on standard error, exit 0 for a valid unit, 2 for errors, 1 for command-line errors.</summary>
public class ParseCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("klpccp-parse-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = KlpCcpCli.Run(args, new CliContext(o, e, _dir));
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Valid_unit_exits_0_with_warnings_only()
    {
        File.WriteAllText(Path.Combine(_dir, "ok.c"), "int f(void) { return g(); }\n");
        var (exit, output, err) = Run("parse", "--", "-O2", "ok.c");
        exit.ShouldBe(0);
        output.ShouldBeEmpty();
        err.Trim().ShouldBe("ok.c:1:22: warning: implicit declaration of function 'g'");
    }

    [Fact]
    public void Werror_makes_implicit_declarations_errors_as_in_gcc()
    {
        File.WriteAllText(Path.Combine(_dir, "imp.c"), "int f(void) { return g(); }\n");
        Run("parse", "--", "-Werror=implicit-function-declaration", "imp.c").Exit.ShouldBe(2);
        Run("parse", "--", "-Werror", "imp.c").Exit.ShouldBe(2);
        Run("parse", "--", "-Werror", "-Wno-error=implicit-function-declaration", "imp.c").Exit.ShouldBe(0);
        Run("parse", "--", "-std=gnu89", "-Werror", "imp.c").Exit.ShouldBe(0);
    }

    [Fact]
    public void Semantic_error_exits_2_at_the_token_with_the_macro_context()
    {
        File.WriteAllText(Path.Combine(_dir, "bad.c"), "#define CHECK(x) _Static_assert(x, #x)\nstruct S { int a; };\nCHECK(sizeof(struct S) == 8);\nint f(struct S *s) { return s->b; }\n");
        var (exit, _, err) = Run("parse", "--compiler=x86_64-gcc-12.2.0", "--", "bad.c");
        exit.ShouldBe(2);
        err.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe([
            "bad.c:1:18: error: static assertion failed: \"sizeof(struct S) == 8\" (in expansion of macro 'CHECK' at bad.c:3:1)",
            "bad.c:4:32: error: 'struct S' has no member named 'b'",
        ]);
    }

    [Fact]
    public void Syntax_errors_exit_2_and_command_line_errors_1()
    {
        File.WriteAllText(Path.Combine(_dir, "syn.c"), "int f( { }\n");
        Run("parse", "--", "syn.c").Exit.ShouldBe(2);
        Run("parse").Exit.ShouldBe(1);
        Run("parse", "--compiler=mips-gcc-1.0", "--", "syn.c").Exit.ShouldBe(1);
    }

    [Fact]
    public void Aarch64_compiler_selects_the_target()
    {
        File.WriteAllText(Path.Combine(_dir, "arm.c"), "_Static_assert((char)-1 > 0, \"unsigned char\"); _Static_assert(sizeof(long double) == 16, \"quad\");\n");
        Run("parse", "--compiler=aarch64-gcc-12.2.0", "--", "arm.c").Exit.ShouldBe(0);
        Run("parse", "--", "arm.c").Exit.ShouldBe(2);
    }
}
