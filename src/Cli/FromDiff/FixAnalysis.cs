using KlpCcp.Engine;
using KlpCcp.Engine.Changes;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Syntax;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Cli.FromDiff;

/// <summary>
/// Finds what a fix changes in one unit: the unit is preprocessed and parsed as it is, and
/// preprocessed, parsed and analysed with the fix applied (in memory); the two are compared
/// item by item after preprocessing (so a change this configuration compiles out is none), each
/// change is classified and placed in the hunks that make it, and the functions the live patch
/// must replace are planned.
/// </summary>
public static class FixAnalysis
{
    /// <summary>The unit's analysis, or null with the errors in <paramref name="diags"/> (front-end errors of either version).</summary>
    public static UnitFix? Analyse(PatchedTree tree, string relativePath, CompileCommand command, CompilerSpec spec, IpaClones? ipaClones,
        DiagnosticBag diags, Action<string, TimeSpan>? timing = null)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var invocation = CompilerInvocation.Parse(command.Arguments, diags, spec.Arch);
        if (diags.HasErrors) return null;
        var configDiags = new DiagnosticBag();
        var oldOptions = PreprocessorConfiguration.Create(spec, invocation, command.Directory, configDiags);
        var newOptions = PreprocessorConfiguration.Create(spec, invocation, command.Directory, new DiagnosticBag(), tree.ReadPatched);
        foreach (var d in configDiags.Items) diags.Add(d with { Severity = Severity.Warning, Message = "compiler command line: " + d.Message });

