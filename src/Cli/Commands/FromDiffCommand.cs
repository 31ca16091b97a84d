using System.CommandLine;
using System.Text;
using KlpCcp.Cli.FromDiff;
using KlpCcp.Diff;
using KlpCcp.Engine;
using KlpCcp.Engine.Changes;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.LivePatch;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Toolchain;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Cli.Commands;

/// <summary>
/// <c>klp-ccp from-diff [OPTIONS] PATCH</c>: from a kernel fix to live patch sources. The patch
/// is applied in memory to the tree (the working directory, or <c>--directory</c>); each changed
/// unit is analysed unpatched and patched, every change is classified, the functions to replace
/// are planned (changed ones plus callers that may carry an inlined copy), changes a live patch
/// cannot carry are refused (unless <c>--force</c>), and one live patch per unit is made from
/// the patched unit and written under <c>--output-dir</c> — all of them or none.
/// Exit status: 0 (also when the fix changes nothing in this configuration), 1 command line or
/// no compile command, 2 a malformed or non-applying patch or a unit with errors, 3 a change
/// that cannot be live patched or a failed creation, 4 a policy command failure, 5 system error.
/// </summary>
public static class FromDiffCommand
{
    private static readonly (string Name, PolicyQuestion Question)[] PolicyCommandOptions =
    [
        ("--pol-cmd-may-include-header", PolicyQuestion.MayIncludeHeader),
        ("--pol-cmd-can-externalize-fun", PolicyQuestion.CanExternalizeFunction),
        ("--pol-cmd-shall-externalize-fun", PolicyQuestion.ShallExternalizeFunction),
        ("--pol-cmd-shall-externalize-obj", PolicyQuestion.ShallExternalizeObject),
        ("--pol-cmd-modify-patched-fun-sym", PolicyQuestion.ModifyPatchedFunctionSymbol),
        ("--pol-cmd-modify-externalized-sym", PolicyQuestion.ModifyExternalizedSymbol),
        ("--pol-cmd-rename-rewritten-fun", PolicyQuestion.RenameRewrittenFunction),
    ];

    /// <summary>The subcommand's definition for <see cref="KlpCcpCli"/>.</summary>
    public static Command Create(CliContext ctx)
    {
        var patch = new Argument<string>("patch") { Description = "the fix: a unified diff (git-style or diff -u), paths relative to the tree" };
        var compiler = new Option<string?>("--compiler", "-c") { Description = "the compiler of the kernel build: ARCH-gcc-VERSION (default " + FrontEndRequest.DefaultCompiler + ")" };
        var cmd = new Option<string[]>("--cmd") { Description = "a file holding a unit's compiler command as kbuild writes it (program name first); repeat for several units. Without it the command is looked up in compile_commands.json or kbuild's .NAME.o.cmd", AllowMultipleArgumentsPerToken = false };
        var outputDir = new Option<string>("--output-dir", "-o") { Description = "where the live patch sources go: DIR/PATH-OF-THE-UNIT", Required = true };
        var policy = new Option<string>("--policy") { Description = "the built-in policy: kernel (default) or toy", DefaultValueFactory = _ => "kernel" };
        var force = new Option<bool>("--force") { Description = "carry on, with a warning, past changes a live patch cannot carry (struct layouts, initializers, __init code)" };
        var ipa = new Option<string?>("--ipa-clones") { Description = "gcc's -fdump-ipa-clones output of the running kernel's build of the unit: patch exactly the callers gcc inlined changed functions into" };
        var facts = new Option<string?>("--facts") { Description = "keep the fact store in FILE (for why and query)" };
        var strip = new Option<int?>("--strip", "-p") { Description = "leading path components to strip from the patch's names, as patch -pN (default: 1 for a/ b/ names, else 0)" };
        var directory = new Option<string?>("--directory", "-d") { Description = "the source tree the patch applies to (default: the working directory)" };
        var progress = new Option<bool?>("--progress") { Description = "a progress line per unit on standard error (default: when it is a terminal)" };
        var polCmds = PolicyCommandOptions.Select(p => (Option: new Option<string?>(p.Name) { Description = $"policy command for {p.Name[10..]} (the classic protocol); overrides the built-in policy for that question" }, p.Question)).ToArray();

        var command = new Command("from-diff", "create the live patch for the functions a fix changes: klp-ccp from-diff --output-dir DIR [--cmd FILE] PATCH")
        { patch, compiler, cmd, outputDir, policy, force, ipa, facts, strip, directory, progress };
        foreach (var (o, _) in polCmds) command.Add(o);
        command.SetAction(r => Run(new FromDiffOptions
        {
            PatchFile = r.GetValue(patch)!,
            Compiler = r.GetValue(compiler),
            CommandFiles = r.GetValue(cmd) ?? [],
            OutputDirectory = r.GetValue(outputDir),
            Policy = r.GetValue(policy) ?? "kernel",
            Force = r.GetValue(force),
            IpaClonesFile = r.GetValue(ipa),
            FactsFile = r.GetValue(facts),
            StripLevel = r.GetValue(strip),
            Directory = r.GetValue(directory),
            Progress = r.GetValue(progress) ?? !Console.IsErrorRedirected,
            PolicyCommands = polCmds.Select(p => (p.Question, r.GetValue(p.Option))).Where(p => p.Item2 is not null).Select(p => (p.Question, p.Item2!)).ToArray(),
        }, ctx));
        return command;
    }

