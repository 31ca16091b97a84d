using KlpCcp.Engine.LivePatch.Policy;

namespace KlpCcp.Tests.Policy;

/// <summary>Records the questions asked and answers from fixed tables.</summary>
internal sealed class RecordingPolicy(string tag) : ILivePatchPolicy
{
    public List<string> Asked { get; } = [];

    public PolicyAnswer<bool> IsPatched(string name) { Asked.Add($"is-patched {name}"); return PolicyAnswer.Answer(name.StartsWith(tag, StringComparison.Ordinal), [tag]); }
    public PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude) { Asked.Add($"header {path} {isPreInclude}"); return PolicyAnswer.Answer(true, [tag]); }
    public PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition) { Asked.Add($"can {name} {linkage} {definition}"); return PolicyAnswer.Answer(true, [tag]); }
    public PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool definedInEligibleHeader, PolicyLocation definition) { Asked.Add($"shall-fun {name} {definedInEligibleHeader}"); return PolicyAnswer.Answer(false, [tag]); }
    public PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration) { Asked.Add($"shall-obj {name} {linkage}"); return PolicyAnswer.Answer(true, [tag]); }
    public PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry) { Asked.Add($"ext {kind} {name} {retry}"); return PolicyAnswer.Answer(new ExternalizedSymbolModification(new SymbolModification(tag + name + retry, LinkageChange.None), false), [tag]); }
    public PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry) { Asked.Add($"patched {name} {retry}"); return PolicyAnswer.Answer(new SymbolModification(tag + name + retry, LinkageChange.None), [tag]); }
    public PolicyAnswer<string> RenameRewrittenFunction(string name, int retry) { Asked.Add($"rewritten {name} {retry}"); return PolicyAnswer.Answer(tag + name + retry, [tag]); }
}

public class CompositePolicyTests
{
    private static readonly PolicyLocation Loc = new("t.c", 2, 4);

    [Fact]
    public void PatchedFunctionsListComesFirst()
    {
        var builtIn = new RecordingPolicy("pu_");
        var p = new CompositePolicy(builtIn, null, ["f", "g"]);
        p.IsPatched("f").Value.ShouldBeTrue();
        p.IsPatched("pu_x").Value.ShouldBeTrue();
        p.IsPatched("h").Value.ShouldBeFalse();
        builtIn.Asked.ShouldBe(["is-patched pu_x", "is-patched h"]);
    }