        // The unpatched unit needs only its items (no semantics): it is read on a second thread
        // while the patched unit goes through the whole front end (two cores, two units).
        string FullPath(string file) => Path.GetFullPath(file, command.Directory);
        (PreprocessedUnit? Unit, UnitDefinitions? Items, Dictionary<string, CompiledLines>? Compiled) unpatched = default;
        Exception? unpatchedFailure = null;
        var unpatchedThread = new Thread(() =>
        {
            try
            {
                var unit = new Preprocessor(oldOptions).Run();
                var parse = unit.Diagnostics.HasErrors ? null : Parser.Parse(unit, unit.Diagnostics, ParserOptions.For(spec, invocation));
                if (parse is null || parse.HasErrors)
                {
                    unpatched = (unit, null, null);
                    return;
                }
                var compiled = tree.Files.ToDictionary(f => f.FullPath, f => CompiledLines.Of(unit, p => FullPath(p) == f.FullPath), StringComparer.Ordinal);
                unpatched = (unit, UnitDefinitions.Of(parse), compiled);
            }
            catch (Exception e)
            {
                unpatchedFailure = e;
            }
        }, FrontEnd.LargeStackSize);
        unpatchedThread.Start();
        var patched = FrontEnd.RunOnLargeStack(() => FrontEnd.Run(spec, invocation, newOptions));
        unpatchedThread.Join();
        if (unpatchedFailure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(unpatchedFailure).Throw();
        timing?.Invoke("unpatched and patched unit", sw.Elapsed);
        if (unpatched.Items is null)
        {
            diags.AddRange(FirstErrors(unpatched.Unit!.Diagnostics, "in the unpatched source"));
            return null;
        }
        if (patched.HasErrors || patched.Model is null)
        {
            diags.AddRange(FirstErrors(patched.Diagnostics, "in the patched source"));
            return null;
        }
        var oldItems = unpatched.Items;
        var oldCompiled = unpatched.Compiled!;
        var fullPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        string Full(string file)
        {
            if (!fullPaths.TryGetValue(file, out var full)) fullPaths[file] = full = FullPath(file);
            return full;
        }

        sw.Restart();
        var newItems = UnitDefinitions.Of(patched.Parse!);
        var changes = ChangeClassifier.Classify(UnitComparison.Compare(oldItems, newItems));
        timing?.Invoke("comparison of the items", sw.Elapsed);
        sw.Restart();

        // place each change in the hunks inside it
        var placed = tree.Files.SelectMany(f => f.PlacedHunks()).ToList();
        var hunksOf = new Dictionary<ClassifiedChange, IReadOnlyList<PlacedHunk>>();
        foreach (var c in changes)
        {
            var hunks = new List<PlacedHunk>();
            foreach (var h in placed)
            {
                bool inOld = c.Change.Old?.Places.Any(p => Full(p.File) == h.File.FullPath && h.TouchesOld(p.FirstLine, p.LastLine)) ?? false;
                bool inNew = c.Change.New?.Places.Any(p => Full(p.File) == h.File.FullPath && h.TouchesNew(p.FirstLine, p.LastLine)) ?? false;
                if (inOld || inNew) hunks.Add(h);
            }
            hunksOf[c] = hunks;
        }

        // what each hunk of a file of this unit does
        var outcomes = new List<HunkOutcome>();
        var newCompiledOf = tree.Files.ToDictionary(f => f.FullPath, f => CompiledLines.Of(patched.Unit, p => Full(p) == f.FullPath), StringComparer.Ordinal);
        foreach (var h in placed)
        {
            var newCompiled = newCompiledOf[h.File.FullPath];
            var oldLines = oldCompiled[h.File.FullPath];
            if (!oldLines.FileIsInUnit && !newCompiled.FileIsInUnit) continue; // a file this unit does not include
            var made = changes.Where(c => hunksOf[c].Contains(h)).ToList();
            if (made.Count > 0)
            {
                outcomes.Add(new HunkOutcome(h, made, null, "changes " + string.Join(", ", made.Select(c => c.Entity))));
                continue;
            }
            bool compiledOut = h.RemovedLines.All(l => !oldLines.IsCompiled(l)) && h.AddedLines.All(l => !newCompiled.IsCompiled(l));
            if (compiledOut)
                outcomes.Add(new HunkOutcome(h, [], ChangeCategory.CompiledOut, "compiled out by this configuration (in a conditional branch it does not take)"));
            else if (h.IsCommentOrWhitespaceOnly)
                outcomes.Add(new HunkOutcome(h, [], ChangeCategory.CommentOrWhitespaceOnly, "comment or white space only"));
            else
                outcomes.Add(new HunkOutcome(h, [], null, "no effect on the code of this configuration"));
        }

        var callers = FunctionCallers.Of(patched.Model);
        // never patched: refused changes, and __init code (gone after boot, so an inlined copy there does not matter)
        var init = changes.Where(c => c.Kind == DefinitionKind.Function && c.Verdict == ChangeVerdict.Refused).Select(c => c.Name)
            .Concat(newItems.Items.Where(d => d.Kind == DefinitionKind.Function && d.InInitSection).Select(d => d.Name))
            .ToHashSet(StringComparer.Ordinal);
        var changedFunctions = changes.Where(c => c.IsChangedFunction)
            .Select(c => (c.Name, $"{c.Description}{HunkList(hunksOf[c])}")).ToList();
        var plan = PatchedSetPlanner.Compute(changedFunctions, callers, ipaClones, init);
        timing?.Invoke("hunks, callers and plan", sw.Elapsed);

        return new UnitFix
        {
            RelativePath = Path.GetRelativePath(tree.Root, Full(invocation.InputFile!)),
            Command = command,
            Patched = patched,
            Changes = changes,
            HunksOf = hunksOf,
            Hunks = outcomes,
            Plan = plan,
            HeaderMacroChanges = HeaderMacroChanges.Compare(unpatched.Unit!, patched.Unit),
        };
    }

    /// <summary>" (hunk #1 of kernel/sys.c (fix.patch:12))", or a note that no hunk lies inside the entity.</summary>
    public static string HunkList(IReadOnlyList<PlacedHunk> hunks) =>
        hunks.Count == 0 ? " (through a changed macro, declaration or #include: no hunk lies inside it)" : " (" + string.Join(", ", hunks.Select(h => h.Label)) + ")";

    /// <summary>The distinct errors of a unit (the analysis may report one place more than once), at most ten, marked with which version of the source they are in.</summary>
    private static IEnumerable<Diagnostic> FirstErrors(DiagnosticBag bag, string version) =>
        bag.Items.Where(d => d.Severity == Severity.Error).Distinct().Take(10)
            .Select(d => d with { Context = d.Context is null ? version : d.Context + "; " + version });
}