    public static int Run(FromDiffOptions o, CliContext ctx)
    {
        var err = ctx.Error;
        var root = o.Directory is null ? ctx.WorkingDirectory : ctx.ResolvePath(o.Directory);
        var specDiags = new DiagnosticBag();
        var spec = CompilerSpec.Parse(o.Compiler ?? FrontEndRequest.DefaultCompiler, specDiags);
        if (spec is null) return CommandLineError(err, specDiags.Items.First().Message);
        foreach (var d in specDiags.Items) err.WriteLine($"warning: {d.Message}");

        var builtIn = BuiltInPolicies.TryCreate(o.Policy, out var policyError);
        if (builtIn is null) return CommandLineError(err, policyError!);
        var commands = new PolicyCommands();
        foreach (var (question, text) in o.PolicyCommands)
        {
            var shellCommand = ShellCommand.TryParse(text, ctx.WorkingDirectory, out var error);
            if (shellCommand is null) return CommandLineError(err, error!);
            commands = commands.With(question, shellCommand);
        }
        var shell = o.PolicyCommands.Count > 0 ? new ShellCommandPolicy(commands, ctx.WorkingDirectory) : null;
        var userPolicy = new CompositePolicy(builtIn, shell);

        IpaClones? ipaClones = null;
        if (o.IpaClonesFile is { } ipaFile)
        {
            if (ReadText(ctx.ResolvePath(ipaFile), err, ipaFile) is not { } ipaText) return ExitCode.CommandLine;
            ipaClones = IpaClones.Parse(ipaText);
            if (ipaClones.Error is { } e)
            {
                err.WriteLine($"{ipaFile}:{e.Line}: error: {e.Message}");
                return ExitCode.InputError;
            }
        }

        // the patch, applied in memory
        if (ReadText(ctx.ResolvePath(o.PatchFile), err, o.PatchFile) is not { } patchText) return ExitCode.InputError;
        var read = PatchReader.Read(patchText, o.PatchFile, new PatchReadOptions { StripLevel = o.StripLevel });
        foreach (var d in read.Diagnostics) err.WriteLine(d.ToString());
        if (!read.Succeeded) return ExitCode.InputError;
        var patch = read.Patch!;
        if (patch.Files.Count == 0)
        {
            err.WriteLine($"{o.PatchFile}: error: the patch changes no file");
            return ExitCode.InputError;
        }
        var applyDiags = new List<PatchDiagnostic>();
        var tree = PatchedTree.Load(patch, root, applyDiags);
        foreach (var d in applyDiags) err.WriteLine(d.ToString());
        if (tree is null) return ExitCode.InputError;

        // the units and their compile commands
        var units = FindUnits(tree, o, ctx, spec, out int unitsExit);
        if (units is null) return unitsExit;

        FactStore facts;
        var factsPath = o.FactsFile is null ? null : ctx.ResolvePath(o.FactsFile);
        try
        {
            facts = factsPath is not null ? FactStore.OpenFile(factsPath, create: true) : FactStore.InMemory();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            DiagnosticWriter.Error(err, $"cannot create the fact database '{o.FactsFile}': {e.Message}");
            return ExitCode.SystemError;
        }
        using (facts)
        {
            var outputDir = ctx.ResolvePath(o.OutputDirectory ?? ".");
            var outputs = new List<(string Path, string Text)>();
            bool timings = Environment.GetEnvironmentVariable("KLPCCP_TIMINGS") == "1";
            CollectionAvoidance.Start();
            for (int i = 0; i < units.Count; i++)
            {
                var (relative, command) = units[i];
                if (o.Progress) err.WriteLine($"klp-ccp: [{i + 1}/{units.Count}] {relative}");
                var diags = new DiagnosticBag();
                var fix = FixAnalysis.Analyse(tree, relative, command, spec, ipaClones, diags,
                    timings ? (stage, t) => err.WriteLine($"klp-ccp: timings: {relative}: {stage} {t.TotalMilliseconds:F0} ms") : null);
                DiagnosticWriter.Write(err, diags.Items);
                if (fix is null) return diags.HasErrors ? ExitCode.InputError : ExitCode.LivePatchCreation;

                FixReport.WriteChanges(ctx.Out, fix);
                if (!CheckLivePatchable(fix, o.Force, err)) return ExitCode.LivePatchCreation;
                if (!fix.HasFunctionsToPatch)
                {
                    ctx.Out.WriteLine(fix.Changes.Count == 0
                        ? "  nothing to patch: the fix changes nothing in this configuration"
                        : "  nothing to patch: the fix changes no function's code in this configuration");
                    continue;
                }

                var outputPath = Path.Combine(outputDir, fix.RelativePath);
                if (Path.GetFullPath(outputPath) == Path.GetFullPath(fix.RelativePath, root))
                {
                    DiagnosticWriter.Error(err, $"the output '{outputPath}' would overwrite the unit's source: choose another --output-dir");
                    return ExitCode.CommandLine;
                }
                var added = fix.Changes.Where(c => c.Change.Change == ChangeKind.Added).ToList();
                var policy = new CachingPolicy(new FixPolicy(userPolicy, fix.Plan.Functions.Select(p => p.Name),
                    added.Where(c => c.Kind == DefinitionKind.Function).Select(c => c.Name),
                    added.Where(c => c.Kind == DefinitionKind.Variable).Select(c => c.Name)));
                var unitRecord = new UnitRecord(i, fix.RelativePath, spec.ToString(), command.Directory, command.Arguments);
                var request = new LivePatchRequest(fix.Patched.Model!, policy, fix.Plan.Functions.Select(p => p.Name).ToArray(), facts, unitRecord)
                {
                    LineDirectivesOutputName = outputPath,
                    HeaderMacroChanges = fix.HeaderMacroChanges,
                    Timing = timings ? (stage, t) => err.WriteLine($"klp-ccp: timings: {relative}: {stage} {t.TotalMilliseconds:F0} ms") : null,
                };
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var result = FrontEnd.RunOnLargeStack(() => LivePatchCreation.Create(request));
                if (timings) err.WriteLine($"klp-ccp: timings: {relative}: live patch {sw.Elapsed.TotalMilliseconds:F0} ms");
                DiagnosticWriter.Write(err, result.Diagnostics.Items);
                if (result.Failure is { } failure)
                    return failure switch
                    {
                        LivePatchFailureKind.PolicyCommand => ExitCode.PolicyCommand,
                        LivePatchFailureKind.System => ExitCode.SystemError,
                        _ => ExitCode.LivePatchCreation,
                    };
                RecordPatchReasons(facts, i, fix);
                FixReport.WriteDecisions(ctx.Out, facts, i, o.FactsFile);
                ctx.Out.WriteLine($"  live patch: {Shown(outputPath, ctx.WorkingDirectory)}");
                outputs.Add((outputPath, result.Text!));
            }
            if (outputs.Count == 0) return ExitCode.Success;
            return StagedOutputs.TryWrite(outputs, err) ? ExitCode.Success : ExitCode.SystemError;
        }
    }

