using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Changes;

/// <summary>
/// Which lines of a source file a preprocessed unit compiled: a line in a branch of an
/// #if/#ifdef group that was not taken is compiled out; so is every line of a file the unit
/// never included. A file included several times counts a line as compiled when any inclusion
/// compiled it.
/// </summary>
public sealed class CompiledLines
{
    private readonly bool[]? _compiled; // index = 1-based line; null: the file is not part of the unit

    private CompiledLines(bool[]? compiled) => _compiled = compiled;

    /// <summary>Whether the unit included the file at all.</summary>
    public bool FileIsInUnit => _compiled is not null;

    public bool IsCompiled(int line) => _compiled is not null && (line >= _compiled.Length || line < 1 || _compiled[line]);

    /// <param name="isFile">Whether a file name as the preprocessor spelled it is the file asked about.</param>
    public static CompiledLines Of(PreprocessedUnit unit, Func<string, bool> isFile)
    {
        bool[]? compiled = null;
        var groupsByRegion = unit.Record.Conditionals.GroupBy(g => g.Region).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var region in unit.Sources.Regions)
        {
            if (region.Kind != Source.SourceRegionKind.File || !isFile(region.File.Path)) continue;
            int lines = region.File.LineCount;
            compiled ??= new bool[lines + 2];
            var here = new bool[lines + 2];
            Array.Fill(here, true);
            if (groupsByRegion.TryGetValue(region.Id, out var groups))
                foreach (var g in groups)
                {
                    if (g.InSkippedCode) continue; // inside a skipped branch of an enclosing group, which covers it
                    for (int b = 0; b < g.Branches.Count; b++)
                    {
                        if (b == g.TakenBranch) continue;
                        int from = Line(unit, region, g.Branches[b].DirectiveLoc) + 1;
                        int to = (b + 1 < g.Branches.Count ? Line(unit, region, g.Branches[b + 1].DirectiveLoc) : Line(unit, region, g.EndifLoc)) - 1;
                        for (int l = Math.Max(1, from); l <= Math.Min(lines, to); l++) here[l] = false;
                    }
                }
            for (int l = 0; l < here.Length && l < compiled.Length; l++) compiled[l] |= here[l];
        }
        return new CompiledLines(compiled);
    }

    private static int Line(PreprocessedUnit unit, Source.SourceRegion region, int loc) =>
        loc <= 0 ? region.File.LineCount + 1 : region.File.GetLineColumn(loc - region.Base).Line;
}
