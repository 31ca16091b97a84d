using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Syntax;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine;

/// <summary>The result of running the front end on one unit: each stage's output (later ones null when an earlier one failed).</summary>
public sealed record FrontEndResult(PreprocessedUnit Unit, ParseResult? Parse, SemanticModel? Model)
{
    /// <summary>Wall time of each stage: preprocessing, parsing, analysis.</summary>
    public (TimeSpan Preprocess, TimeSpan Parse, TimeSpan Analyze) Timings { get; init; }

    /// <summary>All diagnostics of the unit, in the order they were reported.</summary>
    public DiagnosticBag Diagnostics => Unit.Diagnostics;
    public bool HasErrors => Unit.Diagnostics.HasErrors;
}

/// <summary>
/// Preprocessing, parsing and semantic analysis of one translation unit. Each stage runs only
/// when the previous one reported no error; all diagnostics go to the unit's bag.
/// </summary>
public static class FrontEnd
{
    /// <summary>Stack size of the thread <see cref="RunOnLargeStack{T}"/> starts (a second line of defence behind the depth bounds).</summary>
    public const int LargeStackSize = 256 * 1024 * 1024;

    public static FrontEndResult Run(CompilerSpec spec, CompilerInvocation invocation, PreprocessorOptions options)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var unit = new Preprocessor(options).Run();
        var tPre = sw.Elapsed;
        if (unit.Diagnostics.HasErrors) return new FrontEndResult(unit, null, null) { Timings = (tPre, default, default) };
        var parse = Parser.Parse(unit, unit.Diagnostics, ParserOptions.For(spec, invocation));
        var tParse = sw.Elapsed - tPre;
        if (parse.HasErrors) return new FrontEndResult(unit, parse, null) { Timings = (tPre, tParse, default) };
        var types = AnalyzerOptions.CreateTypeContext(spec, invocation);
        var model = SemanticAnalyzer.Analyze(parse, types, AnalyzerOptions.For(spec, invocation), unit.Diagnostics);
        var tAnalyze = sw.Elapsed - tPre - tParse;
        return new FrontEndResult(unit, parse, model) { Timings = (tPre, tParse, tAnalyze) };
    }

    /// <summary>Runs <paramref name="work"/> on a new thread with a <see cref="LargeStackSize"/> stack and returns its result (exceptions are rethrown here).</summary>
    public static T RunOnLargeStack<T>(Func<T> work, int stackSize = LargeStackSize)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { failure = e; }
        }, stackSize);
        thread.Start();
        thread.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return result;
    }
}
