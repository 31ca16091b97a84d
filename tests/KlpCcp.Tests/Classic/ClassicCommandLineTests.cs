using KlpCcp.Cli;
using KlpCcp.Cli.Classic;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Tests.Classic;

public class ClassicCommandLineTests
{
    private const string Wd = "/work/dir";

    /// <summary>All policy commands, as short options.</summary>
    private static readonly string[] AllCommands =
        ["-H", "/p/h", "-F", "/p/f", "-S", "/p/s", "-O", "/p/o", "-P", "/p/p", "-E", "/p/e", "-R", "/p/r"];

    private static ClassicParseResult Parse(params string[] args) => ClassicCommandLine.Parse(args, Wd);

    private static ClassicOptions Ok(params string[] args)
    {
        var r = Parse(args);
        r.Error.ShouldBeNull();
        r.IsHelp.ShouldBeFalse();
        return r.Options.ShouldNotBeNull();
    }

    private static void ShouldError(string[] args, string error)
    {
        var r = Parse(args);
        r.Options.ShouldBeNull();
        r.IsHelp.ShouldBeFalse();
        r.Error.ShouldBe(error);
        var (o, e) = (new StringWriter(), new StringWriter());
        r.Report(o, e).ShouldBe(1);
        o.ToString().ShouldBeEmpty();
        e.ToString().ShouldBe($"command line error: {error}\nSee 'klp-ccp --help' for usage.\n");
    }

    // ---- well-formed invocations

    [Fact]
    public void ClassicInvocationWithEveryCommand()
    {
        var o = Ok(["-c", "x86_64-gcc-4.8.1", "-o", "out.c", "-I", "/p/i", .. AllCommands, "--", "-D", "X=1", "-O2", "t.c"]);
        o.Compiler.ShouldBe(new CompilerSpec(TargetArch.X86_64, 4, 8, 1));
        o.OutputFile.ShouldBe("out.c");
        o.ResolvedOutputFile.ShouldBe("/work/dir/out.c");
        o.PatchedFunctions.ShouldBeEmpty();
        o.CompilerArguments.ShouldBe(["-D", "X=1", "-O2", "t.c"]);
        o.BuiltInPolicy.ShouldBeNull();
        o.FactsFile.ShouldBeNull();
        o.ResolvedFactsFile.ShouldBeNull();
        o.WorkingDirectory.ShouldBe(Wd);
        var c = o.PolicyCommands;
        c.IsPatched!.Text.ShouldBe("/p/i");
        c.MayIncludeHeader!.Text.ShouldBe("/p/h");
        c.CanExternalizeFunction!.Text.ShouldBe("/p/f");
        c.ShallExternalizeFunction!.Text.ShouldBe("/p/s");
        c.ShallExternalizeObject!.Text.ShouldBe("/p/o");
        c.ModifyPatchedFunctionSymbol!.Text.ShouldBe("/p/p");
        c.ModifyExternalizedSymbol!.Text.ShouldBe("/p/e");
        c.RenameRewrittenFunction!.Text.ShouldBe("/p/r");
        o.Policy.ShouldBeOfType<CachingPolicy>();
    }

    [Fact]
    public void LongOptionsWithEqualsOrSeparateValue()
    {
        var o = Ok("--compiler=aarch64-gcc-9.1.0", "--outfile", "/abs/o.c", "--patched-functions=f", "--pol-cmd-may-include-header", "/p/h",
            "--pol-cmd-can-externalize-fun=/p/f", "--pol-cmd-shall-externalize-fun=/p/s", "--pol-cmd-shall-externalize-obj=/p/o",
            "--pol-cmd-modify-patched-fun-sym=/p/p", "--pol-cmd-modify-externalized-sym=/p/e", "--pol-cmd-rename-rewritten-fun=/p/r",
            "--facts", "f.db", "--", "t.c");
        o.Compiler.ShouldBe(new CompilerSpec(TargetArch.AArch64, 9, 1, 0));
        o.ResolvedOutputFile.ShouldBe("/abs/o.c");
        o.PatchedFunctions.ShouldBe(["f"]);
        o.FactsFile.ShouldBe("f.db");
        o.ResolvedFactsFile.ShouldBe("/work/dir/f.db");
        o.PolicyCommands.RenameRewrittenFunction!.Text.ShouldBe("/p/r");
    }