    /// <summary>
    /// The units to patch: the C files the patch changes, and the units of the <c>--cmd</c> files
    /// (a patch of headers alone needs them), each with its compile command.
    /// </summary>
    private static List<(string Relative, CompileCommand Command)>? FindUnits(PatchedTree tree, FromDiffOptions o, CliContext ctx, CompilerSpec spec, out int exit)
    {
        exit = ExitCode.Success;
        var err = ctx.Error;
        var given = new List<(string Full, CompileCommand Command)>();
        foreach (var file in o.CommandFiles)
        {
            var diags = new DiagnosticBag();
            var command = CompileCommandLocator.FromCommandFile(ctx.ResolvePath(file), tree.Root, diags);
            var input = command is null ? null : CompilerInvocation.Parse(command.Arguments, new DiagnosticBag(), spec.Arch).InputFile;
            if (command is null || input is null)
            {
                foreach (var d in diags.Items) err.WriteLine($"{file}: error: {d.Message}");
                if (command is not null) err.WriteLine($"{file}: error: the command names no input file");
                exit = ExitCode.CommandLine;
                return null;
            }
            given.Add((Path.GetFullPath(input, command.Directory), command));
        }

        var units = new List<(string, CompileCommand)>();
        bool missing = false;
        foreach (var f in tree.Files)
        {
            if (f.IsHeader) continue;
            if (!f.IsCSource)
            {
                err.WriteLine($"{f.Patch.PatchName}:{f.Patch.HeaderLine}: warning: '{f.RelativePath}' is not C source: ignored");
                continue;
            }
            if (f.Patch.Kind is FileChangeKind.Added or FileChangeKind.Copied or FileChangeKind.Deleted)
            {
                err.WriteLine($"{f.Patch.PatchName}:{f.Patch.HeaderLine}: warning: '{f.RelativePath}' is {(f.Patch.Kind == FileChangeKind.Deleted ? "deleted" : "a new file")}: not a unit of the running kernel to patch");
                continue;
            }
            var command = given.FirstOrDefault(g => g.Full == f.FullPath).Command;
            if (command is null)
            {
                var diags = new DiagnosticBag();
                command = CompileCommandLocator.Find(tree.Root, f.RelativePath, diags);
                foreach (var d in diags.Items) err.WriteLine($"warning: {d.Message}");
            }
            if (command is null)
            {
                err.WriteLine($"{f.Patch.PatchName}:{f.Patch.HeaderLine}: error: no compile command for '{f.RelativePath}': give --cmd FILE, or build the tree so that compile_commands.json or kbuild's .{Path.GetFileNameWithoutExtension(f.RelativePath)}.o.cmd exists");
                missing = true;
                continue;
            }
            units.Add((f.RelativePath, command));
        }
        foreach (var (full, command) in given)
            if (!units.Any(u => Path.GetFullPath(u.Item1, tree.Root) == full))
                units.Add((Path.GetRelativePath(tree.Root, full), command));
        if (missing)
        {
            exit = ExitCode.CommandLine;
            return null;
        }
        if (units.Count == 0)
        {
            err.WriteLine(tree.Files.Any(f => f.IsHeader)
                ? $"{o.PatchFile}: error: the patch changes only headers: name the units that include them with --cmd FILE"
                : $"{o.PatchFile}: error: the patch changes no C source file");
            exit = ExitCode.CommandLine;
            return null;
        }
        return units;
    }

