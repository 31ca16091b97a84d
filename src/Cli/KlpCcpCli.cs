using System.CommandLine;
using KlpCcp.Cli.Commands;

namespace KlpCcp.Cli;

/// <summary>
/// The klp-ccp command: subcommands (preprocess, ...) are parsed with System.CommandLine; any
/// other command line is the classic, option-compatible invocation.
/// </summary>
public static class KlpCcpCli
{
    private static readonly string[] Subcommands = ["preprocess", "parse"];

    public static int Run(string[] args, CliContext ctx)
    {
        if (args.Length > 0 && Subcommands.Contains(args[0]))
            return RunSubcommand(args, ctx);
        return ClassicCommand.Run(args, ctx);
    }

    private static int RunSubcommand(string[] args, CliContext ctx)
    {
        // the gcc command line follows "--" and is not ours to parse
        int dd = Array.IndexOf(args, "--");
        var own = dd < 0 ? args : args[..dd];
        var gccArgs = dd < 0 ? [] : args[(dd + 1)..];
        var root = BuildRoot(ctx, gccArgs);
        var result = root.Parse(own);
        if (result.Errors.Count > 0)
        {
            ctx.Error.WriteLine($"command line error: {result.Errors[0].Message}");
            ctx.Error.WriteLine("See 'klp-ccp --help' for usage.");
            return ExitCode.CommandLine;
        }
        return result.Invoke(new InvocationConfiguration { Output = ctx.Out, Error = ctx.Error, EnableDefaultExceptionHandler = false });
    }

    private static RootCommand BuildRoot(CliContext ctx, string[] gccArgs)
    {
        var root = new RootCommand("klp-ccp: create Linux kernel live patches from C sources");

        var compiler = new Option<string?>("--compiler", "-c") { Description = "the compiler the command line is for: ARCH-gcc-VERSION (default " + FrontEndRequest.DefaultCompiler + ")" };
        var output = new Option<string?>("--output", "-o") { Description = "write the result to FILE instead of standard output" };

        var preprocess = new Command("preprocess", "print the preprocessed translation unit like gcc -E -P; the gcc command line follows --") { compiler, output };
        preprocess.SetAction(r => PreprocessCommand.Run(r.GetValue(compiler), r.GetValue(output), gccArgs, ctx));
        root.Add(preprocess);

        var parseCompiler = new Option<string?>("--compiler", "-c") { Description = compiler.Description };
        var parse = new Command("parse", "preprocess, parse and analyse the unit; print diagnostics (exit 0: valid, 2: errors); the gcc command line follows --") { parseCompiler };
        parse.SetAction(r => ParseCommand.Run(r.GetValue(parseCompiler), gccArgs, ctx));
        root.Add(parse);
        return root;
    }
}
