using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Tests.Preprocessing;

/// <summary>Runs the preprocessor on in-memory files and prints like gcc -E -P (lines trimmed, empty lines dropped).</summary>
internal static class PreprocessorHarness
{
    public const string Root = "/virtual";

    public sealed record Result(string Output, PreprocessedUnit Unit)
    {
        public IReadOnlyList<Diagnostic> Diagnostics => Unit.Diagnostics.Items;
        public bool HasErrors => Unit.Diagnostics.HasErrors;
        public string[] Messages => Diagnostics.Select(d => d.Message).ToArray();
    }

    public static Result Run(string main, IReadOnlyDictionary<string, string>? files = null,
        Func<PreprocessorOptions, PreprocessorOptions>? configure = null, IReadOnlyList<string>? commandLineDirectives = null)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { [Path.GetFullPath("main.c", Root)] = main };
        if (files is not null)
            foreach (var (k, v) in files) all[Path.GetFullPath(k, Root)] = v;
        var opts = new PreprocessorOptions
        {
            MainFile = "main.c",
            WorkingDirectory = Root,
            ReadFile = p => all.TryGetValue(p, out var t) ? t : null,
            SearchPath = KlpCcp.Engine.Toolchain.IncludeSearchPath.FromDirectories(new[] { new KlpCcp.Engine.Toolchain.IncludeDirectory("inc", KlpCcp.Engine.Toolchain.IncludeDirectoryOrigin.Bracket), new KlpCcp.Engine.Toolchain.IncludeDirectory("sys", KlpCcp.Engine.Toolchain.IncludeDirectoryOrigin.System) }, 0),
            Now = new DateTime(2026, 11, 6, 8, 9, 10),
            CommandLineDirectives = commandLineDirectives ?? Array.Empty<string>(),
        };
        if (configure is not null) opts = configure(opts);
        var pp = new Preprocessor(opts);
        var sw = new StringWriter();
        var writer = new PreprocessedOutputWriter(sw, pp.Names);
        var unit = pp.Run(writer);
        writer.Finish();
        var lines = sw.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return new Result(string.Join("\n", lines), unit);
    }

    /// <summary>The unit's tokens spelled and joined by single spaces.</summary>
    public static string Tokens(PreprocessedUnit unit) =>
        string.Join(" ", Enumerable.Range(0, unit.Count).Select(i => unit.Spell(unit.Tokens[i])));
}
