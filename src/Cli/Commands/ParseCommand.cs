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
        // the analysis runs on a thread with a large stack: a second line of defence behind its depth bounds
        var result = FrontEnd.RunOnLargeStack(() => FrontEnd.Run(request.Compiler, request.Invocation, request.Options));
        DiagnosticWriter.Write(ctx.Error, result.Diagnostics.Items);
        return result.HasErrors ? ExitCode.InputError : ExitCode.Success;
    }
}
