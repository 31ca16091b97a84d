#pragma warning disable CA1416 // Unix file modes: the tests run on Linux only
using KlpCcp.Engine.LivePatch.Policy;

namespace KlpCcp.Tests.Policy;

/// <summary>The classic protocol of SPEC 1.2, with tiny scripts written into a temporary folder.</summary>
public sealed class ShellCommandPolicyTests : IDisposable
{
    private readonly ScriptDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly PolicyLocation Loc = new("t.c", 3, 5);

    /// <summary>A policy whose every question runs <paramref name="command"/> (split as -X would).</summary>
    private ShellCommandPolicy PolicyFor(string command)
    {
        var cmd = ShellCommand.TryParse(command, _dir.Path, out var error);
        error.ShouldBeNull();
        var commands = new PolicyCommands();
        foreach (var q in Enum.GetValues<PolicyQuestion>()) commands = commands.With(q, cmd);
        return new ShellCommandPolicy(commands, _dir.Path);
    }

    private ShellCommandPolicy Script(string body, string name = "pol") => PolicyFor(_dir.Script(name, body));

    private static void ShouldFail<T>(PolicyAnswer<T> answer, string message)
    {
        answer.Kind.ShouldBe(PolicyAnswerKind.CommandFailure, answer.ToString());
        answer.FailureMessage.ShouldBe(message);
        answer.Warnings.ShouldBeEmpty();
        answer.Errors.ShouldBeEmpty();
    }

    // ---- answers

    [Theory]
    [InlineData("echo 'RESULT: YES'", true)]
    [InlineData("echo 'RESULT: NO'", false)]
    [InlineData("echo 'RESULT:YES'", true)]
    [InlineData("printf ' \\t RESULT: \\t NO \\t \\n'", false)]
    [InlineData("printf '\\n\\n  \\t\\nRESULT: YES\\n\\n'", true)]
    [InlineData("printf 'RESULT: YES'", true)] // last line without newline
    public void YesNoResults(string body, bool expected)
    {
        var answer = Script(body).IsPatched("pu_f");
        answer.Kind.ShouldBe(PolicyAnswerKind.Answered, answer.ToString());
        answer.Value.ShouldBe(expected);
        answer.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void WarningsThenResult()
    {
        var answer = Script("echo 'WARNING: first one'; echo '  WARNING:second  '; echo 'RESULT: YES'; echo 'WARNING: after'").IsPatched("pu_f");
        answer.Kind.ShouldBe(PolicyAnswerKind.Answered);
        answer.Value.ShouldBeTrue();
        answer.Warnings.ShouldBe(["first one", "second", "after"]);
    }

    [Fact]
    public void PatchedModification()
    {
        var p = Script("echo 'RESULT: klpp_f MAKE-INTERNAL'");
        p.ModifyPatchedFunctionSymbol("f", 0).Value.ShouldBe(new SymbolModification("klpp_f", LinkageChange.MakeStatic));
        Script("echo 'RESULT: f KEEP-LINKAGE'", "p2").ModifyPatchedFunctionSymbol("f", 0).Value
            .ShouldBe(new SymbolModification("f", LinkageChange.None));
        Script("echo 'RESULT:   _F9 \t MAKE-EXTERNAL'", "p3").ModifyPatchedFunctionSymbol("f", 0).Value
            .ShouldBe(new SymbolModification("_F9", LinkageChange.MakeExtern));
    }

    [Fact]
    public void ExternalizedModification()
    {
        Script("echo 'RESULT: klpe_x MAKE-INTERNAL MAKE-POINTER'").ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, "x", 0).Value
            .ShouldBe(new ExternalizedSymbolModification(new SymbolModification("klpe_x", LinkageChange.MakeStatic), true));
        Script("echo 'RESULT: x MAKE-EXTERNAL'", "p2").ModifyExternalizedSymbol(ExternalizedSymbolKind.Function, "x", 0).Value
            .ShouldBe(new ExternalizedSymbolModification(new SymbolModification("x", LinkageChange.MakeExtern), false));
    }

    [Fact]
    public void RewrittenRename()
    {
        Script("echo 'RESULT: klpr_g'").RenameRewrittenFunction("g", 0).Value.ShouldBe("klpr_g");
    }

