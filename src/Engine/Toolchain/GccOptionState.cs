namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// The target-independent part of gcc's option state that shows in predefined macros,
/// computed from a command line the way gcc computes it: options in order, last one wins,
/// gcc's option groups that cancel each other (<c>-fpic/-fPIC/-fpie/-fPIE</c>), the -O level's
/// defaults applied before the explicit options (<c>-Ofast</c> = <c>-O3 -ffast-math</c>), the
/// fast-math flag cascade of opts.cc, then the fix-ups of finish_options and
/// c_common_post_options. Each rule was checked against gcc 12's <c>-dM -E</c> output.
/// </summary>
internal sealed class GccOptionState
{
    // --- optimization
    public int OptimizeLevel;         // 0..3 ("fast" is 3 plus fast math)
    public bool OptimizeSize;         // -Os, -Oz
    public bool? ExplicitNoInline;    // -fno-inline / -finline, last wins
    public bool NoInline => OptimizeLevel == 0 || ExplicitNoInline == true;

    // --- dialect
    public CStandard Standard = null!;
    public bool? ExplicitGnu89Inline;
    public bool Gnu89Inline => ExplicitGnu89Inline ?? !Standard.AtLeastC99;
    public bool Hosted = true;
    public bool? ExplicitSignedChar;
    public bool ShortWchar;
    public bool Undef;

    // --- code generation
    public int Pic;                   // 0, 1 (-fpic), 2 (-fPIC)
    public int Pie;                   // 0, 1, 2
    public int StackProtector;        // 0 none, 1 -fstack-protector, 2 -all, 3 -strong, 4 -explicit
    public int CfProtection;          // __CET__ bits: 1 branch, 2 return
    public bool Exceptions;
    public bool NonCallExceptions;
    public bool? UnwindTables;        // null: target default
    public bool? AsyncUnwindTables;   // null: target default
    public bool Dwarf2CfiAsm = true;
    public bool DebugDwarf;           // a -g level > 0 emitting DWARF
    public bool OpenMp, OpenAcc, GnuTm, ParallelizeLoops, Pthread, Posix;
    public readonly HashSet<string> Sanitize = new(StringComparer.Ordinal);

    // --- floating point (opts.cc names)
    public bool UnsafeMath, FiniteMathOnly, ErrnoMath = true, TrappingMath = true, SignedZeros = true;
    public bool AssociativeMath, ReciprocalMath, SignalingNans, RoundingMath;
    public bool CxLimitedRange, CxFortranRules, SinglePrecisionConstant;
    public string? ExcessPrecision;   // null (default), "fast", "standard", "16"
    public string? FpContract;        // null (default), "fast", "on", "off"
    public string? PermittedFltEvalMethods; // null (default), "c11", "ts-18661"

    /// <summary>The -m options in order, for the target part.</summary>
    public readonly List<GccOption> TargetOptions = new();

    /// <summary>excess precision as c_common_post_options settles it.</summary>
    public bool ExcessPrecisionStandard => (ExcessPrecision ?? (Standard.Strict ? "standard" : "fast")) == "standard";

    /// <summary>gcc's fast_math_flags_set_p (__FAST_MATH__).</summary>
    public bool FastMath => !TrappingMath && UnsafeMath && FiniteMathOnly && !SignedZeros && !ErrnoMath && !ExcessPrecisionStandard;

    /// <summary>-fp-contract=fast in effect (ISO C modes default to off).</summary>
    public bool FpContractFast => (FpContract ?? (Standard.Strict ? "off" : "fast")) == "fast";

    /// <summary>FLT_EVAL_METHOD is limited to C11's values (ISO modes by default).</summary>
    public bool PermittedC11Only => (PermittedFltEvalMethods ?? (Standard.Strict ? "c11" : "ts-18661")) == "c11";

