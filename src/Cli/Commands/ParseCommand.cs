using KlpCcp.Engine;

namespace KlpCcp.Cli.Commands;

/// <summary>
/// <c>klp-ccp parse [--compiler=SPEC] -- GCC-COMMAND-LINE</c>: preprocesses, parses and analyses
/// the unit, prints the diagnostics; exit 0 when the unit is valid, 2 on errors.
/// </summary>
public static class ParseCommand
{
    public static int Run(string? compiler, IReadOnlyList<string> gccArgs, CliContext ctx)
    {
        var request = FrontEndRequest.Create(compiler, gccArgs, ctx, out int exit);
        if (request is null) return exit;
        CollectionAvoidance.Start();
        // the analysis runs on a thread with a large stack: a second line of defence behind its depth bounds
        var result = FrontEnd.RunOnLargeStack(() => FrontEnd.Run(request.Compiler, request.Invocation, request.Options));
        DiagnosticWriter.Write(ctx.Error, result.Diagnostics.Items);
        if (Environment.GetEnvironmentVariable("KLPCCP_TIMINGS") == "1")
        {
            var (pre, parse, analyze) = result.Timings;
            ctx.Error.WriteLine($"klp-ccp: timings: preprocess {pre.TotalMilliseconds:F0} ms, parse {parse.TotalMilliseconds:F0} ms, analyse {analyze.TotalMilliseconds:F0} ms, {result.Unit.Count} tokens, {result.Model?.Symbols.Count} symbols, GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        }
        return result.HasErrors ? ExitCode.InputError : ExitCode.Success;
    }
}
