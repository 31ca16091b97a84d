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

        // the unpatched unit: only its items are needed, not its semantics
        var (oldUnit, oldParse) = FrontEnd.RunOnLargeStack(() =>
        {
            var unit = new Preprocessor(oldOptions).Run();
            var parse = unit.Diagnostics.HasErrors ? null : Parser.Parse(unit, unit.Diagnostics, ParserOptions.For(spec, invocation));
            return (unit, parse);
        });
        timing?.Invoke("unpatched unit", sw.Elapsed);
        if (oldUnit.Diagnostics.HasErrors || oldParse is null || oldParse.HasErrors)
        {
            diags.AddRange(FirstErrors(oldUnit.Diagnostics, "in the unpatched source"));
            return null;
        }
        var oldItems = UnitDefinitions.Of(oldParse);
        string Full(string file) => Path.GetFullPath(file, command.Directory);
        var oldCompiled = new Dictionary<string, CompiledLines>(StringComparer.Ordinal);
        foreach (var f in tree.Files) oldCompiled[f.FullPath] = CompiledLines.Of(oldUnit, p => Full(p) == f.FullPath);
        oldParse = null;

        sw.Restart();
        var patched = FrontEnd.RunOnLargeStack(() => FrontEnd.Run(spec, invocation, newOptions));
        timing?.Invoke("patched unit", sw.Elapsed);
        if (patched.HasErrors || patched.Model is null)
        {
            diags.AddRange(FirstErrors(patched.Diagnostics, "in the patched source"));
            return null;
        }

        sw.Restart();
        var newItems = UnitDefinitions.Of(patched.Parse!);
        var changes = ChangeClassifier.Classify(UnitComparison.Compare(oldItems, newItems));

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
        foreach (var h in placed)
        {
            var newCompiled = CompiledLines.Of(patched.Unit, p => Full(p) == h.File.FullPath);
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
        var init = changes.Where(c => c.Kind == DefinitionKind.Function && c.Verdict == ChangeVerdict.Refused).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var changedFunctions = changes.Where(c => c.IsChangedFunction)
            .Select(c => (c.Name, $"{c.Description}{HunkList(hunksOf[c])}")).ToList();
        var plan = PatchedSetPlanner.Compute(changedFunctions, callers, ipaClones, init);
        timing?.Invoke("comparison", sw.Elapsed);

        return new UnitFix
        {
            RelativePath = Path.GetRelativePath(tree.Root, Full(invocation.InputFile!)),
            Command = command,
            Patched = patched,
            Changes = changes,
            HunksOf = hunksOf,
            Hunks = outcomes,
            Plan = plan,
        };
    }

    /// <summary>" (hunk #1 of kernel/sys.c (fix.patch:12))", or a note that no hunk lies inside the entity.</summary>
    public static string HunkList(IReadOnlyList<PlacedHunk> hunks) =>
        hunks.Count == 0 ? " (through a changed macro or declaration: no hunk lies inside it)" : " (" + string.Join(", ", hunks.Select(h => h.Label)) + ")";

    /// <summary>The distinct errors of a unit (the analysis may report one place more than once), at most ten, marked with which version of the source they are in.</summary>
    private static IEnumerable<Diagnostic> FirstErrors(DiagnosticBag bag, string version) =>
        bag.Items.Where(d => d.Severity == Severity.Error).Distinct().Take(10)
            .Select(d => d with { Context = d.Context is null ? version : d.Context + "; " + version });
}
