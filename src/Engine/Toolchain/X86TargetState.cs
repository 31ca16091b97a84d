using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain.Data;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// gcc's x86-64 target options as far as they show in predefined macros: the ISA set
/// (<c>-march=</c>'s, overridden bit by bit by explicit <c>-mISA</c>/<c>-mno-ISA</c> in
/// order, each with the implications measured in <see cref="X86IsaTables"/>), the tuning,
/// <c>-mfpmath</c>, the x87 switch, the code model. Mirrors ix86_option_override_internal.
/// </summary>
internal sealed class X86TargetState
{
    private static readonly Dictionary<string, (string? Macro, string[] On, string[] Off)> Isas =
        X86IsaTables.Isas.ToDictionary(r => r.Isa, r => (r.Macro, Words(r.On), Words(r.Off)), StringComparer.Ordinal);
    private static readonly Dictionary<string, (string[] Isas, string[] Arch, string[] Tune)> Processors =
        X86IsaTables.Processors.ToDictionary(r => r.Cpu, r => (Words(r.Isas), Words(r.ArchMacros), Words(r.TuneMacros)), StringComparer.Ordinal);
    private static readonly Dictionary<string, string[]> Tunings =
        X86IsaTables.Tunings.ToDictionary(r => r.Cpu, r => Words(r.Macros), StringComparer.Ordinal);

    /// <summary>Every macro an ISA option can define (all are removed from the base list first).</summary>
    public static readonly IReadOnlySet<string> IsaMacros = Isas.Values.Where(v => v.Macro is not null).Select(v => v.Macro!).ToHashSet();

    /// <summary>Every arch or tune macro any processor defines.</summary>
    public static readonly IReadOnlySet<string> CpuMacros =
        Processors.Values.SelectMany(p => p.Arch.Concat(p.Tune)).Concat(Tunings.Values.SelectMany(t => t)).ToHashSet();

    private static string[] Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public readonly HashSet<string> Enabled = new(StringComparer.Ordinal);
    public string[] ArchMacros = [];
    public string[] TuneMacros = [];
    public bool X87 = true;
    public bool FpmathSse;
    public bool Fpmath387;
    public string CodeModel = "small";

    public bool Has(string isa) => Enabled.Contains(isa);

    /// <summary>FLT_EVAL_METHOD the target implies (TARGET_FLT_EVAL_METHOD, plus -mavx512fp16's 16).</summary>
    public int FltEvalMethod
    {
        get
        {
            if (!X87) return SseMath && Has("avx512fp16") ? 16 : 0;
            if (FpmathSse && Fpmath387) return -1;
            if (!SseMath) return 2;
            if (Has("avx512fp16")) return 16;
            return Has("sse2") ? 0 : -1;
        }
    }

    public bool SseMath => FpmathSse && Has("sse");

    /// <summary>ix86_float_exceptions_rounding_supported_p.</summary>
    public bool FloatExceptionsSupported => X87 || SseMath;

