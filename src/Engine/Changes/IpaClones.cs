namespace KlpCcp.Engine.Changes;

/// <summary>
/// gcc's <c>-fdump-ipa-clones</c> dump of one unit: which functions were inlined into which,
/// which got clones of their own (<c>.isra</c>, <c>.constprop</c>, <c>.part</c>, <c>.cold</c>),
/// and which out-of-line copies gcc removed. Lines look like
/// <c>Callgraph clone;ORIG;ORDER;FILE;LINE;COL;CLONE;ORDER;FILE;LINE;COL;REASON</c> (REASON
/// "inlining to" makes CLONE the function ORIG was inlined into) and
/// <c>Callgraph removal;NAME;ORDER;FILE;LINE;COL</c>. Names are assembler names; a clone's
/// suffix after the first dot is dropped to name the source function.
/// </summary>
public sealed class IpaClones
{
    private readonly Dictionary<string, SortedSet<string>> _inlinedInto = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cloned = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    /// <summary>The error of the first line that is not in the dump's format, with its 1-based line number.</summary>
    public (int Line, string Message)? Error { get; private set; }

    public static IpaClones Parse(string text)
    {
        var clones = new IpaClones();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var fields = line.Split(';');
            if (fields[0] == "Callgraph clone" && fields.Length >= 12)
            {
                string original = SourceName(fields[1]), clone = SourceName(fields[6]);
                if (fields[11] == "inlining to")
                {
                    if (!clones._inlinedInto.TryGetValue(original, out var set)) clones._inlinedInto[original] = set = new SortedSet<string>(StringComparer.Ordinal);
                    if (clone != original) set.Add(clone);
                }
                else if (clone == original) clones._cloned.Add(original);
                continue;
            }
            if (fields[0] == "Callgraph removal" && fields.Length >= 2)
            {
                // a removed clone says nothing about the function's own out-of-line copy
                if (!fields[1].Contains('.')) clones._removed.Add(fields[1]);
                continue;
            }
            clones.Error ??= (i + 1, $"not a line of gcc's -fdump-ipa-clones dump: \"{(line.Length > 60 ? line[..60] + "..." : line)}\"");
        }
        return clones;
    }

    /// <summary>The functions <paramref name="function"/> (or one of its clones) was inlined into.</summary>
    public IReadOnlyCollection<string> InlinedInto(string function) =>
        _inlinedInto.TryGetValue(function, out var set) ? set : (IReadOnlyCollection<string>)Array.Empty<string>();

    /// <summary>gcc made a specialised copy of <paramref name="function"/> that its callers call instead.</summary>
    public bool HasClones(string function) => _cloned.Contains(function);

    /// <summary>gcc dropped the out-of-line copy of <paramref name="function"/> (every call was inlined).</summary>
    public bool WasRemoved(string function) => _removed.Contains(function);

    private static string SourceName(string asmName)
    {
        int dot = asmName.IndexOf('.');
        return dot > 0 ? asmName[..dot] : asmName;
    }
}
