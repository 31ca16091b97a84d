#pragma warning disable CA1416 // Unix file modes: the tests run on Linux only
namespace KlpCcp.Tests.FromDiff;

/// <summary>klp-ccp from-diff end to end on small trees: classification, the patched set, refusals, bad input.</summary>
public class FromDiffCommandTests
{
    private const string Api = "static int helper(int x)\n{\n\treturn x + 1;\n}\n\nint api(int x)\n{\n\treturn helper(x) * 2;\n}\n";

    [Fact]
    public void Body_change_is_patched_and_the_output_holds_the_fix_at_its_source_line()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("return helper(x) * 2;", "return helper(x) * 3;"));
        var r = t.Run();
        r.Stderr.ShouldBe("");
        r.ExitCode.ShouldBe(0);
        r.Stdout.ShouldContain("  hunk #1 of t.c (fix.patch:4): changes function api\n");
        r.Stdout.ShouldContain("  function api: body changed (hunk #1 of t.c (fix.patch:4))\n");
        r.Stdout.ShouldContain("  changed functions (1): api\n");
        r.Stdout.ShouldContain("  patched functions (1):\n    api: body changed (hunk #1 of t.c (fix.patch:4))\n");
        t.OutputFiles().ShouldBe(["t.c"]);
        var output = t.Read("out/t.c");
        output.ShouldContain("#line 6 \"t.c\"\nint klpp_api(int x)\n{\n\treturn (*klpe_helper)(x) * 3;\n}\n");
        // after the patched function the output names itself again, at its own line
        var lines = output.Split('\n');
        int restore = Array.FindIndex(lines, l => l.StartsWith("#line ") && l.EndsWith("out/t.c\""));
        restore.ShouldBeGreaterThan(0);
        lines[restore].ShouldBe($"#line {restore + 2} \"{Path.Combine(t.Root, "out", "t.c")}\"");
    }

    [Fact]
    public void Callers_of_a_changed_static_function_are_patched_as_if_it_was_inlined()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("return x + 1;", "return x + 2;"));
        var r = t.Run();
        r.ExitCode.ShouldBe(0);
        r.Stdout.ShouldContain("  changed functions (1): helper\n");
        r.Stdout.ShouldContain("    helper: body changed (hunk #1 of t.c (fix.patch:4))\n    api: calls helper, which gcc may have inlined into it\n");
        r.Stdout.ShouldContain("  note: without --ipa-clones the callers of changed static and inline functions are patched as if gcc had inlined them");
        var output = t.Read("out/t.c");
        output.ShouldContain("return x + 2;");
        output.ShouldContain("return klpp_helper(x) * 2;");
    }

    [Fact]
    public void Init_code_calling_a_changed_static_function_is_not_patched()
    {
        const string unit = Api + "\nstatic int __attribute__((__section__(\".init.text\"))) setup(void)\n{\n\treturn helper(0);\n}\n";
        using var t = new FixTree().Fix("t.c", unit, unit.Replace("return x + 1;", "return x + 2;"));
        var r = t.Run();
        r.ExitCode.ShouldBe(0, r.Stderr);
        r.Stdout.ShouldContain("  patched functions (2):\n    helper: body changed (hunk #1 of t.c (fix.patch:4))\n    api: calls helper, which gcc may have inlined into it\n  note:");
        t.Read("out/t.c").ShouldNotContain("setup");
    }

    [Fact]
    public void A_macro_the_fix_adds_to_a_header_is_defined_by_the_live_patch()
    {
        const string header = "#define LIMIT 10\nstruct s { int v; };\n";
        const string unit = "#include <t.h>\nint api(struct s *p)\n{\n\treturn p->v < LIMIT;\n}\n";
        using var t = new FixTree().Write("cmd.txt", "gcc -O2 -Iinclude -c -o t.o t.c").Write("include/t.h", header).Write("t.c", unit)
            .Write("fix.patch", FixTree.Diff("include/t.h", header, header + "#define CAP 20\n") + FixTree.Diff("t.c", unit, unit.Replace("v < LIMIT", "v < CAP")));
        var r = t.Run();
        r.ExitCode.ShouldBe(0, r.Stderr);
        r.Stdout.ShouldContain("  macro CAP: macro added (hunk #1 of include/t.h (fix.patch:");
        // compiled against the running kernel's t.h, which has no CAP: the live patch defines it after the #include
        t.Read("out/t.c").ShouldStartWith("/* klp-ccp: from t.c */\n#include <t.h>\n/* klp-ccp: not from file */\n#undef CAP\n/* klp-ccp: from include/t.h */\n#define CAP 20\n\n/* klp-ccp: from t.c */\n#line 2 \"t.c\"\nint klpp_api(struct s *p)\n{\n\treturn p->v < CAP;\n}\n");
    }

    [Fact]
    public void Ipa_clones_make_the_patched_set_exact()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("return x + 1;", "return x + 2;"));
        t.Write("clones", "Callgraph clone;helper;0;t.c;1;12;other;2;t.c;3;5;inlining to\n");
        var r = t.Run("--ipa-clones", "clones");
        r.ExitCode.ShouldBe(0);
        r.Stdout.ShouldContain("  patched functions (1, inlining from --ipa-clones):\n    helper: body changed");
        r.Stdout.ShouldNotContain("    api:");
    }

    [Fact]
    public void Malformed_ipa_clones_dump_is_an_error_with_its_line()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("return x + 1;", "return x + 2;"));
        t.Write("clones", "Callgraph clone;helper;0;t.c;1;12;api;2;t.c;3;5;inlining to\nnonsense\n");
        var r = t.Run("--ipa-clones", "clones");
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldBe("clones:2: error: not a line of gcc's -fdump-ipa-clones dump: \"nonsense\"\n");
        t.OutputFiles().ShouldBeEmpty();
    }

    [Fact]
    public void A_fix_compiled_out_by_the_configuration_says_so_and_writes_nothing()
    {
        const string src = "int api(int x)\n{\n#ifdef CONFIG_RT\n\tx++;\n#endif\n\treturn x;\n}\n";
        using var t = new FixTree().Fix("t.c", src, src.Replace("\tx++;", "\tx += 2;"));
        var r = t.Run();
        r.Stderr.ShouldBe("");
        r.ExitCode.ShouldBe(0);
        r.Stdout.ShouldBe(
            "t.c:\n" +
            "  hunk #1 of t.c (fix.patch:4): compiled out by this configuration (in a conditional branch it does not take)\n" +
            "  changed functions (0): none\n" +
            "  nothing to patch: the fix changes nothing in this configuration\n");
        t.OutputFiles().ShouldBeEmpty();
    }

    [Fact]
    public void A_comment_change_is_no_change()
    {
        using var t = new FixTree().Fix("t.c", "/* old words */\n" + Api, "/* new words,\n   two lines */\n" + Api);
        var r = t.Run();
        r.ExitCode.ShouldBe(0);
        r.Stdout.ShouldContain("  hunk #1 of t.c (fix.patch:4): comment or white space only\n");
        r.Stdout.ShouldContain("  nothing to patch: the fix changes nothing in this configuration\n");
        t.OutputFiles().ShouldBeEmpty();
    }

    [Fact]
    public void A_function_moved_out_of_a_disabled_ifdef_is_added()
    {
        const string old = "#ifdef CONFIG_NUMA\nstatic int idle(int c)\n{\n\treturn c == 0;\n}\n#endif\n\nint api(int c)\n{\n\treturn c;\n}\n";
        const string fixedText = "static int idle(int c)\n{\n\treturn c == 0;\n}\n\nint api(int c)\n{\n\treturn idle(c);\n}\n";
        using var t = new FixTree().Fix("t.c", old, fixedText);
        var r = t.Run();
        r.Stderr.ShouldBe("");
        r.ExitCode.ShouldBe(0);
        r.Stdout.ShouldContain("  function idle: function added (hunk #1 of t.c (fix.patch:4))\n");
        r.Stdout.ShouldContain("  changed functions (2): api idle\n");
        r.Stdout.ShouldContain("  patched functions (1):\n    api: body changed");
        // the new function is copied (the running kernel has none to externalize)
        var output = t.Read("out/t.c");
        output.ShouldContain("static int idle(int c)\n{\n\treturn c == 0;\n}");
        output.ShouldContain("return idle(c);");
    }

    [Fact]
    public void A_struct_layout_change_is_refused_naming_the_struct_and_the_hunk()
    {
        const string old = "struct s {\n\tint a;\n};\n\nint api(struct s *p)\n{\n\treturn p->a;\n}\n";
        using var t = new FixTree().Fix("t.c", old, old.Replace("\tint a;\n", "\tint a;\n\tint b;\n").Replace("return p->a;", "return p->a + p->b;"));
        var r = t.Run();
        r.ExitCode.ShouldBe(3);
        r.Stderr.ShouldBe("t.c:1:1: error: struct s: layout changed (hunk #1 of t.c (fix.patch:4)): the running kernel's data keeps the old layout: a live patch cannot change a type it shares; --force to go on\n");
        r.Stdout.ShouldContain("  struct s: layout changed (hunk #1 of t.c (fix.patch:4)) [cannot be live patched]\n");
        t.OutputFiles().ShouldBeEmpty();

        var forced = t.Run("--force");
        forced.ExitCode.ShouldBe(0);
        forced.Stderr.ShouldStartWith("t.c:1:1: warning: struct s: layout changed");
        forced.Stderr.ShouldContain("(--force: going on)");
        t.OutputFiles().ShouldBe(["t.c"]);
    }

    [Fact]
    public void A_changed_initializer_is_refused()
    {
        const string old = "int limit = 5;\n\nint api(void)\n{\n\treturn limit;\n}\n";
        using var t = new FixTree().Fix("t.c", old, old.Replace("= 5;", "= 6;"));
        var r = t.Run();
        r.ExitCode.ShouldBe(3);
        r.Stderr.ShouldBe("t.c:1:5: error: object limit: initializer changed (hunk #1 of t.c (fix.patch:4)): the running kernel's object keeps its old value: a live patch cannot change an initializer; --force to go on\n");
    }

    [Fact]
    public void A_change_to_init_code_is_refused_and_never_patched()
    {
        const string old = "__attribute__((__section__(\".init.text\"))) int setup(void)\n{\n\treturn 1;\n}\n";
        using var t = new FixTree().Fix("t.c", old, old.Replace("return 1;", "return 2;"));
        var r = t.Run();
        r.ExitCode.ShouldBe(3);
        r.Stderr.ShouldBe("t.c:1:48: error: function setup: body changed (hunk #1 of t.c (fix.patch:4)): __init code is discarded after boot: a live patch cannot change it; --force to go on\n");
        var forced = t.Run("--force");
        forced.ExitCode.ShouldBe(0);
        forced.Stdout.ShouldContain("  nothing to patch: the fix changes no function's code in this configuration\n");
        t.OutputFiles().ShouldBeEmpty();
    }

    [Fact]
    public void A_header_change_needs_the_unit_named_with_cmd()
    {
        const string header = "static inline int twice(int x)\n{\n\treturn 2 * x;\n}\n";
        using var t = new FixTree().Write("t.c", "#include \"t.h\"\nint api(int x)\n{\n\treturn twice(x);\n}\n");
        t.Fix("t.h", header, header.Replace("2 * x", "x + x"));
        var r = t.Run();
        r.Stderr.ShouldBe("");
        r.ExitCode.ShouldBe(0);
        r.Stdout.ShouldContain("  hunk #1 of t.h (fix.patch:4): changes function twice\n");
        r.Stdout.ShouldContain("    twice: body changed (hunk #1 of t.h (fix.patch:4))\n    api: calls twice, which gcc may have inlined into it\n");

        var withoutCmd = t.RunRaw("from-diff", "--output-dir", "out", "fix.patch");
        withoutCmd.ExitCode.ShouldBe(1);
        withoutCmd.Stderr.ShouldBe("fix.patch: error: the patch changes only headers: name the units that include them with --cmd FILE\n");
    }

    [Fact]
    public void A_malformed_patch_is_one_error_with_its_line()
    {
        using var t = new FixTree().Write("t.c", Api).Write("fix.patch", "--- a/t.c\n+++ b/t.c\n@@ -1,x +1 @@\n-a\n");
        var r = t.Run();
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldBe("fix.patch:3: error: malformed hunk header (expected '@@ -LINE[,COUNT] +LINE[,COUNT] @@')\n");
        r.Stdout.ShouldBe("");
        t.OutputFiles().ShouldBeEmpty();
    }

    [Fact]
    public void A_hunk_that_does_not_apply_is_an_error_with_its_line()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("* 2", "* 3"));
        t.Write("t.c", Api.Replace("* 2", "* 4"));
        var r = t.Run();
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldBe("fix.patch:4: error: hunk #1 of 't.c' FAILED at 5\n");
        t.OutputFiles().ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_file_is_an_error_at_its_header()
    {
        using var t = new FixTree().Write("fix.patch", FixTree.Diff("gone.c", Api, Api.Replace("* 2", "* 3")));
        var r = t.Run();
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldBe($"fix.patch:1: error: 'gone.c' does not exist in {t.Root}\n");
    }

    [Fact]
    public void A_unit_without_compile_command_is_an_error()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("* 2", "* 3"));
        var r = t.RunRaw("from-diff", "--output-dir", "out", "fix.patch");
        r.ExitCode.ShouldBe(1);
        r.Stderr.ShouldBe("fix.patch:1: error: no compile command for 't.c': give --cmd FILE, or build the tree so that compile_commands.json or kbuild's .t.o.cmd exists\n");
    }

    [Fact]
    public void The_compile_command_is_found_in_compile_commands_json()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("* 2", "* 3"));
        t.Write("compile_commands.json", $"[{{\"directory\": \"{t.Root}\", \"file\": \"t.c\", \"arguments\": [\"gcc\", \"-O2\", \"-c\", \"t.c\"]}}]");
        var r = t.RunRaw("from-diff", "--progress=false", "--output-dir", "out", "fix.patch");
        r.Stderr.ShouldBe("");
        r.ExitCode.ShouldBe(0);
        t.OutputFiles().ShouldBe(["t.c"]);
    }

    [Fact]
    public void An_error_in_the_patched_unit_names_the_patched_source()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("return helper(x) * 2;", "return helper(x) * ;"));
        var r = t.Run();
        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldStartWith("t.c:8:");
        r.Stderr.ShouldContain("error:");
        r.Stderr.ShouldContain("(in the patched source)");
        r.Stderr.Trim().Split('\n').Length.ShouldBe(1);
        t.OutputFiles().ShouldBeEmpty();
    }

    [Fact]
    public void Line_and_file_of_the_patched_code_are_those_of_the_patched_source()
    {
        const string old = "int api(int x)\n{\n\treturn x;\n}\n";
        // the fix adds lines above the function and uses __LINE__ inside it: line 7 of the fixed file
        using var t = new FixTree().Fix("t.c", old, "/* one */\n/* two */\n" + old.Replace("\treturn x;", "\tx++;\n\treturn __LINE__ + x; /* " + "__FILE__ */"));
        t.Run().ExitCode.ShouldBe(0);
        var gcc = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("gcc", ["-E", "-P", "out/t.c"])
        { WorkingDirectory = t.Root, RedirectStandardOutput = true })!;
        var expanded = gcc.StandardOutput.ReadToEnd();
        gcc.WaitForExit();
        expanded.ShouldContain("return 6 + x;");
    }

    [Fact]
    public void Several_units_are_written_all_or_none()
    {
        using var t = new FixTree().Write("u.c", Api).Write("ucmd.txt", "gcc -O2 -c -o u.o u.c").Write("t.c", Api);
        var patch = FixTree.Diff("t.c", Api, Api.Replace("* 2", "* 3")) + FixTree.Diff("u.c", Api, Api.Replace("* 2", "* 4"));
        t.Write("fix.patch", patch);
        var r = t.Run("--cmd", "ucmd.txt");
        r.Stderr.ShouldBe("");
        r.ExitCode.ShouldBe(0);
        t.OutputFiles().ShouldBe(["t.c", "u.c"]);
        t.Read("out/u.c").ShouldContain("* 4;");

        // the second unit fails: nothing at all is written
        using var t2 = new FixTree().Write("u.c", Api).Write("ucmd.txt", "gcc -O2 -c -o u.o u.c").Write("t.c", Api);
        t2.Write("fix.patch", FixTree.Diff("t.c", Api, Api.Replace("* 2", "* 3")) + FixTree.Diff("u.c", Api, Api.Replace("* 2;", "* ;")));
        var failed = t2.Run("--cmd", "ucmd.txt");
        failed.ExitCode.ShouldBe(2);
        t2.OutputFiles().ShouldBeEmpty();
    }

    [Fact]
    public void New_deleted_and_non_C_files_are_named_and_left_aside()
    {
        using var t = new FixTree().Write("t.c", Api).Write("old.c", "int gone;\n").Write("Kconfig", "config X\n");
        var patch = FixTree.Diff("t.c", Api, Api.Replace("* 2", "* 3"))
            + "diff --git a/new.c b/new.c\nnew file mode 100644\n--- /dev/null\n+++ b/new.c\n@@ -0,0 +1 @@\n+int fresh;\n"
            + "diff --git a/old.c b/old.c\ndeleted file mode 100644\n--- a/old.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-int gone;\n"
            + FixTree.Diff("Kconfig", "config X\n", "config Y\n");
        t.Write("fix.patch", patch);
        var r = t.Run();
        r.ExitCode.ShouldBe(0);
        r.Stderr.ShouldBe(
            "fix.patch:11: warning: 'new.c' is a new file: not a unit of the running kernel to patch\n" +
            "fix.patch:17: warning: 'old.c' is deleted: not a unit of the running kernel to patch\n" +
            "fix.patch:23: warning: 'Kconfig' is not C source: ignored\n");
        t.OutputFiles().ShouldBe(["t.c"]);
        t.Exists("new.c").ShouldBeFalse(); // nothing is written into the tree
        t.Exists("old.c").ShouldBeTrue();
    }

    [Fact]
    public void Why_explains_a_patched_function_with_the_fix()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("return x + 1;", "return x + 2;"));
        t.Run("--facts", "facts.db").ExitCode.ShouldBe(0);
        var why = t.RunRaw("why", "api", "--facts", "facts.db");
        why.ExitCode.ShouldBe(0);
        why.Stdout.ShouldContain("patched as klpp_api: patched: calls helper, which gcc may have inlined into it");
    }

    [Fact]
    public void A_progress_line_per_unit_when_asked()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("* 2", "* 3"));
        var r = t.RunRaw("from-diff", "--progress", "true", "--cmd", "cmd.txt", "--output-dir", "out", "fix.patch");
        r.ExitCode.ShouldBe(0);
        r.Stderr.ShouldBe("klp-ccp: [1/1] t.c\n");
    }

    [Fact]
    public void Line_numbers_stay_right_after_conditional_groups_and_macros_inside_the_function()
    {
        const string old = "#define STEP 1\nint api(int x)\n{\n#ifdef CONFIG_OFF\n\tx--;\n\tx--;\n\tx--;\n#else\n\tx += STEP;\n#endif\n\treturn x;\n}\n";
        using var t = new FixTree().Fix("t.c", old, old.Replace("\treturn x;", "\treturn x + __LINE__;"));
        t.Run().ExitCode.ShouldBe(0);
        var gcc = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("gcc", ["-E", "-P", "out/t.c"])
        { WorkingDirectory = t.Root, RedirectStandardOutput = true })!;
        var expanded = gcc.StandardOutput.ReadToEnd();
        gcc.WaitForExit();
        expanded.ShouldContain("return x + 11;");
    }

    [Fact]
    public void A_classic_policy_command_overrides_the_kernel_policy_for_its_question()
    {
        using var t = new FixTree().Fix("t.c", Api, Api.Replace("* 2", "* 3"));
        t.Write("rename.sh", "#!/bin/sh\necho \"RESULT: fixed_$1 MAKE-EXTERNAL\"\n");
        File.SetUnixFileMode(Path.Combine(t.Root, "rename.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var r = t.Run("--pol-cmd-modify-patched-fun-sym", "./rename.sh");
        r.Stderr.ShouldBe("");
        r.ExitCode.ShouldBe(0);
        var output = t.Read("out/t.c");
        output.ShouldContain("int fixed_api(int x)");
        output.ShouldContain("(*klpe_helper)(x) * 3"); // the other questions still go to the kernel policy
    }
}
