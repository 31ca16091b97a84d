using KlpCcp.Cli.Classic;
using KlpCcp.Engine;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.LivePatch;
using KlpCcp.Engine.Toolchain;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Cli.Commands;

/// <summary>
/// The classic, option-compatible invocation: <c>klp-ccp --compiler=... --outfile=FILE
/// [--patched-functions=LIST] --pol-cmd-...=CMD ... -- GCC-COMMAND-LINE</c>. Messages use
/// klp-ccp's format; exit statuses are klp-ccp's (SPEC §1.1). The output file is written only
/// when the whole creation succeeded.
/// </summary>
public static class ClassicCommand
{
    public static int Run(string[] args, CliContext ctx)
    {
        var parsed = ClassicCommandLine.Parse(args, ctx.WorkingDirectory);
        if (parsed.Report(ctx.Out, ctx.Error) is int code) return code;
        var o = parsed.Options!;

        var diags = new DiagnosticBag();
        var inv = CompilerInvocation.Parse(o.CompilerArguments, diags, o.Compiler.Arch);
        foreach (var d in diags.Items)
            ctx.Error.WriteLine($"compiler command line {(d.Severity == Severity.Error ? "error" : "warning")}: {d.Message}");
        if (diags.HasErrors) return ExitCode.CommandLine;
        if (inv.InputFile is null)
        {
            ctx.Error.WriteLine("compiler command line error: no input file");
            return ExitCode.CommandLine;
        }
        var configDiags = new DiagnosticBag();
        var options = PreprocessorConfiguration.Create(o.Compiler, inv, ctx.WorkingDirectory, configDiags);
        foreach (var d in configDiags.Items) ctx.Error.WriteLine($"compiler command line warning: {d.Message}");

        CollectionAvoidance.Start();
        var fe = FrontEnd.RunOnLargeStack(() => FrontEnd.Run(o.Compiler, inv, options));
        bool timings = Environment.GetEnvironmentVariable("KLPCCP_TIMINGS") == "1";
        if (timings)
        {
            var (pre, parse, analyze) = fe.Timings;
            ctx.Error.WriteLine($"klp-ccp: timings: preprocess {pre.TotalMilliseconds:F0} ms, parse {parse.TotalMilliseconds:F0} ms, analyse {analyze.TotalMilliseconds:F0} ms");
        }
        ClassicDiagnosticFormat.Write(ctx.Error, fe.Diagnostics.Items);
        if (fe.HasErrors || fe.Model is null) return ExitCode.InputError;

        FactStore facts;
        try
        {
            facts = o.ResolvedFactsFile is { } path ? FactStore.OpenFile(path, create: true) : FactStore.InMemory();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            ctx.Error.WriteLine($"error: cannot create the fact database '{o.FactsFile}': {e.Message}");
            return ExitCode.SystemError;
        }
        using (facts)
        {
            var unit = new UnitRecord(0, inv.InputFile, o.Compiler.ToString(), ctx.WorkingDirectory, o.CompilerArguments);
            var request = new LivePatchRequest(fe.Model, o.Policy, o.PatchedFunctions, facts, unit)
            {
                Timing = timings ? (stage, t) => ctx.Error.WriteLine($"klp-ccp: timings: {stage} {t.TotalMilliseconds:F0} ms") : null,
            };
            var result = FrontEnd.RunOnLargeStack(() => LivePatchCreation.Create(request));
            ClassicDiagnosticFormat.Write(ctx.Error, result.Diagnostics.Items);
            if (result.Failure is { } failure)
                return failure switch
                {
                    LivePatchFailureKind.PolicyCommand => ExitCode.PolicyCommand,
                    LivePatchFailureKind.System => ExitCode.SystemError,
                    _ => ExitCode.LivePatchCreation,
                };
            return OutputFile.TryWrite(o.ResolvedOutputFile, result.Text!, ctx.Error) ? ExitCode.Success : ExitCode.SystemError;
        }
    }
}