    public static GccOptionState From(CompilerSpec spec, CompilerInvocation inv, bool defaultPie)
    {
        var s = new GccOptionState
        {
            Standard = inv.Standard ?? CStandard.DefaultFor(spec.Major),
            Undef = inv.Undef,
        };
        // 1. the optimization level's defaults come first (default_options_optimization)
        s.ApplyOptimizationLevel(inv.OptimizationLevel);

        // 2. the explicit options in order, after gcc's pruning
        string? picOption = null; // last of -f[no-]pic/PIC/pie/PIE: they cancel each other
        foreach (var o in Prune(inv.Options))
        {
            var name = o.Name;
            if (name.StartsWith("-m", StringComparison.Ordinal)) { s.TargetOptions.Add(o); continue; }
            if (name is "-pthread") { s.Pthread = true; continue; }
            if (name is "-posix") { s.Posix = true; continue; }
            if (name.StartsWith("-g", StringComparison.Ordinal)) { s.ApplyDebug(o.Text); continue; }
            if (!name.StartsWith("-f", StringComparison.Ordinal)) continue;
            var text = o.Text;
            var positive = !text.StartsWith("-fno-", StringComparison.Ordinal);
            var flag = positive ? text[2..] : text[5..];
            switch (flag)
            {
                case "pic" or "PIC" or "pie" or "PIE":
                    picOption = text;
                    break;
                case "inline": s.ExplicitNoInline = !positive; break;
                case "gnu89-inline": s.ExplicitGnu89Inline = positive; break;
                case "freestanding": s.Hosted = !positive; break;
                case "hosted": s.Hosted = positive; break;
                case "signed-char": s.ExplicitSignedChar = positive; break;
                case "unsigned-char": s.ExplicitSignedChar = !positive; break;
                case "short-wchar": s.ShortWchar = positive; break;
                case "stack-protector": s.StackProtector = positive ? 1 : 0; break;
                case "stack-protector-all": s.StackProtector = positive ? 2 : 0; break;
                case "stack-protector-strong": s.StackProtector = positive ? 3 : 0; break;
                case "stack-protector-explicit": s.StackProtector = positive ? 4 : 0; break;
                case "cf-protection": s.CfProtection = positive ? 3 : 0; break;
                case "exceptions": s.Exceptions = positive; break;
                case "non-call-exceptions": s.NonCallExceptions = positive; break;
                case "unwind-tables": s.UnwindTables = positive; break;
                case "asynchronous-unwind-tables": s.AsyncUnwindTables = positive; break;
                case "dwarf2-cfi-asm": s.Dwarf2CfiAsm = positive; break;
                case "openmp": s.OpenMp = positive; break;
                case "openacc": s.OpenAcc = positive; break;
                case "gnu-tm": s.GnuTm = positive; break;
                case "fast-math": s.SetFastMath(positive); break;
                case "unsafe-math-optimizations": s.UnsafeMath = positive; s.SetUnsafeMath(positive); break;
                case "finite-math-only": s.FiniteMathOnly = positive; break;
                case "math-errno": s.ErrnoMath = positive; break;
                case "trapping-math": s.TrappingMath = positive; break;
                case "signed-zeros": s.SignedZeros = positive; break;
                case "associative-math": s.AssociativeMath = positive; break;
                case "reciprocal-math": s.ReciprocalMath = positive; break;
                case "signaling-nans": s.SignalingNans = positive; break;
                case "rounding-math": s.RoundingMath = positive; break;
                case "cx-limited-range": s.CxLimitedRange = positive; break;
                case "cx-fortran-rules": s.CxFortranRules = positive; break;
                case "single-precision-constant": s.SinglePrecisionConstant = positive; break;
                default:
                    s.ApplyJoined(text);
                    break;
            }
        }

        // 3. finish_options and the C front end's post-options fix-ups
        s.ApplyPicOption(picOption, defaultPie);
        if (s.SignalingNans) s.TrappingMath = true;
        if (s.AssociativeMath && (s.TrappingMath || s.SignedZeros)) s.AssociativeMath = false; // gcc warns too
        return s;
    }

    /// <summary>
    /// gcc's prune_options (driver and cc1): of the occurrences of one negatable flag
    /// (<c>-fX</c>/<c>-fno-X</c>, <c>-mX</c>/<c>-mno-X</c>) only the last survives, so
    /// <c>-ffast-math -fno-fast-math</c> is just <c>-fno-fast-math</c> and
    /// <c>-mno-sse -msse</c> is just <c>-msse</c>. Options with arguments are kept.
    /// </summary>
    private static IEnumerable<GccOption> Prune(IReadOnlyList<GccOption> options)
    {
        var lastIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
            if (PruneKey(options[i]) is { } key) lastIndex[key] = i;
        for (var i = 0; i < options.Count; i++)
        {
            var o = options[i];
            if (!o.Known) continue;
            if (PruneKey(o) is { } key && lastIndex[key] != i) continue;
            yield return o;
        }
    }

