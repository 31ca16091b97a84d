using KlpCcp.Engine;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Testsuite;

/// <summary>Runs the front end (preprocess, parse, analyse) in-process on a large-stack thread.</summary>
public static class FrontEndRunner
{
    public static FrontEndResult Run(string compiler, IReadOnlyList<string> gccArgs, string workingDirectory,
        Func<PreprocessorOptions, PreprocessorOptions>? configure = null)
    {
        var diags = new DiagnosticBag();
        var spec = CompilerSpec.Parse(compiler, diags) ?? throw new InvalidOperationException(string.Join("\n", diags.Items));
        var inv = CompilerInvocation.Parse(gccArgs, diags, spec.Arch);
        var opts = PreprocessorConfiguration.Create(spec, inv, workingDirectory, diags);
        if (configure is not null) opts = configure(opts);
        return FrontEnd.RunOnLargeStack(() => FrontEnd.Run(spec, inv, opts));
    }

    public static string Errors(FrontEndResult r, int max = 10) =>
        string.Join("\n", r.Diagnostics.Items.Where(d => d.Severity == Severity.Error).Take(max));
}
