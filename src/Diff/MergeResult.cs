using System.Text;

namespace KlpCcp.Diff;

/// <summary>
/// The merged region: every line with its provenance, and the conflicts. Where there is a
/// conflict the transformed lines stand in <see cref="Lines"/> (flagged), so
/// <see cref="Succeeded"/> must be checked: a conflict is never resolved silently.
/// </summary>
public sealed class MergeResult
{
    private readonly string _ending;
    private readonly bool _endsWithNewline;

    public MergeResult(IReadOnlyList<MergedLine> lines, IReadOnlyList<MergeConflict> conflicts, string ending, bool endsWithNewline)
    {
        Lines = lines;
        Conflicts = conflicts;
        _ending = ending;
        _endsWithNewline = endsWithNewline;
    }

    public IReadOnlyList<MergedLine> Lines { get; }
    public IReadOnlyList<MergeConflict> Conflicts { get; }
    public bool Succeeded => Conflicts.Count == 0;

    /// <summary>The merged text, with the transformed text's line ending and final-newline state.</summary>
    public string Text => Join(Lines.Select(l => l.Text));

    /// <summary>The merged text with diff3-style markers around each conflict, for showing to a person.</summary>
    public string TextWithConflictMarkers()
    {
        var output = new List<string>(Lines.Count + Conflicts.Count * 4);
        int next = 0;
        foreach (var c in Conflicts)
        {
            for (; next < c.OutputStart - 1; next++) output.Add(Lines[next].Text);
            output.Add("<<<<<<< transformed");
            output.AddRange(c.TransformedLines);
            output.Add("||||||| original");
            output.AddRange(c.OriginalLines);
            output.Add("=======");
            output.AddRange(c.PatchedLines);
            output.Add(">>>>>>> patched");
            next += c.OutputCount;
        }
        for (; next < Lines.Count; next++) output.Add(Lines[next].Text);
        return Join(output);
    }

    private string Join(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        bool first = true;
        foreach (var line in lines)
        {
            if (!first) sb.Append(_ending);
            sb.Append(line);
            first = false;
        }
        if (!first && _endsWithNewline) sb.Append(_ending);
        return sb.ToString();
    }
}