    private static string? PruneKey(GccOption o)
    {
        if (o.Argument is not null || o.Name.EndsWith('=')) return null;
        var t = o.Name;
        // -msse4 and -mno-sse4 are distinct options in gcc, not negations of each other
        if (t is "-msse4" or "-mno-sse4" or "-mgeneral-regs-only") return null;
        if (t.StartsWith("-fno-", StringComparison.Ordinal)) return "-f" + t[5..];
        if (t.StartsWith("-mno-", StringComparison.Ordinal)) return "-m" + t[5..];
        if (t.StartsWith("-f", StringComparison.Ordinal) || t.StartsWith("-m", StringComparison.Ordinal)) return t;
        return null;
    }

    private void ApplyOptimizationLevel(string level)
    {
        switch (level)
        {
            case "0": OptimizeLevel = 0; break;
            case "" or "1" or "g": OptimizeLevel = 1; break;
            case "s" or "z": OptimizeLevel = 2; OptimizeSize = true; break;
            case "fast": OptimizeLevel = 3; SetFastMath(true); break;
            default:
                // -O2, -O3, -O4 ... (gcc caps at 3); anything unparsable acts like -O1
                OptimizeLevel = int.TryParse(level, out var n) ? Math.Min(n, 3) : 1;
                break;
        }
    }

    // opts.cc set_fast_math_flags
    private void SetFastMath(bool set)
    {
        UnsafeMath = set;
        SetUnsafeMath(set);
        FiniteMathOnly = set;
        ErrnoMath = !set;
        if (set)
        {
            ExcessPrecision = "fast";
            SignalingNans = false;
            RoundingMath = false;
            CxLimitedRange = true;
        }
    }

    // opts.cc set_unsafe_math_optimizations_flags
    private void SetUnsafeMath(bool set)
    {
        TrappingMath = !set;
        SignedZeros = !set;
        AssociativeMath = set;
        ReciprocalMath = set;
    }

    private void ApplyJoined(string text)
    {
        static string? Arg(string text, string prefix) =>
            text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : null;

        if (Arg(text, "-fcf-protection=") is { } cf)
            CfProtection = cf switch { "full" => 3, "branch" => 1, "return" => 2, _ => 0 };
        else if (Arg(text, "-fexcess-precision=") is { } ep)
            ExcessPrecision = ep;
        else if (Arg(text, "-ffp-contract=") is { } fc)
            FpContract = fc;
        else if (Arg(text, "-fpermitted-flt-eval-methods=") is { } pm)
            PermittedFltEvalMethods = pm;
        else if (Arg(text, "-ftree-parallelize-loops=") is { } pl)
            ParallelizeLoops = int.TryParse(pl, out var n) && n > 1;
        else if (Arg(text, "-fsanitize=") is { } on)
            foreach (var x in on.Split(',')) Sanitize.Add(x);
        else if (Arg(text, "-fno-sanitize=") is { } off)
            foreach (var x in off.Split(',')) { if (x == "all") Sanitize.Clear(); else Sanitize.Remove(x); }
    }

    private void ApplyDebug(string text)
    {
        // -g0 turns debug info off; any other level, DWARF, CTF or BTF turns it on (measured:
        // all make gcc emit CFI directives). Options that only tune the output (-gz,
        // -gno-record-gcc-switches, -gsplit-dwarf...) and the obsolete -gstabs leave it.
        var t = text.TrimEnd('0', '1', '2', '3', '4', '5');
        if (t is not ("-g" or "-ggdb" or "-gdwarf" or "-gdwarf-" or "-gvms" or "-gctf" or "-gbtf")) return;
        if (!text.EndsWith('0') || t == "-gdwarf-") DebugDwarf = true;
        else if (t is not ("-gctf" or "-gbtf")) DebugDwarf = false; // -gctf0 only drops CTF (measured)
    }

    // finish_options: -fpie/-fPIE imply pic; an explicit -fpic/-fPIC turns the default pie off
    private void ApplyPicOption(string? option, bool defaultPie)
    {
        int pic = -1, pie = -1;
        switch (option)
        {
            case "-fpic": pic = 1; break;
            case "-fPIC": pic = 2; break;
            case "-fpie": pie = 1; break;
            case "-fPIE": pie = 2; break;
            case "-fno-pic" or "-fno-PIC": pic = 0; break;
            case "-fno-pie" or "-fno-PIE": pie = 0; break;
        }
        if (pie == -1) pie = pic == -1 ? (defaultPie ? 2 : 0) : 0;
        if (pie != 0) pic = pie;
        else if (pic == -1) pic = 0;
        Pic = pic;
        Pie = pie;
    }
}