    [Fact]
    public void WithoutIsPatchedAnswererOnlyTheListIsPatched()
    {
        var p = new CompositePolicy(null, null, ["f"]);
        p.IsPatched("f").Value.ShouldBeTrue();
        p.IsPatched("pu_g").Value.ShouldBeFalse();
        p.Answers(PolicyQuestion.IsPatched).ShouldBeTrue();
        p.Answers(PolicyQuestion.MayIncludeHeader).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => p.MayIncludeHeader("a.h", false));
    }

    [Fact]
    public void BuiltInAnswersEverything()
    {
        var b = new RecordingPolicy("B");
        var p = new CompositePolicy(b, null);
        p.MayIncludeHeader("a.h", true).Warnings.ShouldBe(["B"]);
        p.CanExternalizeFunction("f", PolicyLinkage.Internal, Loc).Value.ShouldBeTrue();
        p.ShallExternalizeFunction("f", PolicyLinkage.Internal, true, Loc).Value.ShouldBeFalse();
        p.ShallExternalizeObject("o", PolicyLinkage.None, Loc).Value.ShouldBeTrue();
        p.ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, "o", 1).Value.SymbolModification.NewName.ShouldBe("Bo1");
        p.ModifyPatchedFunctionSymbol("f", 2).Value.NewName.ShouldBe("Bf2");
        p.RenameRewrittenFunction("g", 3).Value.ShouldBe("Bg3");
        b.Asked.ShouldBe(["header a.h True", "can f Internal t.c:2:4", "shall-fun f True", "shall-obj o None", "ext Object o 1", "patched f 2", "rewritten g 3"]);
    }

    [Fact]
    public void CommandsOverrideTheBuiltIn()
    {
        using var dir = new ScriptDirectory();
        var yes = ShellCommand.TryParse(dir.Script("yes", "echo 'WARNING: cmd'; echo 'RESULT: NO'"), dir.Path, out _);
        var ren = ShellCommand.TryParse(dir.Script("ren", "echo 'RESULT: from_cmd'"), dir.Path, out _);
        var cmds = new ShellCommandPolicy(new PolicyCommands(MayIncludeHeader: yes, RenameRewrittenFunction: ren), dir.Path);
        var b = new RecordingPolicy("B");
        var p = new CompositePolicy(b, cmds);
        var h = p.MayIncludeHeader("a.h", false);
        h.Value.ShouldBeFalse();
        h.Warnings.ShouldBe(["cmd"]);
        p.RenameRewrittenFunction("g", 0).Value.ShouldBe("from_cmd");
        p.IsPatched("Bx").Value.ShouldBeTrue();
        p.ModifyPatchedFunctionSymbol("f", 0).Value.NewName.ShouldBe("Bf0");
        b.Asked.ShouldBe(["is-patched Bx", "patched f 0"]);
    }

    [Fact]
    public void CachingAsksEachYesNoQuestionOnce()
    {
        var b = new RecordingPolicy("B");
        var p = new CachingPolicy(b);
        for (var i = 0; i < 3; i++)
        {
            p.IsPatched("Bf").Value.ShouldBeTrue();
            p.IsPatched("g").Value.ShouldBeFalse();
            p.MayIncludeHeader("a.h", false);
            p.MayIncludeHeader("a.h", true);
            p.CanExternalizeFunction("f", PolicyLinkage.External, null);
            p.ShallExternalizeFunction("f", PolicyLinkage.External, false, Loc);
            p.ShallExternalizeObject("o", PolicyLinkage.External, Loc).Warnings.ShouldBe(["B"]);
        }
        b.Asked.ShouldBe(["is-patched Bf", "is-patched g", "header a.h False", "header a.h True", "can f External ", "shall-fun f False", "shall-obj o External"]);
    }

    [Fact]
    public void CachingPassesModificationQuestionsThrough()
    {
        var b = new RecordingPolicy("B");
        var p = new CachingPolicy(b);
        p.ModifyPatchedFunctionSymbol("f", 0);
        p.ModifyPatchedFunctionSymbol("f", 0);
        p.ModifyExternalizedSymbol(ExternalizedSymbolKind.Function, "f", 1);
        p.RenameRewrittenFunction("g", 0);
        p.RenameRewrittenFunction("g", 1);
        b.Asked.ShouldBe(["patched f 0", "patched f 0", "ext Function f 1", "rewritten g 0", "rewritten g 1"]);
    }

    [Fact]
    public void CachedFailureIsNotAskedAgain()
    {
        using var dir = new ScriptDirectory();
        var counter = Path.Combine(dir.Path, "count");
        var cmd = ShellCommand.TryParse(dir.Script("c", $"echo x >> '{counter}'; exit 1"), dir.Path, out _);
        var p = new CachingPolicy(new ShellCommandPolicy(new PolicyCommands(IsPatched: cmd), dir.Path));
        p.IsPatched("f").Kind.ShouldBe(PolicyAnswerKind.CommandFailure);
        p.IsPatched("f").Kind.ShouldBe(PolicyAnswerKind.CommandFailure);
        File.ReadAllLines(counter).Length.ShouldBe(1);
    }

    [Fact]
    public void AnswerConversionKeepsOutcome()
    {
        var a = PolicyAnswer.Answer(3, ["w"]).Select(x => x * 2);
        a.Value.ShouldBe(6);
        a.Warnings.ShouldBe(["w"]);
        var e = PolicyAnswer.PolicyError<int>(["e"], ["w"]).Select(x => x.ToString());
        e.Kind.ShouldBe(PolicyAnswerKind.PolicyError);
        e.Errors.ShouldBe(["e"]);
        e.Warnings.ShouldBe(["w"]);
        var f = PolicyAnswer.SystemError<int>("boom").Select(x => x + 1);
        f.Kind.ShouldBe(PolicyAnswerKind.SystemError);
        f.FailureMessage.ShouldBe("boom");
        Should.Throw<ArgumentException>(() => PolicyAnswer.PolicyError<int>([]));
    }
}
