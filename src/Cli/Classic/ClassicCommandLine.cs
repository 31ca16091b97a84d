using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Cli.Classic;

/// <summary>
/// The classic, option-compatible klp-ccp invocation (SPEC 1.1, 1.2):
/// <c>klp-ccp OPTIONS -- ORIGINAL COMPILER COMMAND LINE</c>, parsed like GNU getopt_long,
/// plus our <c>--policy=toy|kernel</c> and <c>--facts FILE</c>.
/// </summary>
public static class ClassicCommandLine
{
    private static readonly GetoptOption Help = new('h', ["help"], false);
    private static readonly GetoptOption Compiler = new('c', ["compiler"], true);
    private static readonly GetoptOption OutFile = new('o', ["outfile"], true);
    private static readonly GetoptOption PatchedFunctions = new('i', ["patched-functions"], true);
    private static readonly GetoptOption PolicyName = new(null, ["policy"], true);
    private static readonly GetoptOption Facts = new(null, ["facts"], true);

    /// <summary>The policy command options in the order of SPEC 1.2's table, which is also the order of the "is required" checks.</summary>
    private static readonly (GetoptOption Option, PolicyQuestion Question)[] PolicyCommandOptions =
    [
        (new('I', ["pol-cmd-is-patched"], true), PolicyQuestion.IsPatched),
        (new('H', ["pol-cmd-may-include-header"], true), PolicyQuestion.MayIncludeHeader),
        (new('F', ["pol-cmd-can-externalize-fun"], true), PolicyQuestion.CanExternalizeFunction),
        (new('S', ["pol-cmd-shall-externalize-fun"], true), PolicyQuestion.ShallExternalizeFunction),
        (new('O', ["pol-cmd-shall-externalize-obj"], true), PolicyQuestion.ShallExternalizeObject),
        (new('P', ["pol-cmd-modify-patched-fun-sym"], true), PolicyQuestion.ModifyPatchedFunctionSymbol),
        (new('E', ["pol-cmd-modify-externalized-sym"], true), PolicyQuestion.ModifyExternalizedSymbol),
        // the README and the old --help spell it "renamed"; the old parser only knew "rename": accept both
        (new('R', ["pol-cmd-rename-rewritten-fun", "pol-cmd-renamed-rewritten-fun"], true), PolicyQuestion.RenameRewrittenFunction),
    ];

    private static readonly GetoptOption[] AllOptions =
        [Help, Compiler, OutFile, PatchedFunctions, .. PolicyCommandOptions.Select(p => p.Option), PolicyName, Facts];

    /// <summary>
    /// Parses klp-ccp's own options and splits off the compiler command line. Relative paths
    /// (policy commands, outfile, facts) are resolved against <paramref name="workingDirectory"/>.
    /// Never throws for bad input: errors come back as <see cref="ClassicParseResult.Error"/>.
    /// </summary>
    public static ClassicParseResult Parse(IReadOnlyList<string> args, string workingDirectory)
    {
        var parsed = Getopt.Parse(args, AllOptions);

        CompilerSpec? compiler = null;
        string? outFile = null, policyName = null, facts = null;
        ILivePatchPolicy? builtIn = null;
        var patched = new List<string>();
        var patchedGiven = false;
        var commands = new PolicyCommands();
        var seen = new HashSet<GetoptOption>();

        foreach (var occ in parsed.Occurrences)
        {
            var o = occ.Option;
            if (o == Help) return ClassicParseResult.Help();
            if (o == PatchedFunctions)
            {
                patchedGiven = true;
                foreach (var part in occ.Argument!.Split(','))
                {
                    var name = part.Trim(' ', '\t');
                    if (name.Length > 0 && !patched.Contains(name, StringComparer.Ordinal)) patched.Add(name);
                }
                continue;
            }
            if (!seen.Add(o)) return ClassicParseResult.Failure($" option '{o.CanonicalName}' specified more than once");

            var value = occ.Argument!;
            if (o == Compiler)
            {
                var diags = new DiagnosticBag();
                compiler = CompilerSpec.Parse(value, diags);
                if (compiler is null)
                    return ClassicParseResult.Failure(diags.Items.FirstOrDefault(d => d.Severity == Severity.Error)?.Message
                        ?? $"unrecognized compiler specification '{value}'");
            }
            else if (o == OutFile) outFile = value;
            else if (o == Facts) facts = value;
            else if (o == PolicyName)
            {
                builtIn = BuiltInPolicies.TryCreate(value, out var error);
                if (builtIn is null) return ClassicParseResult.Failure(error!);
                policyName = value;
            }
            else
            {
                var question = PolicyCommandOptions.First(p => p.Option == o).Question;
                var cmd = ShellCommand.TryParse(value, workingDirectory, out var error);
                if (cmd is null) return ClassicParseResult.Failure(error!);
                commands = commands.With(question, cmd);
            }
        }
        if (parsed.Error is not null) return ClassicParseResult.Failure(parsed.Error);

        if (compiler is null) return Required(Compiler);
        if (outFile is null) return Required(OutFile);
        if (builtIn is null)
        {
            if (!patchedGiven && commands.IsPatched is null)
                return ClassicParseResult.Failure("either --patched-functions or --pol-cmd-is-patched is required");
            foreach (var (option, question) in PolicyCommandOptions)
                if (question != PolicyQuestion.IsPatched && commands.For(question) is null)
                    return Required(option);
        }
        if (parsed.Operands.Count == 0) return ClassicParseResult.Failure("missing compiler invocation");

        var anyCommand = Enum.GetValues<PolicyQuestion>().Any(q => commands.For(q) is not null);
        var shell = anyCommand ? new ShellCommandPolicy(commands, workingDirectory) : null;
        var policy = new CachingPolicy(new CompositePolicy(builtIn, shell, patched));

        return ClassicParseResult.Success(new ClassicOptions
        {
            Compiler = compiler,
            OutputFile = outFile,
            PatchedFunctions = patched,
            Policy = policy,
            PolicyCommands = commands,
            BuiltInPolicy = policyName,
            FactsFile = facts,
            CompilerArguments = parsed.Operands,
            WorkingDirectory = workingDirectory,
        });
    }

