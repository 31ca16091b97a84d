using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// The original gcc command line (SPEC 1.4), decoded with gcc's option syntax: joined and
/// separate arguments, <c>-Wp,</c> pieces applied as preprocessor options, longest-prefix
/// matching. Every option is kept in <see cref="Options"/> in command-line order; the ones
/// the front end needs are also collected into the typed properties. Options gcc does not
/// know are warned about and ignored; a missing argument or a wrong number of input files is
/// an error. Shell quoting is not interpreted here (see <see cref="ShellCommandLine"/>).
/// </summary>
public sealed class CompilerInvocation
{
    private readonly List<GccOption> _options = new();
    private readonly List<string> _quoteDirs = new();
    private readonly List<string> _bracketDirs = new();
    private readonly List<string> _systemDirs = new();
    private readonly List<string> _afterDirs = new();
    private readonly List<MacroOperation> _macroOps = new();
    private readonly List<string> _preIncludes = new();
    private readonly List<string> _macroIncludes = new();
    private readonly List<PrefixMap> _macroPrefixMaps = new();
    private readonly List<string> _inputs = new();

    private CompilerInvocation(IReadOnlyList<string> arguments) => Arguments = arguments;

    /// <summary>The arguments as given (program name excluded).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Every option in command-line order, <c>-Wp,</c> pieces expanded in place.</summary>
    public IReadOnlyList<GccOption> Options => _options;

    /// <summary>The one input file (null only when parsing failed).</summary>
    public string? InputFile => _inputs.Count == 1 ? _inputs[0] : null;

    /// <summary>-o argument, if any.</summary>
    public string? OutputFile { get; private set; }

    /// <summary>The <c>-x</c> language in effect for the input file (null: by file name suffix).</summary>
    public string? Language { get; private set; }

    public CompilationMode Mode { get; private set; } = CompilationMode.Link;

    /// <summary>-iquote dirs (and, with <c>-I-</c>, the -I dirs before it), in order.</summary>
    public IReadOnlyList<string> QuoteDirs => _quoteDirs;

    /// <summary>-I dirs (and -iwithprefixbefore) in order.</summary>
    public IReadOnlyList<string> BracketDirs => _bracketDirs;

    /// <summary>-isystem dirs in order.</summary>
    public IReadOnlyList<string> SystemDirs => _systemDirs;

    /// <summary>-idirafter dirs (and -iwithprefix) in order.</summary>
    public IReadOnlyList<string> AfterDirs => _afterDirs;

    /// <summary><c>-I-</c> was given: the including file's directory is not searched for <c>"f"</c>.</summary>
    public bool QuoteIgnoresSourceDir { get; private set; }

    /// <summary>-nostdinc: no default system include directories (and no implicit stdc-predef.h).</summary>
    public bool NoStdInc { get; private set; }

    /// <summary>-undef: no system- or target-specific predefined macros.</summary>
    public bool Undef { get; private set; }

    /// <summary>--sysroot= / -isysroot (the latter wins for headers), null if none.</summary>
    public string? SysRoot { get; private set; }

    /// <summary>-D and -U in command-line order.</summary>
    public IReadOnlyList<MacroOperation> MacroOperations => _macroOps;

    /// <summary>-include files in order (searched CWD first, then like <c>#include "f"</c>).</summary>
    public IReadOnlyList<string> PreIncludes => _preIncludes;

    /// <summary>-imacros files in order; gcc reads them (output discarded) before the -include files.</summary>
    public IReadOnlyList<string> MacroIncludes => _macroIncludes;

    /// <summary>The dialect selected by the last -std= or -ansi; null when none was given (the version's default applies).</summary>
    public CStandard? Standard { get; private set; }

    /// <summary>The argument of the last -O (<c>0 1 2 3 s z g fast</c>; bare -O is <c>1</c>); <c>0</c> when absent.</summary>
    public string OptimizationLevel { get; private set; } = "0";

    /// <summary>-Os or -Oz: optimize for size (<c>__OPTIMIZE_SIZE__</c>).</summary>
    public bool OptimizeForSize => OptimizationLevel is "s" or "z";

    /// <summary>-fmacro-prefix-map / -ffile-prefix-map maps in command-line order (see <see cref="PrefixMap.Apply"/>).</summary>
    public IReadOnlyList<PrefixMap> MacroPrefixMaps => _macroPrefixMaps;

    /// <summary>The -m options in order, e.g. (<c>-mcmodel=</c>, <c>kernel</c>), (<c>-mno-sse</c>, null).</summary>
    public IEnumerable<GccOption> TargetOptions => _options.Where(o => o.Known && o.Name.StartsWith("-m", StringComparison.Ordinal));

