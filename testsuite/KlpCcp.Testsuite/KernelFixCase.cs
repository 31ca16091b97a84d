using System.Collections.Concurrent;

namespace KlpCcp.Testsuite;

/// <summary>
/// A kernel case as from-diff sees it: which patch to give (fix.patch when it compiles alone,
/// else full.patch with its header part), what the hand analysis says it changes in this
/// configuration, and the from-diff run on it (made once per case and shared by the tests).
/// </summary>
public sealed class KernelFixCase
{
    /// <summary>
    /// Functions the hand analysis lists as changed although their preprocessed text is the same
    /// in the old and the patched unit: the analysis compared positions, and full.patch of case
    /// 37 includes &lt;linux/proc_fs.h&gt; before &lt;linux/seq_file.h&gt;, which moves the
    /// ctype.h and string_helpers.h inline functions earlier in the unit (checked with gcc -E:
    /// each definition is identical).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> MovedNotChanged = new Dictionary<string, string[]>
    {
        ["37-sec-keys-request_key_auth"] =
        [
            "__tolower", "__toupper", "_tolower", "isodigit", "str_enable_disable", "str_enabled_disabled", "str_on_off", "str_read_write",
            "str_yes_no", "string_escape_mem_any_np", "string_escape_str", "string_escape_str_any_np", "string_lower", "string_unescape_any",
            "string_unescape_any_inplace", "string_unescape_inplace", "string_upper",
        ],
    };

    private static readonly ConcurrentDictionary<string, Lazy<CliRunner.Result>> Runs = new();

    public KernelFixCase(string name)
    {
        Name = name;
        Directory = KernelCommandLine.CaseDirectory(name);
        var row = File.ReadAllLines(Path.Combine(SharedData.KernelRoot, "cases.tsv")).Skip(1).Select(l => l.Split('\t'))
            .First(c => name.StartsWith(c[0] + "-", StringComparison.Ordinal));
        UnitPath = row[1];
        bool fixCompilesAlone = row[10].StartsWith("ok", StringComparison.Ordinal);
        PatchFile = Path.Combine(Directory, fixCompilesAlone || !File.Exists(Path.Combine(Directory, "full.patch")) ? "fix.patch" : "full.patch");
        CountInTable = int.Parse(row[11], System.Globalization.CultureInfo.InvariantCulture);

        var functions = File.ReadAllLines(Path.Combine(Directory, "functions.txt"));
        var effective = functions.FirstOrDefault(l => l.StartsWith("# Effective change in this config", StringComparison.Ordinal)) ?? "";
        var entries = effective.Contains("):") ? effective[(effective.IndexOf("):", StringComparison.Ordinal) + 2)..].Split(';').Select(e => e.Trim()).Where(e => e.Length > 0).ToList() : [];
        AnalysedFunctions = entries.Where(e => e.StartsWith("function ", StringComparison.Ordinal)).Select(e => e["function ".Length..]).Order(StringComparer.Ordinal).ToArray();
        ExpectedFunctions = AnalysedFunctions.Except(MovedNotChanged.GetValueOrDefault(name, [])).ToArray();
        ChangedStructs = entries.Where(e => e.StartsWith("struct ", StringComparison.Ordinal)).Select(e => e["struct ".Length..]).ToArray();
        // the functions table: name, status, linkage, description
        var table = functions.Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).Where(c => c.Length > 2).ToList();
        ChangesInitCode = table.Any(c => c[2].Contains("__init", StringComparison.Ordinal));
        ChangesExistingCode = table.Any(c => c[1] is "modified" or "signature-only" && ExpectedFunctions.Contains(c[0]));
    }

    public string Name { get; }
    public string Directory { get; }
    public string UnitPath { get; }
    public string PatchFile { get; }
    /// <summary>cases.tsv's pp_changed_funcs.</summary>
    public int CountInTable { get; }
    /// <summary>The functions of functions.txt's "Effective change in this config" line.</summary>
    public string[] AnalysedFunctions { get; }
    /// <summary><see cref="AnalysedFunctions"/> less <see cref="MovedNotChanged"/>.</summary>
    public string[] ExpectedFunctions { get; }
    public string[] ChangedStructs { get; }
    public bool ChangesInitCode { get; }
    /// <summary>The fix changes the code of a function the running kernel has (not only adds or removes functions).</summary>
    public bool ChangesExistingCode { get; }

    /// <summary>What a live patch can be made of: a function of the running kernel changes, no struct, no __init code.</summary>
    public bool ExpectsLivePatch => ChangesExistingCode && ChangedStructs.Length == 0 && !ChangesInitCode;

    /// <summary>Where the tests compile things: beside the output folder, never in it.</summary>
    public string WorkDirectory => OutputDirectory + ".work";

    public string OutputDirectory => Path.Combine(Path.GetTempPath(), "klpccp-fromdiff-kernel", Name);
    public string OutputFile => Path.Combine(OutputDirectory, UnitPath);

    /// <summary>from-diff on the case, run from the kernel tree as a user would (once per test run).</summary>
    public CliRunner.Result Run() => Runs.GetOrAdd(Name, _ => new Lazy<CliRunner.Result>(() =>
    {
        if (System.IO.Directory.Exists(OutputDirectory)) System.IO.Directory.Delete(OutputDirectory, recursive: true);
        return CliRunner.Run(SharedData.KernelSources, "from-diff", "--compiler=x86_64-gcc-12.2.0", "--progress=false",
            "--cmd", Path.Combine(Directory, "cmd.txt"), "--output-dir", OutputDirectory, PatchFile);
    })).Value;

    /// <summary>The functions from-diff reported as changed ("changed functions (N): a b c").</summary>
    public static string[] FoundFunctions(string stdout)
    {
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("  changed functions (", StringComparison.Ordinal));
        if (line is null) return [];
        var list = line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..].Trim();
        return list == "none" ? [] : list.Split(' ').Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The functions from-diff patched (the lines under "patched functions (N):").</summary>
    public static string[] PatchedFunctions(string stdout) =>
        stdout.Split('\n').SkipWhile(l => !l.StartsWith("  patched functions (", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim().Split(':')[0]).ToArray();

    public override string ToString() => Name;
}