    [Fact]
    public void ShortOptionsJoinedOrSeparate()
    {
        var o = Ok("-cx86_64-gcc-4.8.5", "-oout.c", "-if,g", "-H/p/h", "-F", "/p/f", "-S/p/s", "-O/p/o", "-P/p/p", "-E/p/e", "-R/p/r", "t.c");
        o.Compiler.ToString().ShouldBe("x86_64-gcc-4.8.5");
        o.OutputFile.ShouldBe("out.c");
        o.PatchedFunctions.ShouldBe(["f", "g"]);
        o.PolicyCommands.MayIncludeHeader!.Text.ShouldBe("/p/h");
        o.PolicyCommands.ShallExternalizeFunction!.Text.ShouldBe("/p/s");
        o.CompilerArguments.ShouldBe(["t.c"]);
    }

    [Fact]
    public void UniqueLongPrefixes()
    {
        var o = Ok("--comp=x86_64-gcc-4.8.5", "--out", "o.c", "--pa=f", "--poli=toy", "--fa=db", "--pol-cmd-may=/p/h", "--pol-cmd-ca=/p/f",
            "--pol-cmd-shall-externalize-f=/p/s", "--pol-cmd-modify-p=/p/p", "--pol-cmd-modify-e=/p/e", "--pol-cmd-ren=/p/r", "--", "t.c");
        o.Compiler.ToString().ShouldBe("x86_64-gcc-4.8.5");
        o.OutputFile.ShouldBe("o.c");
        o.PatchedFunctions.ShouldBe(["f"]);
        o.BuiltInPolicy.ShouldBe("toy");
        o.FactsFile.ShouldBe("db");
        o.PolicyCommands.MayIncludeHeader!.Text.ShouldBe("/p/h");
        o.PolicyCommands.CanExternalizeFunction!.Text.ShouldBe("/p/f");
        o.PolicyCommands.ShallExternalizeFunction!.Text.ShouldBe("/p/s");
        o.PolicyCommands.ModifyPatchedFunctionSymbol!.Text.ShouldBe("/p/p");
        o.PolicyCommands.ModifyExternalizedSymbol!.Text.ShouldBe("/p/e");
        o.PolicyCommands.RenameRewrittenFunction!.Text.ShouldBe("/p/r");
    }

    [Theory]
    [InlineData("--pol-cmd-rename-rewritten-fun=/p/r")]
    [InlineData("--pol-cmd-renamed-rewritten-fun=/p/r")]
    [InlineData("--pol-cmd-renamed=/p/r")]
    [InlineData("--pol-cmd-rename=/p/r")]
    [InlineData("--pol-cmd-r=/p/r")]
    [InlineData("-R/p/r")]
    public void BothSpellingsOfTheRewrittenRenameOption(string option)
    {
        var o = Ok(["-c", "x86_64-gcc-4.8.5", "-o", "o", "-i", "f", .. AllCommands[..^2], option, "--", "t.c"]);
        o.PolicyCommands.RenameRewrittenFunction!.Text.ShouldBe("/p/r");
    }

    [Fact]
    public void RepeatedPatchedFunctionsAreSplitTrimmedAndMerged()
    {
        var o = Ok("--policy=toy", "-c", "x86_64-gcc-4.8.5", "-o", "o", "-i", " a, b ,,\tc,", "--patched-functions", "d,a", "-i", "", "-i", " , ", "t.c");
        o.PatchedFunctions.ShouldBe(["a", "b", "c", "d"]);
    }

