using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Cli.Commands;

/// <summary>
/// What the front-end commands share: <c>--compiler=ARCH-gcc-VERSION</c> and the original gcc
/// command line, decoded into the preprocessor's configuration.
/// </summary>
public sealed record FrontEndRequest(CompilerSpec Compiler, CompilerInvocation Invocation, PreprocessorOptions Options)
{
    public const string DefaultCompiler = "x86_64-gcc-12.2.0";

    /// <summary>Decodes the request; prints diagnostics and returns null (with the exit code) when it is unusable.</summary>
    public static FrontEndRequest? Create(string? compiler, IReadOnlyList<string> gccArgs, CliContext ctx, out int exitCode)
    {
        var diags = new DiagnosticBag();
        exitCode = ExitCode.Success;
        var spec = CompilerSpec.Parse(compiler ?? DefaultCompiler, diags);
        if (spec is null)
        {
            foreach (var d in diags.Items) ctx.Error.WriteLine($"command line error: {d.Message}");
            exitCode = ExitCode.CommandLine;
            return null;
        }
        if (gccArgs.Count == 0)
        {
            ctx.Error.WriteLine("command line error: missing compiler invocation");
            exitCode = ExitCode.CommandLine;
            return null;
        }
        var inv = CompilerInvocation.Parse(gccArgs, diags, spec.Arch);
        if (diags.HasErrors || inv.InputFile is null)
        {
            foreach (var d in diags.Items) ctx.Error.WriteLine($"compiler command line {(d.Severity == Severity.Error ? "error" : "warning")}: {d.Message}");
            exitCode = ExitCode.CommandLine;
            return null;
        }
        var opts = PreprocessorConfiguration.Create(spec, inv, ctx.WorkingDirectory, diags);
        foreach (var d in diags.Items) ctx.Error.WriteLine($"compiler command line warning: {d.Message}");
        return new FrontEndRequest(spec, inv, opts);
    }
}