    private static ClassicParseResult Required(GetoptOption o) =>
        ClassicParseResult.Failure($" option '{o.CanonicalName}' is required");

    /// <summary>
    /// The exit status for a policy question that did not end in an answer (SPEC 1.1, classic):
    /// the policy's own error 3, a failed policy command 4, an OS error 5; 0 for an answer.
    /// </summary>
    public static int ExitCodeFor(PolicyAnswerKind kind) => kind switch
    {
        PolicyAnswerKind.Answered => ExitCode.Success,
        PolicyAnswerKind.PolicyError => ExitCode.LivePatchCreation,
        PolicyAnswerKind.CommandFailure => ExitCode.PolicyCommand,
        _ => ExitCode.SystemError,
    };

    /// <summary>The usage printed by <c>-h/--help</c>: every option and the subcommands.</summary>
    public const string HelpText = """
        Usage: klp-ccp OPTIONS -- ORIGINAL COMPILER COMMAND LINE
               klp-ccp SUBCOMMAND [OPTIONS] [-- COMPILER COMMAND LINE]

        Creates a Linux kernel live patch from one translation unit: the patched functions and
        everything they need are copied into one self-contained C file, keeping macros,
        #includes, comments and layout where possible. A policy decides what is patched,
        externalized and renamed. The original compiler command line (without the program name)
        follows "--"; without "--", the arguments that are not options are taken.

        Options:
          -h, --help                       print this help and exit
          -c, --compiler=ARCH-gcc-VERSION  the compiler of the original build, e.g.
                                           x86_64-gcc-4.8.5 or aarch64-gcc-9.1.0 (required)
          -o, --outfile=FILE               write the live patch to FILE (required)
          -i, --patched-functions=LIST     comma-separated functions to patch (repeatable)
              --policy=toy|kernel          use a built-in policy; then the policy commands are
                                           optional and each one given overrides the built-in
                                           answer to its question
              --facts=FILE                 keep the fact store in FILE (for "why" and "query")

        Policy commands (the classic protocol: the command runs without a shell, with the
        question's arguments appended, and prints "RESULT: ...", "WARNING: ..." or
        "ERROR: ..." lines). Required unless --policy is given; -I only without -i:
          -I, --pol-cmd-is-patched=CMD              NAME -> YES|NO
          -H, --pol-cmd-may-include-header=CMD      FILE [pre-include] -> YES|NO
          -F, --pol-cmd-can-externalize-fun=CMD     NAME [internal|external FILE:LINE:COL]
                                                    -> YES|NO
          -S, --pol-cmd-shall-externalize-fun=CMD   NAME [from-header] -> YES|NO
          -O, --pol-cmd-shall-externalize-obj=CMD   NAME -> YES|NO
          -P, --pol-cmd-modify-patched-fun-sym=CMD  NAME RETRY -> ID LINKAGE
          -E, --pol-cmd-modify-externalized-sym=CMD function|object NAME RETRY
                                                    -> ID LINKAGE [MAKE-POINTER]
          -R, --pol-cmd-rename-rewritten-fun=CMD    NAME RETRY -> ID
              (also spelled --pol-cmd-renamed-rewritten-fun)
          LINKAGE is KEEP-LINKAGE, MAKE-INTERNAL or MAKE-EXTERNAL.

        Subcommands:
          preprocess   print the preprocessed translation unit like gcc -E -P
          parse        parse and check the translation unit, print its diagnostics
          from-diff    create the live patch for the functions a source diff changes
          why          explain from the fact store why a symbol is (not) in the live patch
          query        query the fact store (closure, externalized, rewritten, references)
        Run "klp-ccp SUBCOMMAND --help" for a subcommand's options.

        Exit status: 0 success, 1 command line error, 2 preprocessing/parse/semantic error,
        3 live-patch creation error, 4 policy command failure, 5 system error.

        """;
}
