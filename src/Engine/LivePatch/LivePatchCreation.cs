using KlpCcp.Engine.Changes;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.LivePatch.Closure;
using KlpCcp.Engine.LivePatch.Headers;
using KlpCcp.Engine.LivePatch.Model;
using KlpCcp.Engine.LivePatch.Output;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch;

/// <summary>What a live-patch creation needs besides the analysed unit.</summary>
public sealed record LivePatchRequest(
    SemanticModel Semantics,
    ILivePatchPolicy Policy,
    IReadOnlyCollection<string> RequestedPatchedFunctions,
    FactStore Facts,
    UnitRecord Unit)
{
    public FactsExtraction.Scope FactsScope { get; init; } = FactsExtraction.Scope.Reachable;

    /// <summary>
    /// When set, each patched function is preceded by a <c>#line</c> directive giving its line and
    /// file in the unit's source, so that its <c>__LINE__</c> and <c>__FILE__</c> are those of that
    /// source; after it a second directive names this output file again (see <see cref="PatchedLineDirectives"/>).
    /// </summary>
    public string? LineDirectivesOutputName { get; init; }

    /// <summary>Macro definitions of the unit's headers that the running kernel's headers lack (from-diff: added or changed by the fix).</summary>
    public HeaderMacroChanges HeaderMacroChanges { get; init; } = HeaderMacroChanges.None;

    /// <summary>Told the time of each stage (KLPCCP_TIMINGS).</summary>
    public Action<string, TimeSpan>? Timing { get; init; }
}

/// <summary>The live patch's text, or why there is none, with the creation's diagnostics.</summary>
public sealed record LivePatchResult(string? Text, DiagnosticBag Diagnostics, LivePatchFailureKind? Failure)
{
    public bool Succeeded => Failure is null && Text is not null;
}

/// <summary>
/// The live-patch stages of SPEC §2 after the front end: dependencies collected into the fact
/// store, header eligibility, the patched set, the closure and externalization, symbol
/// modification, decisions written back with their reasons, then the output.
/// </summary>
public static class LivePatchCreation
{
    public static LivePatchResult Create(LivePatchRequest request)
    {
        var diags = new DiagnosticBag();
        var gateway = new PolicyGateway(request.Policy, diags);
        int unit = request.Unit.Id;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Stage(string name)
        {
            request.Timing?.Invoke(name, clock.Elapsed);
            clock.Restart();
        }
        try
        {
            var model = DependencyCollector.Collect(request.Semantics);
            var extraction = new FactsExtraction(model, unit);

            // the patched set first: only what it reaches goes into the store
            var declaredNames = request.Semantics.Symbols.OfType<FunctionSymbol>().Where(f => !f.IsBuiltin).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            var patched = PatchedSet.Select(extraction.FunctionDefinitions(), declaredNames, gateway, request.RequestedPatchedFunctions, diags);
            var roots = patched.Select(id => request.Semantics.Symbols[id]).ToList();

            request.Facts.Insert(new[] { request.Unit });
            Stage("dependencies and patched set");
            extraction.Write(request.Facts, roots, request.FactsScope);
            Stage("facts");

            var eligibility = HeaderEligibility.Compute(request.Facts, unit, gateway);
            var closure = new ClosureComputation(request.Facts, unit, gateway, diags,
                id => DefinedInEligibleHeader(request.Semantics, model, eligibility, id)).Run(patched);
            var mods = new SymbolModifications(request.Facts, unit, gateway, diags).Run(closure);
            DecisionWriter.Write(request.Facts, unit, closure, mods);
            Stage("eligibility, closure and symbol modifications");

            if (patched.Count == 0 && closure.Patched.Count == 0)
            {
                // nothing patched: the output is the retained #includes (SPEC §2.5)
            }
            var plan = new SymbolPlan(request.Semantics, closure, mods);
            HeaderConflicts.Apply(model, plan, eligibility);
            Stage("header conflicts");
            eligibility.WriteBack(request.Facts, unit);
            Stage("eligibility written back");
            var chunks = new OutputAssembly(model, plan, eligibility).Build();
            Stage("output assembly");
            var writer = new LivePatchWriter(model.Unit, request.HeaderMacroChanges);
            var text = writer.Write(chunks, diags);
            if (request.LineDirectivesOutputName is { } outputName)
                text = PatchedLineDirectives.Insert(text, writer.ChunkStarts, model, plan.Patched, outputName);
            Stage("depreprocessing and writing");
            // an error the writer could only report (a special macro it cannot define): no text
            // that would not compile is handed out as a result
            if (diags.HasErrors) return new LivePatchResult(null, diags, LivePatchFailureKind.Creation);
            return new LivePatchResult(text, diags, null);
        }
        catch (LivePatchAbort abort)
        {
            return new LivePatchResult(null, diags, abort.Kind);
        }
    }

    /// <summary>"from-header": the definition lies entirely in eligible headers.</summary>
    private static bool DefinedInEligibleHeader(SemanticModel sema, LivePatchModel model, HeaderEligibility eligibility, int entity)
    {
        if (sema.Symbols[entity] is not FunctionSymbol f || !model.DefinitionOf.TryGetValue(f, out var item)) return false;
        var unit = model.Unit;
        int FirstRegion(int token)
        {
            ref readonly var t = ref unit.Tokens[token];
            int loc = t.Expansion != 0 ? unit.Record.Invocation(unit.Record.Invocation(t.Expansion).TopLevel).NameLoc : t.Loc;
            return unit.Sources.GetRegion(loc)?.Id ?? -1;
        }
        int a = FirstRegion(item.FirstToken), b = FirstRegion(item.LastToken);
        return a >= 0 && a != unit.MainRegion && b == a && eligibility.IsEligible(a);
    }
}