    public static X86TargetState From(IEnumerable<GccOption> targetOptions, int pic, DiagnosticBag diags)
    {
        var t = new X86TargetState();
        var explicitOn = new HashSet<string>(StringComparer.Ordinal);
        var explicitMask = new HashSet<string>(StringComparer.Ordinal);
        string march = "x86-64";
        string? mtune = null;
        string? fpmath = null;
        foreach (var o in targetOptions)
        {
            var text = o.Text;
            switch (o.Name)
            {
                case "-march=": march = o.Argument!; continue;
                case "-mtune=" or "-mcpu=": mtune = o.Argument!; continue;
                case "-mfpmath=": fpmath = o.Argument!; continue;
                case "-mcmodel=": t.CodeModel = o.Argument!; continue;
            }
            switch (text)
            {
                case "-m80387" or "-mhard-float": t.X87 = true; continue;
                case "-mno-80387" or "-msoft-float": t.X87 = false; continue;
                case "-m64": continue;
                case "-m32" or "-mx32" or "-m16":
                    diags.Warning($"'{text}' is not supported: predefined macros are those of -m64");
                    continue;
                case "-mgeneral-regs-only":
                    // like -mno-mmx -mno-sse -mno-80387 (and everything that needs them)
                    foreach (var off in Isas["mmx"].Off.Concat(Isas["sse"].Off).Concat(Isas["3dnow"].Off))
                    {
                        explicitOn.Remove(off);
                        explicitMask.Add(off);
                    }
                    t.X87 = false;
                    continue;
            }
            var positive = !text.StartsWith("-mno-", StringComparison.Ordinal);
            var isa = positive ? text[2..] : text[5..];
            if (isa == "sse4") isa = positive ? "sse4.2" : "sse4.1"; // gcc's aliases
            if (!Isas.TryGetValue(isa, out var entry)) continue;      // not an ISA option
            foreach (var x in positive ? entry.On : entry.Off)
            {
                explicitMask.Add(x);
                if (positive) explicitOn.Add(x); else explicitOn.Remove(x);
            }
        }

        if (march == "native")
        {
            diags.Warning("'-march=native' depends on the build machine's CPU: predefined macros assume -march=x86-64");
            march = "x86-64";
        }
        if (!Processors.TryGetValue(march, out var cpu))
        {
            diags.Warning($"unknown or 32-bit-only '-march={march}': predefined macros assume -march=x86-64");
            cpu = Processors["x86-64"];
        }
        // explicit options win bit by bit over the processor's set
        foreach (var x in cpu.Isas)
            if (!explicitMask.Contains(x)) t.Enabled.Add(x);
        t.Enabled.UnionWith(explicitOn);
        // what gcc adds after the fact unless explicitly refused
        if (t.Has("sse")) t.AddImplied("mmx", explicitMask);
        if (t.Has("sse4.2")) { t.AddImplied("popcnt", explicitMask); t.AddImplied("crc32", explicitMask); }
        if (t.Has("abm")) t.AddImplied("lzcnt", explicitMask);
        t.ArchMacros = cpu.Arch;

        if (mtune is null) t.TuneMacros = cpu.Tune;
        else if (mtune == "native") t.TuneMacros = [];
        else if (Tunings.TryGetValue(mtune, out var tune)) t.TuneMacros = tune;
        else diags.Warning($"unknown '-mtune={mtune}': no tuning macros defined");

        // -mfpmath (ix86_option_override_internal): the 64-bit default is sse when SSE is on,
        // else 387; an explicit sse without SSE falls back to 387 (if there is an x87), and
        // sse+387 without an x87 falls back to sse. A plain -mfpmath=387 is left alone.
        bool sse, x87;
        if (fpmath is null)
        {
            sse = t.Has("sse");
            x87 = !sse;
        }
        else
        {
            sse = fpmath.Contains("sse") || fpmath == "both";
            x87 = fpmath.Contains("387") || fpmath == "both";
            if (sse && !t.Has("sse"))
            {
                if (t.X87) { sse = false; x87 = true; }
            }
            else if (sse && x87 && !t.X87)
                x87 = false;
        }
        t.FpmathSse = sse;
        t.Fpmath387 = x87;

        if (t.CodeModel == "kernel" && pic != 0)
            diags.Warning("code model kernel does not support PIC mode (gcc rejects this)");
        return t;
    }

    private void AddImplied(string isa, HashSet<string> explicitMask)
    {
        if (!explicitMask.Contains(isa)) Enabled.Add(isa);
    }

    /// <summary>The target's macros that depend on options (all others come from the base table).</summary>
    public IEnumerable<(string Name, string Body)> Macros()
    {
        foreach (var isa in Enabled.OrderBy(x => x, StringComparer.Ordinal))
            if (Isas[isa].Macro is { } m) yield return (m, "1");
        foreach (var m in ArchMacros) yield return (m, "1");
        foreach (var m in TuneMacros) yield return (m, "1");
        yield return ("__BIGGEST_ALIGNMENT__", Has("avx512f") ? "64" : Has("avx") ? "32" : "16");
        if (SseMath && (Has("fma") || Has("fma4") || Has("avx512f")))
            foreach (var m in (string[])["__FP_FAST_FMA", "__FP_FAST_FMAF", "__FP_FAST_FMAF32", "__FP_FAST_FMAF32x", "__FP_FAST_FMAF64"])
                yield return (m, "1");
        if (Has("sse2")) yield return ("__MMX_WITH_SSE__", "1");
        if (SseMath) yield return ("__SSE_MATH__", "1");
        if (SseMath && Has("sse2")) yield return ("__SSE2_MATH__", "1");
        if (!X87) yield return ("_SOFT_FLOAT", "1");
        yield return ($"__code_model_{CodeModel}__", "1");
    }
}