    // ---- the argument lists

    [Fact]
    public void ArgumentListsOfEveryQuestion()
    {
        // one script answering all grammars: the result is chosen by the first argument
        var p = PolicyFor(_dir.Script("args", """
            for a in "$@"; do echo "WARNING: [$a]"; done
            case "$1" in
              yn) echo "RESULT: NO" ;;
              function|object) echo "RESULT: x KEEP-LINKAGE" ;;
              mod) echo "RESULT: x KEEP-LINKAGE" ;;
              *) echo "RESULT: x" ;;
            esac
            """) + " yn");
        p.IsPatched("pu_f").Warnings.ShouldBe(["[yn]", "[pu_f]"]);
        p.MayIncludeHeader("inc/a.h", false).Warnings.ShouldBe(["[yn]", "[inc/a.h]"]);
        p.MayIncludeHeader("/abs/a b.h", true).Warnings.ShouldBe(["[yn]", "[/abs/a b.h]", "[pre-include]"]);
        p.CanExternalizeFunction("f", PolicyLinkage.Internal, new PolicyLocation("t.c", 7, 0)).Warnings.ShouldBe(["[yn]", "[f]", "[internal]", "[t.c:7:0]"]);
        p.CanExternalizeFunction("f", PolicyLinkage.External, new PolicyLocation("dir/t.h", 12, 9)).Warnings.ShouldBe(["[yn]", "[f]", "[external]", "[dir/t.h:12:9]"]);
        p.CanExternalizeFunction("f", PolicyLinkage.External, null).Warnings.ShouldBe(["[yn]", "[f]"]);
        p.ShallExternalizeFunction("f", PolicyLinkage.External, false, Loc).Warnings.ShouldBe(["[yn]", "[f]"]);
        p.ShallExternalizeFunction("f", PolicyLinkage.Internal, true, Loc).Warnings.ShouldBe(["[yn]", "[f]", "[from-header]"]);
        p.ShallExternalizeObject("o", PolicyLinkage.None, Loc).Warnings.ShouldBe(["[yn]", "[o]"]);

        var args = _dir.Path + "/args";
        var mod = PolicyFor(args + " mod");
        var r = mod.ModifyPatchedFunctionSymbol("pu_f", 0);
        r.Value.ShouldBe(new SymbolModification("x", LinkageChange.None));
        r.Warnings.ShouldBe(["[mod]", "[pu_f]", "[0]"]);
        mod.ModifyPatchedFunctionSymbol("pu_f", 17).Warnings.ShouldBe(["[mod]", "[pu_f]", "[17]"]);

        var ext = PolicyFor(args);
        ext.ModifyExternalizedSymbol(ExternalizedSymbolKind.Function, "ef", 2).Warnings.ShouldBe(["[function]", "[ef]", "[2]"]);
        ext.ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, "eo", 0).Warnings.ShouldBe(["[object]", "[eo]", "[0]"]);

