using KlpCcp.Facts;
using KlpCcp.Facts.Queries;

namespace KlpCcp.Cli.Commands;

/// <summary>
/// <c>klp-ccp why SYMBOL --facts FILE</c> and <c>klp-ccp query --facts FILE QUERY</c>: answers
/// from a fact database written by a live-patch creation run with <c>--facts FILE</c>.
/// </summary>
public static class FactsCommands
{
    public static int Why(string symbol, string factsFile, CliContext ctx)
    {
        var store = Open(factsFile, ctx);
        if (store is null) return ExitCode.CommandLine;
        using (store)
        {
            var explanation = WhyExplainer.Explain(store, symbol);
            ctx.Out.Write(explanation.Render());
            ctx.Out.Flush();
            return explanation.Found ? ExitCode.Success : ExitCode.InputError;
        }
    }

    public static int Query(string query, string factsFile, CliContext ctx)
    {
        var parsed = FactQueryParser.TryParse(query, out var error);
        if (parsed is null)
        {
            ctx.Error.WriteLine($"command line error: {error}");
            ctx.Error.WriteLine("See 'klp-ccp query --help' for the query language.");
            return ExitCode.CommandLine;
        }
        var store = Open(factsFile, ctx);
        if (store is null) return ExitCode.CommandLine;
        using (store)
        {
            ctx.Out.Write(FactQueryRunner.Run(store, parsed));
            ctx.Out.Flush();
            return ExitCode.Success;
        }
    }

    private static FactStore? Open(string file, CliContext ctx)
    {
        var path = ctx.ResolvePath(file);
        if (!File.Exists(path))
        {
            ctx.Error.WriteLine($"command line error: the fact database '{file}' does not exist (write one with --facts FILE)");
            return null;
        }
        try
        {
            return FactStore.OpenFile(path, create: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteDB.LiteException or InvalidCastException or KeyNotFoundException)
        {
            ctx.Error.WriteLine($"command line error: '{file}' is not a klp-ccp fact database: {e.Message}");
            return null;
        }
    }
}
