using System.CommandLine;
using KlpCcp.Cli.Commands;

namespace KlpCcp.Cli;

/// <summary>
/// The klp-ccp command: subcommands (preprocess, ...) are parsed with System.CommandLine; any
/// other command line is the classic, option-compatible invocation.
/// </summary>
public static class KlpCcpCli
{
    private static readonly string[] Subcommands = ["preprocess", "parse", "why", "query", "from-diff"];

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

        var whyFacts = new Option<string>("--facts") { Description = "the fact database of a run made with --facts FILE", Required = true };
        var whySymbol = new Argument<string>("symbol") { Description = "a function, object, typedef or tag name" };
        var why = new Command("why", "explain why a symbol is (or is not) in the live patch: the chain of references from a patched function with the decision at each step") { whyFacts, whySymbol };
        why.SetAction(r => FactsCommands.Why(r.GetValue(whySymbol)!, r.GetValue(whyFacts)!, ctx));
        root.Add(why);

        var queryFacts = new Option<string>("--facts") { Description = whyFacts.Description, Required = true };
        var queryText = new Argument<string[]>("query") { Description = "the query (grammar below)", Arity = ArgumentArity.OneOrMore };
        var query = new Command("query", "query the fact database; grammar:\n" + Facts.Queries.FactQueryParser.Grammar) { queryFacts, queryText };
        query.SetAction(r => FactsCommands.Query(string.Join(" ", r.GetValue(queryText) ?? []), r.GetValue(queryFacts)!, ctx));
        root.Add(query);

        root.Add(FromDiffCommand.Create(ctx));
        return root;
    }
}
