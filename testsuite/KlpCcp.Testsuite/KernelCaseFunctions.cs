namespace KlpCcp.Testsuite;

/// <summary>
/// A kernel case's functions.txt, as far as the live-patch tests need it: the table of functions
/// whose source text the fix changes, and the functions that differ between the old and the
/// patched unit in this configuration ("Effective change in this config").
/// </summary>
public sealed record KernelCaseFunctions(IReadOnlyList<KernelCaseFunctions.TableRow> Table, IReadOnlyList<string> EffectivelyChanged)
{
    /// <summary>One row of the table: name, status (modified, added, removed, moved, signature-only), linkage.</summary>
    public sealed record TableRow(string Name, string Status, string Linkage);

    private const string TableHeader = "# name\tstatus\tlinkage\tdescription";
    private const string EffectivePrefix = "# Effective change in this config";

    public static KernelCaseFunctions Read(string caseName) =>
        Parse(File.ReadAllText(Path.Combine(KernelCommandLine.CaseDirectory(caseName), "functions.txt")));

    /// <summary>
    /// The table starts after its header line and ends at the first comment line; the effective
    /// change line lists "function NAME", "prototype NAME", "struct NAME"... separated by ";"
    /// (absent when the fix changes nothing in this configuration).
    /// </summary>
    public static KernelCaseFunctions Parse(string text)
    {
        var table = new List<TableRow>();
        var effective = new List<string>();
        bool inTable = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line == TableHeader) { inTable = true; continue; }
            if (inTable)
            {
                if (line.StartsWith('#') || line.Length == 0) inTable = false;
                else
                {
                    var cols = line.Split('\t');
                    if (cols.Length < 3) throw new FormatException($"functions.txt: malformed table row '{line}'");
                    table.Add(new TableRow(cols[0], cols[1], cols[2]));
                    continue;
                }
            }
            if (line.StartsWith(EffectivePrefix, StringComparison.Ordinal))
            {
                int colon = line.IndexOf("):", StringComparison.Ordinal);
                if (colon < 0) throw new FormatException($"functions.txt: malformed effective change line '{line}'");
                foreach (var entry in line[(colon + 2)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    if (entry.StartsWith("function ", StringComparison.Ordinal)) effective.Add(entry["function ".Length..].Trim());
            }
        }
        if (table.Count == 0) throw new FormatException("functions.txt: no table of changed functions");
        return new KernelCaseFunctions(table, effective);
    }

    /// <summary>
    /// The functions to patch in the unpatched unit: those of the table whose change this
    /// configuration compiles (they appear in the effective change) and that the unit defines
    /// (an added function, or one moved out of a disabled #ifdef, has no definition yet).
    /// </summary>
    public IReadOnlyList<string> ToPatch(IReadOnlySet<string> definedInUnit) =>
        Table.Select(r => r.Name)
            .Where(n => EffectivelyChanged.Contains(n, StringComparer.Ordinal) && definedInUnit.Contains(n))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
