#pragma warning disable CA1416 // Unix file modes: the tests run on Linux only
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Tests.Toolchain;

namespace KlpCcp.Tests.Policy;

/// <summary>
/// A testsuite/ policy directory (toy-policy, kernel-policy) as shell policy commands, and the
/// checks that its scripts answer as the built-in policy they stand for.
/// </summary>
internal sealed class PolicyScripts
{
    public PolicyScripts(string policy)
    {
        Directory = Path.Combine(ToolchainTestSupport.RepoRoot, "testsuite", policy);
        ShellCommand Cmd(string script) => ShellCommand.TryParse(Path.Combine(Directory, script + ".sh"), Directory, out _)!;
        Policy = new ShellCommandPolicy(new PolicyCommands(
            IsPatched: Cmd("is-patched"),
            MayIncludeHeader: Cmd("may-include-header"),
            CanExternalizeFunction: Cmd("can-externalize-fun"),
            ShallExternalizeFunction: Cmd("shall-externalize-fun"),
            ShallExternalizeObject: Cmd("shall-externalize-obj"),
            ModifyPatchedFunctionSymbol: Cmd("modify-patched-fun-sym"),
            ModifyExternalizedSymbol: Cmd("modify-externalized-sym"),
            RenameRewrittenFunction: Cmd("rename-rewritten-fun")), Directory);
    }

    public string Directory { get; }
    public ShellCommandPolicy Policy { get; }

    /// <summary>One executable /bin/sh script for each of the eight questions.</summary>
    public void ShouldBeExecutableScripts()
    {
        var files = System.IO.Directory.GetFiles(Directory, "*.sh");
        files.Length.ShouldBe(8);
        foreach (var f in files)
        {
            File.ReadAllText(f).ShouldStartWith("#!/bin/sh\n");
            (File.GetUnixFileMode(f) & UnixFileMode.UserExecute).ShouldBe(UnixFileMode.UserExecute, f);
        }
    }

    /// <summary>The same kind of answer, the same value when the built-in answered, no warnings.</summary>
    public static void Same<T>(PolicyAnswer<T> script, PolicyAnswer<T> builtIn, string what)
    {
        script.Kind.ShouldBe(builtIn.Kind, $"{what}: script {script}, built-in {builtIn}");
        if (builtIn.IsAnswered) script.Value.ShouldBe(builtIn.Value, what);
        script.Warnings.ShouldBeEmpty(what);
    }

    /// <summary>Every yes/no question about <paramref name="names"/> and <paramref name="headers"/> answered as <paramref name="builtIn"/> does.</summary>
    public void ShouldAnswerYesNoQuestionsAs(ILivePatchPolicy builtIn, IEnumerable<string> names, IEnumerable<string> headers, PolicyLocation loc, bool localStatics)
    {
        foreach (var n in names)
        {
            Same(Policy.IsPatched(n), builtIn.IsPatched(n), $"is-patched {n}");
            Same(Policy.CanExternalizeFunction(n, PolicyLinkage.Internal, loc), builtIn.CanExternalizeFunction(n, PolicyLinkage.Internal, loc), $"can-externalize {n}");
            Same(Policy.CanExternalizeFunction(n, PolicyLinkage.External, null), builtIn.CanExternalizeFunction(n, PolicyLinkage.External, null), $"can-externalize {n} (declared)");
            foreach (var fromHeader in new[] { false, true })
                Same(Policy.ShallExternalizeFunction(n, PolicyLinkage.External, fromHeader, loc), builtIn.ShallExternalizeFunction(n, PolicyLinkage.External, fromHeader, loc), $"shall-externalize-fun {n} {fromHeader}");
            Same(Policy.ShallExternalizeObject(n, PolicyLinkage.External, loc), builtIn.ShallExternalizeObject(n, PolicyLinkage.External, loc), $"shall-externalize-obj {n}");
            if (localStatics)
                Same(Policy.ShallExternalizeObject(n, PolicyLinkage.None, loc), builtIn.ShallExternalizeObject(n, PolicyLinkage.None, loc), $"shall-externalize-obj {n} (local static)");
        }
        foreach (var h in headers)
            foreach (var pre in new[] { false, true })
                Same(Policy.MayIncludeHeader(h, pre), builtIn.MayIncludeHeader(h, pre), $"may-include-header {h} {pre}");
    }
}