        var ren = PolicyFor(args + " ren");
        var rr = ren.RenameRewrittenFunction("g", 3);
        rr.Value.ShouldBe("x");
        rr.Warnings.ShouldBe(["[ren]", "[g]", "[3]"]);
    }

    [Fact]
    public void CommandWordsPrecedeTheArguments()
    {
        var script = _dir.Script("w", "for a in \"$@\"; do echo \"WARNING: [$a]\"; done\necho RESULT: YES");
        PolicyFor($"{script} --mode 'a b' \"c\\\"d\"").IsPatched("f").Warnings.ShouldBe(["[--mode]", "[a b]", "[c\"d]", "[f]"]);
    }

    [Fact]
    public void RelativeCommandAndWorkingDirectory()
    {
        _dir.Script("rel", "echo \"WARNING: $(pwd)\"; echo RESULT: YES");
        var answer = PolicyFor("./rel").IsPatched("f");
        answer.Value.ShouldBeTrue();
        answer.Warnings.ShouldBe([_dir.Path]);
        PolicyFor("rel").IsPatched("f").Value.ShouldBeTrue(); // a path, not a PATH lookup
    }

    [Fact]
    public void StandardInputIsEmpty()
    {
        Script("cat; echo RESULT: YES").IsPatched("f").Value.ShouldBeTrue();
    }

    [Fact]
    public void LargeOutputsDoNotDeadlock()
    {
        // ~1 MB on each stream, far beyond a pipe's buffer
        var p = Script("yes 'WARNING: w' | head -n 100000\nyes e | head -c 1000000 >&2\necho RESULT: YES\nexit 1");
        var answer = p.IsPatched("f");
        answer.Kind.ShouldBe(PolicyAnswerKind.CommandFailure);
        answer.FailureMessage!.ShouldStartWith($"command '{_dir.Path}/pol f' failed with status 1; standard error was: \"e\ne\ne\n");
        answer.FailureMessage!.Length.ShouldBeGreaterThan(1000000);

        var ok = Script("yes 'WARNING: w' | head -n 100000\necho RESULT: NO", "p2").IsPatched("f");
        ok.Value.ShouldBeFalse();
        ok.Warnings.Count.ShouldBe(100000);
    }

    // ---- failures (exit status 4)

    [Fact]
    public void NonZeroExit()
    {
        ShouldFail(Script("echo 'RESULT: YES'; exit 3").IsPatched("pu_f"), $"command '{_dir.Path}/pol pu_f' failed with status 3");
    }

    [Fact]
    public void NonZeroExitLooksLikeNoSignal()
    {
        ShouldFail(Script("exit 137").IsPatched("pu_f"), $"command '{_dir.Path}/pol pu_f' failed with status 137");
    }

    [Fact]
    public void NonZeroExitWithStandardError()
    {
        ShouldFail(Script("echo 'oh no' >&2; printf ' \\t' >&2; exit 1").IsPatched("pu_f"),
            $"command '{_dir.Path}/pol pu_f' failed with status 1; standard error was: \"oh no\n\"");
    }

    [Fact]
    public void NonZeroExitWithBlankStandardError()
    {
        ShouldFail(Script("printf ' \\t ' >&2; exit 2").IsPatched("pu_f"), $"command '{_dir.Path}/pol pu_f' failed with status 2");
    }

    [Fact]
    public void Signal()
    {
        ShouldFail(Script("echo 'RESULT: YES'; kill -KILL $$").IsPatched("pu_f"), $"command '{_dir.Path}/pol pu_f' caught signal 9");
    }

    [Fact]
    public void SignalWithStandardError()
    {
        ShouldFail(Script("printf 'dying' >&2; kill -TERM $$").MayIncludeHeader("a.h", true),
            $"command '{_dir.Path}/pol a.h pre-include' caught signal 15; standard error was: \"dying\"");
    }

    [Fact]
    public void SigpipeIsNotIgnoredInTheChild()
    {
        // the runtime ignores SIGPIPE; the child must get the default disposition back
        ShouldFail(Script("kill -PIPE $$; echo RESULT: YES").IsPatched("f"), $"command '{_dir.Path}/pol f' caught signal 13");
    }

    [Fact]
    public void ZeroStatusButStandardError()
    {
        ShouldFail(Script("echo 'RESULT: YES'; echo 'a warning' >&2").IsPatched("pu_f"),
            $"command '{_dir.Path}/pol pu_f' returned with zero status, but standard error was non-empty: \"a warning\n\"");
    }

    [Fact]
    public void ZeroStatusButALoneNewlineOnStandardError()
    {
        ShouldFail(Script("echo 'RESULT: YES'; echo >&2").IsPatched("pu_f"),
            $"command '{_dir.Path}/pol pu_f' returned with zero status, but standard error was non-empty: \"\n\"");
    }

    [Fact]
    public void ZeroStatusAndOnlyBlanksOnStandardErrorIsFine()
    {
        Script("echo 'RESULT: YES'; printf ' \\t \\t' >&2").IsPatched("pu_f").Value.ShouldBeTrue();
    }

    [Fact]
    public void StandardErrorTrailingBlanksStrippedButNotInside()
    {
        ShouldFail(Script("echo 'RESULT: YES'; printf '  a \\n b \\t ' >&2").IsPatched("f"),
            $"command '{_dir.Path}/pol f' returned with zero status, but standard error was non-empty: \"  a \n b\"");
    }

    [Theory]
    [InlineData("echo hello", "hello")]
    [InlineData("echo '  junk here \t '", "junk here")]
    [InlineData("echo 'result: YES'", "result: YES")]
    [InlineData("echo 'RESULT YES'", "RESULT YES")]
    [InlineData("echo 'RESULT: YES'; echo 'Warning: x'", "Warning: x")]
    [InlineData("echo 'ERROR: e'; echo 'bad'", "bad")]
    public void UnrecognizedOutput(string body, string line)
    {
        ShouldFail(Script(body).IsPatched("pu_f"), $"unrecognized output from command '{_dir.Path}/pol pu_f': \"{line}\"");
    }

    [Fact]
    public void TwoResults()
    {
        ShouldFail(Script("echo 'RESULT: YES'; echo 'RESULT: YES'").IsPatched("pu_f"),
            $"command '{_dir.Path}/pol pu_f' returned multiple result specifications");
        ShouldFail(Script("echo 'RESULT: YES'; echo 'RESULT: bogus'", "p2").IsPatched("pu_f"),
            $"command '{_dir.Path}/p2 pu_f' returned multiple result specifications");
    }

    [Theory]
    [InlineData("")]
    [InlineData("echo")]
    [InlineData("echo 'WARNING: only a warning'")]
    public void NoResult(string body)
    {
        ShouldFail(Script(body + "\n:").IsPatched("pu_f"), $"command '{_dir.Path}/pol pu_f' didn't return any result");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("YES NO")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("Y")]
    public void YesNoGrammar(string result)
    {
        ShouldFail(Script($"echo 'RESULT: {result}'").ShallExternalizeObject("o", PolicyLinkage.External, Loc),
            $"unrecognized result specification returned by command '{_dir.Path}/pol o': \"{result}\"");
    }

    [Theory]
    [InlineData("klpp_f")]
    [InlineData("klpp_f KEEP")]
    [InlineData("klpp_f keep-linkage")]
    [InlineData("9f KEEP-LINKAGE")]
    [InlineData("klpp-f KEEP-LINKAGE")]
    [InlineData("klpp_f KEEP-LINKAGE MAKE-POINTER")]
    [InlineData("klpp_f KEEP-LINKAGEX")]
    [InlineData("klpp_fKEEP-LINKAGE")]
    public void PatchedModificationGrammar(string result)
    {
        ShouldFail(Script($"echo 'RESULT: {result}'").ModifyPatchedFunctionSymbol("pu_f", 0),
            $"unrecognized result specification returned by command '{_dir.Path}/pol pu_f 0': \"{result}\"");
    }

    [Theory]
    [InlineData("klpe_x MAKE-POINTER")]
    [InlineData("klpe_x MAKE-INTERNAL MAKE-POINTER MAKE-POINTER")]
    [InlineData("klpe_x MAKE-INTERNAL POINTER")]
    [InlineData("klpe_x MAKE-INTERNALMAKE-POINTER")]
    [InlineData("klpe_x")]
    public void ExternalizedModificationGrammar(string result)
    {
        ShouldFail(Script($"echo 'RESULT: {result}'").ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, "x", 1),
            $"unrecognized result specification returned by command '{_dir.Path}/pol object x 1': \"{result}\"");
    }

    [Theory]
    [InlineData("klpr_g MAKE-INTERNAL")]
    [InlineData("klpr-g")]
    [InlineData("0g")]
    [InlineData("klpr_g klpr_h")]
    public void RenameGrammar(string result)
    {
        ShouldFail(Script($"echo 'RESULT: {result}'").RenameRewrittenFunction("g", 0),
            $"unrecognized result specification returned by command '{_dir.Path}/pol g 0': \"{result}\"");
    }

    [Fact]
    public void QuotedCommandInMessages()
    {
        var script = _dir.Script("q", "exit 1");
        ShouldFail(PolicyFor($"{script} 'a b' 'c\\d' 'e\"f'").MayIncludeHeader("my dir/x.h", false),
            $"command '{_dir.Path}/q \"a b\" \"c\\\\d\" \"e\\\"f\" \"my dir/x.h\"' failed with status 1");
    }

    // ---- policy errors (exit status 3)

    [Fact]
    public void ErrorWithWarnings()
    {
        var answer = Script("echo 'WARNING: w1'; echo 'ERROR: e1'; echo 'WARNING:  w2 '; echo 'ERROR:e2'").IsPatched("pu_f");
        answer.Kind.ShouldBe(PolicyAnswerKind.PolicyError);
        answer.Errors.ShouldBe(["e1", "e2"]);
        answer.Warnings.ShouldBe(["w1", "w2"]);
        answer.FailureMessage.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => answer.Value);
    }

    [Fact]
    public void ErrorIgnoresTheResult()
    {
        var answer = Script("echo 'RESULT: YES'; echo 'ERROR: no way'").IsPatched("pu_f");
        answer.Kind.ShouldBe(PolicyAnswerKind.PolicyError);
        answer.Errors.ShouldBe(["no way"]);
        answer.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void ErrorIsFatalInRenameQuestionsWithoutWarnings()
    {
        Script("echo 'RESULT: klpr_g'; echo 'ERROR: nope'").RenameRewrittenFunction("g", 0).Errors.ShouldBe(["nope"]);
        Script("echo 'ERROR: nope'; echo 'RESULT: klpp_f KEEP-LINKAGE'", "p2").ModifyPatchedFunctionSymbol("pu_f", 0).Errors.ShouldBe(["nope"]);
        Script("echo 'RESULT: f KEEP-LINKAGE MAKE-POINTER'; echo 'ERROR: nope'", "p3").ModifyExternalizedSymbol(ExternalizedSymbolKind.Function, "ef", 0).Errors.ShouldBe(["nope"]);
        Script("echo 'ERROR: nope'", "p4").RenameRewrittenFunction("g", 0).Errors.ShouldBe(["nope"]);
    }

    [Fact]
    public void MalformedResultBeforeErrorIsAFailure()
    {
        // output is read in order: the malformed RESULT fails before the ERROR is seen
        ShouldFail(Script("echo 'RESULT: klpr_g'; echo 'ERROR: nope'").ModifyPatchedFunctionSymbol("pu_f", 0),
            $"unrecognized result specification returned by command '{_dir.Path}/pol pu_f 0': \"klpr_g\"");
    }

    // ---- OS errors (exit status 5)

    private static void ShouldBeSystemError<T>(PolicyAnswer<T> answer, string message)
    {
        answer.Kind.ShouldBe(PolicyAnswerKind.SystemError, answer.ToString());
        answer.FailureMessage.ShouldBe(message);
    }

    [Fact]
    public void MissingCommand()
    {
        ShouldBeSystemError(PolicyFor(_dir.Path + "/nothere").IsPatched("f"),
            $"cannot execute command '{_dir.Path}/nothere f': No such file or directory");
    }

    [Fact]
    public void NoPathLookup()
    {
        // "sh" is not looked up in PATH: it is ./sh in the working directory, which does not exist
        ShouldBeSystemError(PolicyFor("sh -c 'echo RESULT: YES'").IsPatched("f"),
            "cannot execute command 'sh -c \"echo RESULT: YES\" f': No such file or directory");
    }

    [Fact]
    public void NonExecutableCommand()
    {
        var script = _dir.Script("noexec", "echo RESULT: YES", executable: false);
        ShouldBeSystemError(PolicyFor(script).IsPatched("f"), $"cannot execute command '{script} f': Permission denied");
    }

    [Fact]
    public void ScriptWithoutInterpreterLine()
    {
        var file = Path.Combine(_dir.Path, "nohashbang");
        File.WriteAllText(file, "echo RESULT: YES\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        ShouldBeSystemError(PolicyFor(file).IsPatched("f"), $"cannot execute command '{file} f': Exec format error");
    }

    [Fact]
    public void DirectoryAsCommand()
    {
        ShouldBeSystemError(PolicyFor(_dir.Path).IsPatched("f"), $"cannot execute command '{_dir.Path} f': Permission denied");
    }

    [Fact]
    public void UnconfiguredQuestionIsABug()
    {
        var p = new ShellCommandPolicy(new PolicyCommands(), _dir.Path);
        p.Answers(PolicyQuestion.IsPatched).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => p.IsPatched("f"));
    }
}