    /// <summary>The -f options in order, e.g. (<c>-fno-PIE</c>, null), (<c>-ftrivial-auto-var-init=</c>, <c>zero</c>).</summary>
    public IEnumerable<GccOption> CodeGenOptions => _options.Where(o => o.Known && o.Name.StartsWith("-f", StringComparison.Ordinal));

    /// <summary>Parses a kbuild <c>cmd.txt</c>-style shell command (program name first).</summary>
    public static CompilerInvocation ParseCommand(string shellCommand, DiagnosticBag diags, TargetArch? arch = null) =>
        Parse(ShellCommandLine.SplitCompilerCommand(shellCommand, diags), diags, arch);

    /// <summary>
    /// Decodes <paramref name="args"/> (the words after the program name). Diagnostics go to
    /// <paramref name="diags"/>; the result is always returned, usable where no error was reported.
    /// <paramref name="arch"/> selects the target's -m option names (null: accept either's).
    /// </summary>
    public static CompilerInvocation Parse(IReadOnlyList<string> args, DiagnosticBag diags, TargetArch? arch = null)
    {
        var inv = new CompilerInvocation(args);
        var i = 0;
        while (i < args.Count)
        {
            var word = args[i];
            if (word.Length < 2 || word[0] != '-')
            {
                // "-" alone is standard input, as gcc takes it
                if (inv._inputs.Count == 0) inv.Language = inv._pendingLanguage;
                inv._inputs.Add(word);
                i++;
                continue;
            }
            i = inv.ParseOption(args, i, viaPreprocessor: false, diags, arch);
        }
        if (inv._inputs.Count == 0) diags.Error("no input file");
        else if (inv._inputs.Count > 1) diags.Error($"more than one input file: '{inv._inputs[0]}' and '{inv._inputs[1]}'");
        return inv;
    }

    // -x applies to the input files after it; remembered until one comes
    private string? _pendingLanguage;

    /// <summary>
    /// Decodes the option at <paramref name="i"/>; returns the index of the next word.
    /// <paramref name="position"/> is the argument-array index to record (that of the
    /// enclosing <c>-Wp,</c>/<c>-Xpreprocessor</c> for their pieces).
    /// </summary>
    private int ParseOption(IReadOnlyList<string> args, int i, bool viaPreprocessor, DiagnosticBag diags, TargetArch? arch, int? position = null)
    {
        var word = args[i];
        var pos = position ?? i;
        var match = GccOptionSyntax.MatchArgumentOption(word, viaPreprocessor);
        if (match is { } m)
        {
            string? arg;
            var next = i + 1;
            if (word.Length > m.Name.Length)
                arg = word[m.Name.Length..];
            else if (m.MayBeSeparate && i + 1 < args.Count)
            {
                arg = args[i + 1];
                next = i + 2;
            }
            else
            {
                diags.Error($"missing argument to gcc option '{word}'");
                return i + 1;
            }
            var opt = new GccOption(m.Name, arg, pos, viaPreprocessor);
            _options.Add(opt);
            ApplyArgumentOption(opt, args, diags, arch);
            return next;
        }

        var known = GccOptionSyntax.IsKnown(word, arch);
        var (name, joined) = known ? GccOptionSyntax.SplitJoined(word) : (word, null);
        var option = new GccOption(name, joined, pos, viaPreprocessor, known);
        _options.Add(option);
        if (!known)
        {
            diags.Warning($"unrecognized gcc option '{word}' ignored");
            return i + 1;
        }
        ApplyFlag(option, diags, arch);
        return i + 1;
    }

    private void ApplyArgumentOption(GccOption opt, IReadOnlyList<string> args, DiagnosticBag diags, TargetArch? arch)
    {
        var arg = opt.Argument!;
        switch (opt.Name)
        {
            case "-I":
                if (arg == "-") SplitQuoteChain(diags);
                else _bracketDirs.Add(arg);
                break;
            case "-iquote": _quoteDirs.Add(arg); break;
            case "-isystem": _systemDirs.Add(arg); break;
            case "-idirafter": _afterDirs.Add(arg); break;
            case "-iprefix": _iprefix = arg; break;
            case "-iwithprefix": _afterDirs.Add((_iprefix ?? "") + arg); break;
            case "-iwithprefixbefore": _bracketDirs.Add((_iprefix ?? "") + arg); break;
            case "-isysroot": SysRoot = arg; _isysroot = true; break;
            case "--sysroot" or "--sysroot=": if (!_isysroot) SysRoot = arg; break;
            case "-include": _preIncludes.Add(arg); break;
            case "-imacros": _macroIncludes.Add(arg); break;
            case "-D": AddMacroOperation(MacroOperationKind.Define, arg, diags); break;
            case "-U": AddMacroOperation(MacroOperationKind.Undefine, arg, diags); break;
            case "-o": OutputFile = arg; break;
            case "-x": _pendingLanguage = arg == "none" ? null : arg; break;
            case "-Xpreprocessor":
                // one preprocessor word; an option of it needing an argument takes the next -Xpreprocessor's
                ParseOption([arg], 0, viaPreprocessor: true, diags, arch, opt.Position);
                break;
        }
    }

