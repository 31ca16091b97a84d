using KlpCcp.Engine;
using KlpCcp.Engine.Changes;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Cli.FromDiff;

/// <summary>What a fix does to one translation unit in this configuration, and what the live patch must replace.</summary>
public sealed class UnitFix
{
    public required string RelativePath { get; init; }
    public required CompileCommand Command { get; init; }
    /// <summary>The patched unit, analysed: the live patch is made from it.</summary>
    public required FrontEndResult Patched { get; init; }
    public required IReadOnlyList<ClassifiedChange> Changes { get; init; }
    /// <summary>The hunks that lie inside each change's source (none for a change made through a macro or header).</summary>
    public required IReadOnlyDictionary<ClassifiedChange, IReadOnlyList<PlacedHunk>> HunksOf { get; init; }
    public required IReadOnlyList<HunkOutcome> Hunks { get; init; }
    public required PatchedSetPlanner.Plan Plan { get; init; }
    /// <summary>Macro definitions the fix adds to or changes in headers (the live patch must define them itself).</summary>
    public required HeaderMacroChanges HeaderMacroChanges { get; init; }

    /// <summary>Changed functions of this configuration (body or declaration changed, added, removed), by name.</summary>
    public IEnumerable<string> ChangedFunctionNames =>
        Changes.Where(c => c.Kind == DefinitionKind.Function).Select(c => c.Name).Distinct().Order(StringComparer.Ordinal);

    public bool HasFunctionsToPatch => Plan.Functions.Count > 0;
}