    [Fact]
    public void NonOptionsBeforeDoubleDashArePermuted()
    {
        Ok("-c", "x86_64-gcc-4.8.5", "t.c", "-o", "o", "--policy=toy", "u.c").CompilerArguments.ShouldBe(["t.c", "u.c"]);
        // -DX is not ours: without "--" it is an invalid option
        ShouldError(["--policy=toy", "-c", "x86_64-gcc-4.8.5", "-o", "o", "t.c", "-DX"], "invalid option '-D'");
        Ok("-c", "x86_64-gcc-4.8.5", "a", "-o", "o", "--policy=toy", "--", "-b", "--", "c", "-").CompilerArguments
            .ShouldBe(["a", "-b", "--", "c", "-"]);
        Ok("-", "-c", "x86_64-gcc-4.8.5", "-o", "o", "--policy=toy").CompilerArguments.ShouldBe(["-"]);
    }

    [Fact]
    public void RequiredArgumentTakesTheNextWordWhateverItIs()
    {
        Ok("-c", "x86_64-gcc-4.8.5", "--policy=toy", "-o", "--", "t.c").OutputFile.ShouldBe("--");
        Ok("-c", "x86_64-gcc-4.8.5", "--policy=toy", "--outfile", "-i", "t.c").OutputFile.ShouldBe("-i");
        Ok("-c", "x86_64-gcc-4.8.5", "--policy=toy", "--outfile=", "t.c").OutputFile.ShouldBe("");
    }

    [Fact]
    public void IsPatchedCommandInsteadOfList()
    {
        var o = Ok(["-c", "x86_64-gcc-4.8.5", "-o", "o", "-I", "/p/i", .. AllCommands, "t.c"]);
        o.PolicyCommands.IsPatched!.Text.ShouldBe("/p/i");
    }

    [Fact]
    public void PolicyCommandsAreSplitAndResolved()
    {
        var o = Ok(["-c", "x86_64-gcc-4.8.5", "-o", "o", "-i", "f", .. AllCommands[2..], "-H", "./pol 'a b' c", "t.c"]);
        o.PolicyCommands.MayIncludeHeader!.Words.ShouldBe(["./pol", "a b", "c"]);
        o.PolicyCommands.MayIncludeHeader!.Program.ShouldBe("/work/dir/pol");
    }