    private string? _iprefix;
    private bool _isysroot;

    private void ApplyFlag(GccOption opt, DiagnosticBag diags, TargetArch? arch)
    {
        switch (opt.Name)
        {
            case "-Wp,":
                {
                    // each comma-separated piece is a preprocessor argument (-Wp,-MMD,file.d)
                    var pieces = opt.Argument!.Split(',');
                    var j = 0;
                    while (j < pieces.Length)
                    {
                        if (pieces[j].Length >= 2 && pieces[j][0] == '-')
                            j = ParseOption(pieces, j, viaPreprocessor: true, diags, arch, opt.Position);
                        else
                        {
                            // a non-option preprocessor word is an input file for cpp
                            _inputs.Add(pieces[j]);
                            j++;
                        }
                    }
                    return;
                }
            case "-nostdinc": NoStdInc = true; return;
            case "-undef": Undef = true; return;
            case "-c": Mode = CompilationMode.Compile; return;
            case "-S": Mode = CompilationMode.Assemble; return;
            case "-E": Mode = CompilationMode.Preprocess; return;
            case "-ansi": Standard = new CStandard(CStandardRevision.C89, false); return;
            case "-std=":
                {
                    var std = CStandard.FromName(opt.Argument!);
                    if (std is not null) Standard = std;
                    else diags.Warning($"'-std={opt.Argument}' is not a C standard; ignored");
                    return;
                }
            case "-O":
                {
                    var level = opt.Argument ?? "1";
                    if (level is "s" or "z" or "g" or "fast" || level.All(char.IsAsciiDigit)) OptimizationLevel = level;
                    else diags.Warning($"unrecognized gcc option '-O{level}' ignored");
                    return;
                }
            case "-fmacro-prefix-map=" or "-ffile-prefix-map=":
                {
                    var arg = opt.Argument!;
                    var eq = arg.IndexOf('=');
                    if (eq < 0) diags.Error($"invalid argument '{arg}' to '{opt.Name[..^1]}'");
                    else _macroPrefixMaps.Add(new PrefixMap(arg[..eq], arg[(eq + 1)..]));
                    return;
                }
        }
    }

    /// <summary>
    /// -I-: the -I dirs so far become quote-only (replacing earlier -iquote dirs, as gcc
    /// does) and the including file's directory is no longer searched.
    /// </summary>
    private void SplitQuoteChain(DiagnosticBag diags)
    {
        if (QuoteIgnoresSourceDir)
        {
            diags.Error("-I- specified twice");
            return;
        }
        _quoteDirs.Clear();
        _quoteDirs.AddRange(_bracketDirs);
        _bracketDirs.Clear();
        QuoteIgnoresSourceDir = true;
    }

    private void AddMacroOperation(MacroOperationKind kind, string arg, DiagnosticBag diags)
    {
        var n = 0;
        while (n < arg.Length && (char.IsAsciiLetterOrDigit(arg[n]) || arg[n] is '_' or '$')) n++;
        var name = arg[..n];
        var flag = kind == MacroOperationKind.Define ? "-D" : "-U";
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            diags.Error(name.Length == 0 && arg.Length == 0
                ? $"macro name missing after '{flag}'"
                : $"macro names must be identifiers: '{flag}{arg}'");
            return;
        }
        if (kind == MacroOperationKind.Undefine && n != arg.Length)
        {
            diags.Error($"macro names must be identifiers: '{flag}{arg}'");
            return;
        }
        if (kind == MacroOperationKind.Define && n != arg.Length && arg[n] is not ('=' or '('))
        {
            diags.Error($"macro names must be identifiers: '{flag}{arg}'");
            return;
        }
        _macroOps.Add(new MacroOperation(kind, name, arg));
    }
}