    /// <summary>Reports each change a live patch cannot carry as an error (a warning with --force) at the entity; false when there was an error.</summary>
    private static bool CheckLivePatchable(UnitFix fix, bool force, TextWriter err)
    {
        bool ok = true;
        foreach (var c in fix.Changes.Where(c => c.Verdict != ChangeVerdict.Carried))
        {
            bool refused = c.Verdict == ChangeVerdict.Refused;
            var severity = refused && !force ? "error" : "warning";
            var where = c.Place is { } p ? $"{p}: " : "";
            var hint = refused ? (force ? " (--force: going on)" : "; --force to go on") : "";
            err.WriteLine($"{where}{severity}: {c.Entity}: {c.Description}{FixAnalysis.HunkList(fix.HunksOf[c])}: {c.Reason}{hint}");
            if (refused && !force) ok = false;
        }
        return ok;
    }

    /// <summary>The patched functions' decisions say why the fix patches each one (for why).</summary>
    private static void RecordPatchReasons(FactStore facts, int unit, UnitFix fix)
    {
        var reasons = fix.Plan.Functions.ToDictionary(p => p.Name, p => p.Reason, StringComparer.Ordinal);
        var updated = new List<DecisionRecord>();
        foreach (var d in facts.Decisions(unit))
        {
            if (d.Decision != DecisionKind.Patched || facts.Entity(unit, d.Entity) is not { } e || !reasons.TryGetValue(e.Name, out var why)) continue;
            updated.Add(d with { Reason = $"{d.Reason}: {why}" });
        }
        facts.Upsert(updated);
    }

    private static string? ReadText(string path, TextWriter err, string shown)
    {
        try
        {
            return File.ReadAllText(path, Encoding.Latin1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            err.WriteLine($"{shown}: error: cannot read: {e.Message}");
            return null;
        }
    }

    /// <summary>A path relative to the working directory when it lies below it, else as it is.</summary>
    private static string Shown(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static int CommandLineError(TextWriter err, string message)
    {
        err.WriteLine($"command line error: {message}");
        err.WriteLine("See 'klp-ccp from-diff --help' for usage.");
        return ExitCode.CommandLine;
    }
}