    [Fact]
    public void BuiltInPolicyMakesCommandsOptional()
    {
        var o = Ok("-c", "x86_64-gcc-4.8.5", "-o", "o", "--policy=toy", "t.c");
        o.BuiltInPolicy.ShouldBe("toy");
        o.Policy.IsPatched("pu_f").Value.ShouldBeTrue();
        o.Policy.IsPatched("f").Value.ShouldBeFalse();
        o.Policy.ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, "espr_x", 0).Value
            .ShouldBe(new ExternalizedSymbolModification(new SymbolModification("klpe_espr_x", LinkageChange.MakeStatic), true));
    }

    [Fact]
    public void ComposedPolicy()
    {
        using var dir = new Policy.ScriptDirectory();
        var script = dir.Script("h", "echo 'RESULT: NO'");
        var o = ClassicCommandLine.Parse(["-c", "x86_64-gcc-4.8.5", "-o", "o", "--policy=toy", "-i", "f", "-H", "./h", "t.c"], dir.Path).Options!;
        o.Policy.IsPatched("f").Value.ShouldBeTrue();     // -i
        o.Policy.IsPatched("pu_g").Value.ShouldBeTrue();  // toy
        o.Policy.IsPatched("g").Value.ShouldBeFalse();
        o.Policy.MayIncludeHeader("t.h", false).Value.ShouldBeFalse(); // the command overrides toy's YES
        o.Policy.CanExternalizeFunction("eu_f", PolicyLinkage.External, null).Value.ShouldBeTrue();

        // classic without -I: only -i is patched
        var c = ClassicCommandLine.Parse(["-c", "x86_64-gcc-4.8.5", "-o", "o", "-i", "f", .. AllCommands, "t.c"], dir.Path).Options!;
        c.Policy.IsPatched("f").Value.ShouldBeTrue();
        c.Policy.IsPatched("pu_g").Value.ShouldBeFalse();
    }

    // ---- help

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    [InlineData("--he")]
    [InlineData("-hc")]
    [InlineData("-hx")]
    [InlineData("-c", "x86_64-gcc-4.8.5", "-h", "--bogus")]
    [InlineData("--policy=toy", "t.c", "-h")]
    public void Help(params string[] args)
    {
        var r = Parse(args);
        r.IsHelp.ShouldBeTrue();
        r.Options.ShouldBeNull();
        r.Error.ShouldBeNull();
        var (o, e) = (new StringWriter(), new StringWriter());
        r.Report(o, e).ShouldBe(0);
        o.ToString().ShouldBe(ClassicCommandLine.HelpText);
        e.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void HelpListsEveryOptionAndSubcommand()
    {
        var h = ClassicCommandLine.HelpText;
        foreach (var s in new[]
        {
            "-h, --help", "-c, --compiler=", "-o, --outfile=", "-i, --patched-functions=", "--policy=toy|kernel", "--facts=FILE",
            "-I, --pol-cmd-is-patched=", "-H, --pol-cmd-may-include-header=", "-F, --pol-cmd-can-externalize-fun=",
            "-S, --pol-cmd-shall-externalize-fun=", "-O, --pol-cmd-shall-externalize-obj=", "-P, --pol-cmd-modify-patched-fun-sym=",
            "-E, --pol-cmd-modify-externalized-sym=", "-R, --pol-cmd-rename-rewritten-fun=", "--pol-cmd-renamed-rewritten-fun",
            "\n  preprocess ", "\n  parse ", "\n  from-diff ", "\n  why ", "\n  query ",
        })
            h.ShouldContain(s);
        h.ShouldStartWith("Usage: klp-ccp OPTIONS -- ORIGINAL COMPILER COMMAND LINE\n");
        h.ShouldEndWith("\n");
        h.Split('\n').ShouldAllBe(line => line.Length <= 100);
    }

    [Fact]
    public void SuccessReportsNothing()
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        Parse("-c", "x86_64-gcc-4.8.5", "-o", "o", "--policy=toy", "t.c").Report(o, e).ShouldBeNull();
        (o.ToString() + e.ToString()).ShouldBeEmpty();
    }

    // ---- errors

    private static readonly string[] Base = ["-c", "x86_64-gcc-4.8.5", "-o", "o", "--policy=toy"];

    [Theory]
    [InlineData("invalid option '-x'", "-x")]
    [InlineData("invalid option '-x'", "-ix", "-x")]
    [InlineData("invalid option '--bogus'", "--bogus")]
    [InlineData("invalid option '--bogus'", "--bogus=1")]
    [InlineData("invalid option '--pol-cmd-x'", "--pol-cmd-x=1")]
    [InlineData("invalid option '--python-policy'", "--python-policy=a.B")]
    [InlineData("invalid option '-D'", "-DX", "--", "t.c")]
    public void InvalidOption(string error, params string[] args)
        => ShouldError([.. Base, .. args], error);

    [Theory]
    [InlineData("option '--pol-cmd-s' is ambiguous; possibilities: '--pol-cmd-shall-externalize-fun' '--pol-cmd-shall-externalize-obj'", "--pol-cmd-s=x")]
    [InlineData("option '--pol-cmd-m' is ambiguous; possibilities: '--pol-cmd-may-include-header' '--pol-cmd-modify-patched-fun-sym' '--pol-cmd-modify-externalized-sym'", "--pol-cmd-m", "x")]
    [InlineData("option '--pol' is ambiguous; possibilities: '--pol-cmd-is-patched' '--pol-cmd-may-include-header' '--pol-cmd-can-externalize-fun' '--pol-cmd-shall-externalize-fun' '--pol-cmd-shall-externalize-obj' '--pol-cmd-modify-patched-fun-sym' '--pol-cmd-modify-externalized-sym' '--pol-cmd-rename-rewritten-fun' '--pol-cmd-renamed-rewritten-fun' '--policy'", "--pol=toy")]
    [InlineData("option '--p' is ambiguous; possibilities: '--patched-functions' '--pol-cmd-is-patched' '--pol-cmd-may-include-header' '--pol-cmd-can-externalize-fun' '--pol-cmd-shall-externalize-fun' '--pol-cmd-shall-externalize-obj' '--pol-cmd-modify-patched-fun-sym' '--pol-cmd-modify-externalized-sym' '--pol-cmd-rename-rewritten-fun' '--pol-cmd-renamed-rewritten-fun' '--policy'", "--p=x")]
    public void AmbiguousPrefix(string error, params string[] args) => ShouldError([.. args, .. Base, "t.c"], error);

    [Theory]
    [InlineData("missing parameter for option '-c'", "-c")]
    [InlineData("missing parameter for option '--compiler'", "--compiler")]
    [InlineData("missing parameter for option '--comp'", "--comp")]
    [InlineData("missing parameter for option '-o'", "-o")]
    [InlineData("missing parameter for option '-i'", "-i")]
    [InlineData("missing parameter for option '-R'", "-R")]
    [InlineData("missing parameter for option '--pol-cmd-renamed-rewritten-fun'", "--pol-cmd-renamed-rewritten-fun")]
    [InlineData("missing parameter for option '--policy'", "--policy")]
    [InlineData("missing parameter for option '--facts'", "--facts")]
    public void MissingParameter(string error, string option) => ShouldError([.. Base, "t.c", option], error);

    [Fact]
    public void NoArgumentAllowed() => ShouldError(["--help=yes"], "option '--help' doesn't allow an argument");

    [Theory]
    [InlineData("--compiler", "-c", "x86_64-gcc-4.8.5")]
    [InlineData("--compiler", "--compiler=x86_64-gcc-12.1.0")]
    [InlineData("--outfile", "-o", "o2")]
    [InlineData("--policy", "--policy=toy")]
    [InlineData("--facts", "--facts=a", "--facts", "b")]
    [InlineData("--pol-cmd-is-patched", "-I", "/a", "--pol-cmd-is-patched=/b")]
    [InlineData("--pol-cmd-may-include-header", "-H", "/a", "-H", "/b")]
    [InlineData("--pol-cmd-can-externalize-fun", "-F", "/a", "-F", "/b")]
    [InlineData("--pol-cmd-shall-externalize-fun", "-S", "/a", "-S", "/b")]
    [InlineData("--pol-cmd-shall-externalize-obj", "-O", "/a", "-O", "/b")]
    [InlineData("--pol-cmd-modify-patched-fun-sym", "-P", "/a", "-P", "/b")]
    [InlineData("--pol-cmd-modify-externalized-sym", "-E", "/a", "-E", "/b")]
    [InlineData("--pol-cmd-rename-rewritten-fun", "-R", "/a", "-R", "/b")]
    [InlineData("--pol-cmd-rename-rewritten-fun", "--pol-cmd-rename-rewritten-fun=/a", "--pol-cmd-renamed-rewritten-fun=/b")]
    public void SpecifiedMoreThanOnce(string name, params string[] args)
    {
        string[] facts = name == "--facts" ? [] : ["--facts=x"];
        ShouldError([.. Base, .. facts, .. args, "t.c"], $" option '{name}' specified more than once");
    }

    [Fact]
    public void CompilerRequired() =>
        ShouldError(["-o", "o", "--policy=toy", "t.c"], " option '--compiler' is required");

    [Fact]
    public void OutfileRequired() =>
        ShouldError(["-c", "x86_64-gcc-4.8.5", "--policy=toy", "t.c"], " option '--outfile' is required");

    [Fact]
    public void PatchedFunctionsOrIsPatchedRequired() =>
        ShouldError(["-c", "x86_64-gcc-4.8.5", "-o", "o", .. AllCommands, "t.c"], "either --patched-functions or --pol-cmd-is-patched is required");

    [Theory]
    [InlineData("-H", "--pol-cmd-may-include-header")]
    [InlineData("-F", "--pol-cmd-can-externalize-fun")]
    [InlineData("-S", "--pol-cmd-shall-externalize-fun")]
    [InlineData("-O", "--pol-cmd-shall-externalize-obj")]
    [InlineData("-P", "--pol-cmd-modify-patched-fun-sym")]
    [InlineData("-E", "--pol-cmd-modify-externalized-sym")]
    [InlineData("-R", "--pol-cmd-rename-rewritten-fun")]
    public void PolicyCommandRequired(string option, string name)
    {
        var k = Array.IndexOf(AllCommands, option);
        string[] without = [.. AllCommands[..k], .. AllCommands[(k + 2)..]];
        ShouldError(["-c", "x86_64-gcc-4.8.5", "-o", "o", "-i", "f", .. without, "t.c"], $" option '{name}' is required");
    }

    [Fact]
    public void RequiredChecksInOrder()
    {
        ShouldError([], " option '--compiler' is required");
        ShouldError(["-c", "x86_64-gcc-4.8.5"], " option '--outfile' is required");
        ShouldError(["-c", "x86_64-gcc-4.8.5", "-o", "o"], "either --patched-functions or --pol-cmd-is-patched is required");
        ShouldError(["-c", "x86_64-gcc-4.8.5", "-o", "o", "-i", "f"], " option '--pol-cmd-may-include-header' is required");
        ShouldError(["-c", "x86_64-gcc-4.8.5", "-o", "o", "-I", "/p/i", "-R", "/p/r"], " option '--pol-cmd-may-include-header' is required");
    }

    [Theory]
    [InlineData]
    [InlineData("--")]
    public void MissingCompilerInvocation(params string[] tail) => ShouldError([.. Base, .. tail], "missing compiler invocation");

    [Fact]
    public void MissingCompilerInvocationInClassicForm() =>
        ShouldError(["-c", "x86_64-gcc-4.8.5", "-o", "o", "-i", "f", .. AllCommands, "--"], "missing compiler invocation");

    [Theory]
    [InlineData("gcc", "compiler version specification missing in 'gcc'")]
    [InlineData("arm-gcc-4.8.5", "unrecognized compiler specification 'arm-gcc'")]
    [InlineData("x86_64-gcc-4.8", "compiler version specifier '4.8' has invalid format")]
    [InlineData("x86_64-gcc-4.7.4", "unrecognized compiler version '4.7.4'")]
    public void CompilerErrors(string spec, string error) =>
        ShouldError(["-o", "o", "--policy=toy", "-c", spec, "t.c"], error);

    [Fact]
    public void CompilerErrorComesBeforeLaterOptionErrors() =>
        ShouldError(["-c", "gcc", "--bogus"], "compiler version specification missing in 'gcc'");

    [Theory]
    [InlineData("'unterminated", "failed to parse policy command ''unterminated': unterminated quotation in command")]
    [InlineData("/p/x \"a", "failed to parse policy command '/p/x \"a': unterminated quotation in command")]
    [InlineData("/p/x a\\", "failed to parse policy command '/p/x a\\': escape character at end of command")]
    [InlineData("", "failed to parse policy command '': no command given")]
    [InlineData("  ", "failed to parse policy command '  ': no command given")]
    public void PolicyCommandSplittingErrors(string command, string error) =>
        ShouldError([.. Base, "-F", command, "t.c"], error);

    [Theory]
    [InlineData("python", "unrecognized policy 'python' (expected toy or kernel)")]
    [InlineData("", "unrecognized policy '' (expected toy or kernel)")]
    public void PolicyNameErrors(string name, string error) =>
        ShouldError(["-c", "x86_64-gcc-4.8.5", "-o", "o", $"--policy={name}", "t.c"], error);

    [Fact]
    public void ExitCodesForPolicyOutcomes()
    {
        ClassicCommandLine.ExitCodeFor(PolicyAnswerKind.Answered).ShouldBe(ExitCode.Success);
        ClassicCommandLine.ExitCodeFor(PolicyAnswerKind.PolicyError).ShouldBe(3);
        ClassicCommandLine.ExitCodeFor(PolicyAnswerKind.CommandFailure).ShouldBe(4);
        ClassicCommandLine.ExitCodeFor(PolicyAnswerKind.SystemError).ShouldBe(5);
    }
}
