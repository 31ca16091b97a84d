using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Source;

/// <summary>
/// The location space of one translation unit (in the spirit of clang's source manager): every
/// file inclusion and every scratch buffer gets a range of 32-bit locations, so a token's
/// spelling place is one int. Regions are allocated in increasing order, so lookup is a binary
/// search over their bases.
/// </summary>
public sealed class SourceManager
{
    private readonly List<SourceRegion> _regions = new();
    private readonly List<int> _bases = new();
    private int _next = 1; // 0 is "no location"
    private SourceRegion? _last;

    public IReadOnlyList<SourceRegion> Regions => _regions;

    public SourceRegion AddRegion(SourceRegionKind kind, SourceFile file, int includedFrom, int? reserve = null)
    {
        int size = reserve ?? file.Text.Length + 1;
        var r = new SourceRegion(_regions.Count, kind, file, _next, size, includedFrom);
        _regions.Add(r);
        _bases.Add(_next);
        _next += size;
        return r;
    }

    public SourceRegion? GetRegion(int loc)
    {
        if (loc <= 0) return null;
        var last = _last;
        if (last is not null && last.Contains(loc)) return last;
        int idx = _bases.BinarySearch(loc);
        if (idx < 0) idx = ~idx - 1;
        if (idx < 0) return null;
        var r = _regions[idx];
        if (!r.Contains(loc)) return null;
        _last = r;
        return r;
    }

    /// <summary>
    /// The source text from <paramref name="loc"/> up to <paramref name="endLoc"/> (exclusive) in
    /// the region of <paramref name="loc"/>, cut at its file's end; empty outside any region.
    /// </summary>
    public ReadOnlySpan<char> Text(int loc, int endLoc)
    {
        var region = GetRegion(loc);
        if (region is null) return default;
        int s = loc - region.Base, e = Math.Min(endLoc - region.Base, region.File.Text.Length);
        return region.File.Text.AsSpan(s, Math.Max(0, e - s));
    }

    /// <summary>File, 1-based line, 0-based column of a location.</summary>
    public (SourceRegion Region, int Line, int Column)? Resolve(int loc)
    {
        var r = GetRegion(loc);
        if (r is null) return null;
        var (line, col) = r.File.GetLineColumn(loc - r.Base);
        return (r, line, col);
    }

    /// <summary>
    /// A diagnostic location as gcc 12 reports it: 1-based display column, tabs advancing to
    /// the next multiple of 8, UTF-8 continuation bytes not counted.
    /// </summary>
    public DiagnosticLocation? ToDiagnosticLocation(int loc)
    {
        var res = Resolve(loc);
        if (res is null) return null;
        var (r, line, col) = res.Value;
        var text = r.File.Text;
        int start = loc - r.Base - col;
        int display = 0;
        for (int i = start; i < start + col; i++)
        {
            char c = text[i];
            if (c == '\t') display = (display / 8 + 1) * 8;
            else if ((c & 0xC0) != 0x80) display++;
        }
        return new DiagnosticLocation(r.File.Path, line, display + 1, col);
    }

    /// <summary>"In file included from a.h:3, from b.c:1" chain for a location, or null at top level.</summary>
    public string? IncludeChain(int loc)
    {
        var r = GetRegion(loc);
        if (r is null || r.IncludedFrom <= 0) return null;
        var parts = new List<string>();
        int from = r.IncludedFrom;
        while (from > 0)
        {
            var pr = GetRegion(from);
            if (pr is null) break;
            var (line, _) = pr.File.GetLineColumn(from - pr.Base);
            parts.Add($"{pr.File.Path}:{line}");
            from = pr.IncludedFrom;
        }
        return parts.Count == 0 ? null : "included from " + string.Join(", from ", parts);
    }
}
