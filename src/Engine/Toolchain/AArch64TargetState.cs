using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain.Data;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// gcc's aarch64 target options as far as they show in predefined macros. The feature
/// macros of each <c>-march=</c>/<c>-mcpu=</c> value and of each <c>+ext</c>/<c>+noext</c>
/// were measured with Debian's aarch64-linux-gnu-gcc-12 (<see cref="AArch64FeatureTables"/>);
/// combining several modifiers applies their measured effects in order, which approximates
/// gcc's implication rules (exact for a single modifier on the base architecture).
/// </summary>
internal sealed class AArch64TargetState
{
    private static readonly Dictionary<string, string> Architectures =
        AArch64FeatureTables.Architectures.ToDictionary(r => r.Arch, r => r.Macros, StringComparer.Ordinal);
    private static readonly Dictionary<string, string> Cpus =
        AArch64FeatureTables.Cpus.ToDictionary(r => r.Cpu, r => r.Macros, StringComparer.Ordinal);
    private static readonly Dictionary<string, (string Adds, string[] Removes)> Extensions =
        AArch64FeatureTables.Extensions.ToDictionary(r => r.Extension, r => (r.Adds, r.Removes.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal);

    /// <summary>Macros owned by this class: removed from the base list and recomputed.</summary>
    public static bool IsOptionDependent(string name) =>
        name.StartsWith("__ARM_FEATURE_", StringComparison.Ordinal) || name.StartsWith("__ARM_ARCH", StringComparison.Ordinal)
        || name.StartsWith("__ARM_NEON", StringComparison.Ordinal) || name.StartsWith("__ARM_FP", StringComparison.Ordinal)
        || name.StartsWith("__FP_FAST_FMA", StringComparison.Ordinal) || name.StartsWith("__AARCH64_CMODEL_", StringComparison.Ordinal)
        || name is "__FLT_EVAL_METHOD_C99__" or "__AARCH64EL__" or "__AARCH64EB__" or "__ARM_BIG_ENDIAN"
            or "__BYTE_ORDER__" or "__FLOAT_WORD_ORDER__";

    /// <summary>Feature macro name → value, in insertion order of the tables.</summary>
    public readonly Dictionary<string, string> Features = new(StringComparer.Ordinal);
    public bool BigEndian;
    public string CodeModel = "small";
    public int Pic;
    public string? BranchProtection;

    public bool FloatExceptionsSupported => Features.ContainsKey("__ARM_FP");

    /// <summary>Scalar half-precision arithmetic makes FLT_EVAL_METHOD 16 (aarch64_excess_precision).</summary>
    public int FltEvalMethod => Features.ContainsKey("__ARM_FEATURE_FP16_SCALAR_ARITHMETIC") ? 16 : 0;

    public static AArch64TargetState From(IEnumerable<GccOption> targetOptions, DiagnosticBag diags, int pic = 0)
    {
        var t = new AArch64TargetState { Pic = pic };
        string? march = null, mcpu = null;
        var generalRegsOnly = false;
        foreach (var o in targetOptions)
        {
            switch (o.Name)
            {
                case "-march=": march = o.Argument; continue;
                case "-mcpu=": mcpu = o.Argument; continue;
                case "-mcmodel=": t.CodeModel = o.Argument!; continue;
                case "-mbranch-protection=": t.BranchProtection = o.Argument; continue;
                case "-mabi=":
                    if (o.Argument != "lp64") diags.Warning($"'-mabi={o.Argument}' is not supported: predefined macros are those of -mabi=lp64");
                    continue;
            }
            switch (o.Text)
            {
                case "-mbig-endian": t.BigEndian = true; break;
                case "-mlittle-endian": t.BigEndian = false; break;
                case "-mgeneral-regs-only": generalRegsOnly = true; break;
            }
        }

        // -march decides the ISA over -mcpu (gcc warns when they conflict); default armv8-a
        var spec = march ?? mcpu;
        var (baseName, modifiers) = SplitModifiers(spec ?? "armv8-a");
        var table = march is not null ? Architectures : Cpus;
        if (spec is null) table = Architectures;
        if (!table.TryGetValue(baseName, out var macros))
        {
            diags.Warning($"unknown '{(march is not null ? "-march" : "-mcpu")}={spec}': predefined macros assume -march=armv8-a");
            macros = Architectures["armv8-a"];
            modifiers = [];
        }
        t.AddAll(macros);
        foreach (var m in modifiers)
        {
            var positive = !m.StartsWith("no", StringComparison.Ordinal) || Extensions.ContainsKey(m);
            var ext = positive ? m : m[2..];
            if (!Extensions.TryGetValue(ext, out var e))
            {
                diags.Warning($"unknown architecture extension '+{m}' ignored");
                continue;
            }
            if (positive) t.AddAll(e.Adds);
            else foreach (var r in e.Removes) t.Features.Remove(r);
        }
        if (generalRegsOnly)
            foreach (var r in Extensions["fp"].Removes) t.Features.Remove(r);
        return t;
    }

    private static (string Base, string[] Modifiers) SplitModifiers(string spec)
    {
        var parts = spec.Split('+');
        return (parts[0], parts[1..]);
    }

    private void AddAll(string macros)
    {
        foreach (var kv in macros.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = kv.IndexOf('=');
            Features[kv[..eq]] = kv[(eq + 1)..];
        }
    }

    /// <summary>The target's macros that depend on options.</summary>
    public IEnumerable<(string Name, string Body)> Macros(GccOptionState s)
    {
        foreach (var kv in Features) yield return (kv.Key, kv.Value);
        yield return ("__FLT_EVAL_METHOD_C99__", FltEvalMethod.ToString());
        if (s.UnsafeMath) yield return ("__ARM_FP_FAST", "1");
        if (BigEndian)
        {
            yield return ("__AARCH64EB__", "1");
            yield return ("__ARM_BIG_ENDIAN", "1");
            yield return ("__BYTE_ORDER__", "__ORDER_BIG_ENDIAN__");
            yield return ("__FLOAT_WORD_ORDER__", "__ORDER_BIG_ENDIAN__");
        }
        else
        {
            yield return ("__AARCH64EL__", "1");
            yield return ("__BYTE_ORDER__", "__ORDER_LITTLE_ENDIAN__");
            yield return ("__FLOAT_WORD_ORDER__", "__ORDER_LITTLE_ENDIAN__");
        }
        // small code model with -fpic is "small_spic", which has no macro
        switch (CodeModel)
        {
            case "tiny": yield return ("__AARCH64_CMODEL_TINY__", "1"); break;
            case "small" when s.Pic != 1: yield return ("__AARCH64_CMODEL_SMALL__", "1"); break;
            case "large": yield return ("__AARCH64_CMODEL_LARGE__", "1"); break;
        }
        foreach (var m in BranchProtectionMacros()) yield return m;
    }

    // -mbranch-protection=none|standard|pac-ret[+leaf][+b-key]|bti, '+'-joined
    private IEnumerable<(string, string)> BranchProtectionMacros()
    {
        if (BranchProtection is null) yield break;
        bool bti = false, pac = false, leaf = false, bkey = false;
        foreach (var part in BranchProtection.Split('+'))
        {
            switch (part)
            {
                case "none": bti = pac = leaf = bkey = false; break;
                case "standard": bti = true; pac = true; break;
                case "bti": bti = true; break;
                case "pac-ret": pac = true; break;
                case "leaf": leaf = true; break;
                case "b-key": bkey = true; break;
            }
        }
        if (bti) yield return ("__ARM_FEATURE_BTI_DEFAULT", "1");
        if (pac) yield return ("__ARM_FEATURE_PAC_DEFAULT", ((bkey ? 2 : 1) | (leaf ? 4 : 0)).ToString());
    }
}
