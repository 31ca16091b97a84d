using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Cli.Commands;

/// <summary><c>klp-ccp preprocess [--compiler=SPEC] [--output FILE] -- GCC-COMMAND-LINE</c>: prints the unit like <c>gcc -E -P</c>.</summary>
public static class PreprocessCommand
{
    public static int Run(string? compiler, string? output, IReadOnlyList<string> gccArgs, CliContext ctx)
    {
        var request = FrontEndRequest.Create(compiler, gccArgs, ctx, out int exit);
        if (request is null) return exit;

        var pp = new Preprocessor(request.Options);
        var text = new StringWriter(new System.Text.StringBuilder(1 << 22));
        var writer = new PreprocessedOutputWriter(text, pp.Names, loc => pp.Sources.Resolve(loc)?.Column + 1 ?? 1);
        var unit = pp.Run(writer);
        writer.Finish();
        DiagnosticWriter.Write(ctx.Error, unit.Diagnostics.Items);
        if (unit.Diagnostics.HasErrors) return ExitCode.InputError;

        if (output is null)
        {
            ctx.Out.Write(text.GetStringBuilder());
            ctx.Out.Flush();
            return ExitCode.Success;
        }
        return OutputFile.TryWrite(ctx.ResolvePath(output), text.ToString(), ctx.Error) ? ExitCode.Success : ExitCode.SystemError;
    }
}
