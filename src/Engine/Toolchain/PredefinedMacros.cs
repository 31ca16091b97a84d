using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// gcc's predefined macros for a compiler and command line: for x86_64 gcc 12.2 exactly the
/// set (names and replacement texts) that <c>gcc FLAGS -nostdinc -dM -E -xc /dev/null</c>
/// prints. <c>-D</c>/<c>-U</c> are not part of it (the preprocessor applies
/// <see cref="CompilerInvocation.MacroOperations"/> afterwards), nor is the implicitly
/// pre-included <c>stdc-predef.h</c> (see <see cref="IncludeSearchPath.ImplicitPreinclude"/>).
/// The driver's own <c>-D</c>s (<c>-pthread</c> → <c>_REENTRANT</c>, <c>-posix</c> →
/// <c>_POSIX_SOURCE</c>) are included, as gcc lists them.
/// <para>
/// How: the measured no-option list of the nearest <see cref="GccTargetTable"/> minus every
/// macro some option controls, plus those macros as the options set them
/// (<see cref="GccOptionState"/>, <see cref="X86TargetState"/>, <see cref="AArch64TargetState"/>).
/// </para>
/// </summary>
public sealed class PredefinedMacros
{
    private PredefinedMacros(IReadOnlyList<PredefinedMacro> macros, string? approximatedFrom)
    {
        Macros = macros;
        ApproximatedFrom = approximatedFrom;
    }

    /// <summary>The macros in a stable order (base list order, option-dependent ones after).</summary>
    public IReadOnlyList<PredefinedMacro> Macros { get; }

    /// <summary>The measured version used when the requested one has no exact table, else null.</summary>
    public string? ApproximatedFrom { get; }

    /// <summary>The <c>&lt;built-in&gt;</c> buffer: one <c>#define</c> line per macro.</summary>
    public string Text => string.Concat(Macros.Select(m => m.Line + "\n"));

    public PredefinedMacro? Find(string name) => Macros.FirstOrDefault(m => m.Name == name);

    /// <summary>Macros that target options control; removed from the base list and recomputed.</summary>
    private static readonly HashSet<string> OptionDependent = new(StringComparer.Ordinal)
    {
        "__OPTIMIZE__", "__OPTIMIZE_SIZE__", "__NO_INLINE__", "__GNUC_GNU_INLINE__", "__GNUC_STDC_INLINE__",
        "__STRICT_ANSI__", "__STDC_VERSION__", "__STDC_UTF_16__", "__STDC_UTF_32__", "__STDC_HOSTED__",
        "linux", "unix", "__CHAR_UNSIGNED__",
        "__WCHAR_TYPE__", "__WCHAR_MAX__", "__WCHAR_MIN__", "__WCHAR_WIDTH__", "__SIZEOF_WCHAR_T__",
        "__GNUC_WIDE_EXECUTION_CHARSET_NAME",
        "__pic__", "__PIC__", "__pie__", "__PIE__",
        "__SSP__", "__SSP_ALL__", "__SSP_STRONG__", "__SSP_EXPLICIT__", "__CET__",
        "__GCC_HAVE_DWARF2_CFI_ASM", "__EXCEPTIONS",
        "__FAST_MATH__", "__FINITE_MATH_ONLY__", "__NO_MATH_ERRNO__", "__RECIPROCAL_MATH__", "__NO_SIGNED_ZEROS__",
        "__NO_TRAPPING_MATH__", "__ASSOCIATIVE_MATH__", "__ROUNDING_MATH__", "__SUPPORT_SNAN__",
        "__GCC_IEC_559", "__GCC_IEC_559_COMPLEX", "__FLT_EVAL_METHOD__", "__FLT_EVAL_METHOD_TS_18661_3__",
        "_OPENMP", "_OPENACC", "_REENTRANT", "_POSIX_SOURCE",
        "__SANITIZE_ADDRESS__", "__SANITIZE_THREAD__", "__SANITIZE_HWADDRESS__",
    };

    /// <summary>What <c>-undef</c> leaves: libcpp's own macros (and the driver's <c>-D</c>s).</summary>
    private static readonly HashSet<string> KeptByUndef = new(StringComparer.Ordinal)
    {
        "__STDC__", "__STDC_VERSION__", "__STDC_UTF_16__", "__STDC_UTF_32__", "__STDC_HOSTED__",
        "_REENTRANT", "_POSIX_SOURCE",
    };

    /// <summary>Computes the predefined macros of <paramref name="spec"/> with the options of <paramref name="inv"/>.</summary>
    public static PredefinedMacros Compute(CompilerSpec spec, CompilerInvocation inv, DiagnosticBag diags)
    {
        var table = GccTargetTable.Select(spec, out var exact);
        string? approximatedFrom = null;
        if (!exact)
        {
            approximatedFrom = table.VersionText;
            diags.Warning($"predefined macros of gcc {spec.VersionText} approximated from gcc {table.VersionText}");
        }

        var state = GccOptionState.From(spec, inv, table.DefaultPie);
        var x86 = spec.Arch == TargetArch.X86_64 ? X86TargetState.From(state.TargetOptions, state.Pic, diags) : null;
        var arm = spec.Arch == TargetArch.AArch64 ? AArch64TargetState.From(state.TargetOptions, diags) : null;

        var baseMacros = table.BaseDefines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(PredefinedMacro.ParseLine).ToList();
        var result = new List<PredefinedMacro>(baseMacros.Count + 32);
        var float16 = new List<PredefinedMacro>();
        foreach (var m in baseMacros)
        {
            if (OptionDependent.Contains(m.Name)) continue;
            if (x86 is not null && IsX86OptionDependent(m.Name))
            {
                if (m.Name.StartsWith("__FLT16_", StringComparison.Ordinal)) float16.Add(m);
                continue;
            }
            if (arm is not null && AArch64TargetState.IsOptionDependent(m.Name)) continue;
            result.Add(m);
        }
        if (!exact) AdjustVersion(result, spec);

        var added = new List<(string Name, string Body)>();
        AddCommon(added, state, spec.Arch, x86, arm);
        if (x86 is not null)
        {
            added.AddRange(x86.Macros());
            if (x86.Has("sse2")) result.AddRange(float16); // _Float16 needs SSE2 on x86
        }
        if (arm is not null) added.AddRange(arm.Macros(state));
        result.AddRange(added.Select(a => new PredefinedMacro(a.Name, null, a.Body)));

        if (state.Undef) result.RemoveAll(m => !KeptByUndef.Contains(m.Name));
        return new PredefinedMacros(result, approximatedFrom);
    }

    private static bool IsX86OptionDependent(string name) =>
        X86TargetState.IsaMacros.Contains(name) || X86TargetState.CpuMacros.Contains(name)
        || name.StartsWith("__FLT16_", StringComparison.Ordinal) || name.StartsWith("__FP_FAST_FMA", StringComparison.Ordinal)
        || name.StartsWith("__code_model_", StringComparison.Ordinal)
        || name is "__BIGGEST_ALIGNMENT__" or "__MMX_WITH_SSE__" or "__SSE_MATH__" or "__SSE2_MATH__" or "_SOFT_FLOAT";

    private static void AdjustVersion(List<PredefinedMacro> macros, CompilerSpec spec)
    {
        for (var i = 0; i < macros.Count; i++)
        {
            var m = macros[i];
            var body = m.Name switch
            {
                "__GNUC__" => spec.Major.ToString(),
                "__GNUC_MINOR__" => spec.Minor.ToString(),
                "__GNUC_PATCHLEVEL__" => spec.Patch.ToString(),
                "__VERSION__" => $"\"{spec.VersionText}\"",
                _ => null,
            };
            if (body is not null) macros[i] = m with { Body = body };
        }
    }

    private static void AddCommon(List<(string, string)> added, GccOptionState s, TargetArch arch, X86TargetState? x86, AArch64TargetState? arm)
    {
        void Def(string name, string body = "1") => added.Add((name, body));

        if (s.OptimizeLevel > 0) Def("__OPTIMIZE__");
        if (s.OptimizeSize) Def("__OPTIMIZE_SIZE__");
        if (s.NoInline) Def("__NO_INLINE__");
        Def(s.Gnu89Inline ? "__GNUC_GNU_INLINE__" : "__GNUC_STDC_INLINE__");
        if (s.Standard.Strict) Def("__STRICT_ANSI__");
        else { Def("linux"); Def("unix"); } // builtin_define_std: the plain names only outside ISO mode
        if (s.Standard.StdcVersion is { } v) Def("__STDC_VERSION__", v);
        if (s.Standard.HasUnicodeLiterals) { Def("__STDC_UTF_16__"); Def("__STDC_UTF_32__"); }
        Def("__STDC_HOSTED__", s.Hosted ? "1" : "0");

        var targetInfo = TargetInfo.For(arch);
        if (!(s.ExplicitSignedChar ?? targetInfo.CharIsSigned)) Def("__CHAR_UNSIGNED__");
        var bigEndian = arm?.BigEndian ?? false;
        if (s.ShortWchar)
        {
            Def("__WCHAR_TYPE__", "short unsigned int");
            Def("__WCHAR_MAX__", "0xffff");
            Def("__WCHAR_MIN__", "0");
            Def("__WCHAR_WIDTH__", "16");
            Def("__SIZEOF_WCHAR_T__", "2");
            Def("__GNUC_WIDE_EXECUTION_CHARSET_NAME", bigEndian ? "\"UTF-16BE\"" : "\"UTF-16LE\"");
        }
        else
        {
            var signed = targetInfo.WcharType == "int";
            Def("__WCHAR_TYPE__", targetInfo.WcharType);
            Def("__WCHAR_MAX__", signed ? "0x7fffffff" : "0xffffffffU");
            Def("__WCHAR_MIN__", signed ? "(-__WCHAR_MAX__ - 1)" : "0U");
            Def("__WCHAR_WIDTH__", "32");
            Def("__SIZEOF_WCHAR_T__", "4");
            Def("__GNUC_WIDE_EXECUTION_CHARSET_NAME", bigEndian ? "\"UTF-32BE\"" : "\"UTF-32LE\"");
        }

        if (s.Pic > 0) { Def("__pic__", s.Pic.ToString()); Def("__PIC__", s.Pic.ToString()); }
        if (s.Pie > 0) { Def("__pie__", s.Pie.ToString()); Def("__PIE__", s.Pie.ToString()); }
        switch (s.StackProtector)
        {
            case 1: Def("__SSP__", "1"); break;
            case 2: Def("__SSP_ALL__", "2"); break;
            case 3: Def("__SSP_STRONG__", "3"); break;
            case 4: Def("__SSP_EXPLICIT__", "4"); break;
        }
        if (arch == TargetArch.X86_64 && s.CfProtection > 0) Def("__CET__", s.CfProtection.ToString());

        var defaultUnwind = arch == TargetArch.AArch64;
        var unwind = (s.AsyncUnwindTables ?? true) || (s.UnwindTables ?? defaultUnwind) || s.Exceptions || s.NonCallExceptions || s.DebugDwarf;
        if (s.Dwarf2CfiAsm && unwind) Def("__GCC_HAVE_DWARF2_CFI_ASM");
        if (s.Exceptions || s.NonCallExceptions) Def("__EXCEPTIONS");

        // c_cpp_builtins_optimize_pragma
        if (s.FastMath) Def("__FAST_MATH__");
        Def("__FINITE_MATH_ONLY__", s.FiniteMathOnly ? "1" : "0");
        if (!s.ErrnoMath) Def("__NO_MATH_ERRNO__");
        if (s.ReciprocalMath) Def("__RECIPROCAL_MATH__");
        if (!s.SignedZeros) Def("__NO_SIGNED_ZEROS__");
        if (!s.TrappingMath) Def("__NO_TRAPPING_MATH__");
        if (s.AssociativeMath) Def("__ASSOCIATIVE_MATH__");
        if (s.RoundingMath) Def("__ROUNDING_MATH__");
        if (s.SignalingNans) Def("__SUPPORT_SNAN__");

        // cpp_iec_559_value
        var flt = x86?.FltEvalMethod ?? arm!.FltEvalMethod;
        var iec = 2;
        if (s.Standard.Strict && (flt == -1 || (flt != 0 && !s.ExcessPrecisionStandard))) iec = 0;
        if (s.UnsafeMath || s.AssociativeMath || s.ReciprocalMath || s.FiniteMathOnly || !s.SignedZeros || s.SinglePrecisionConstant) iec = 0;
        if (!(x86?.FloatExceptionsSupported ?? arm!.FloatExceptionsSupported)) iec = 0;
        if (s.Standard.Strict && s.FpContractFast) iec = 0;
        Def("__GCC_IEC_559", iec.ToString());
        Def("__GCC_IEC_559_COMPLEX", s.CxLimitedRange || s.CxFortranRules ? "0" : iec.ToString());

        // c_flt_eval_method: C11 mode knows no 16
        Def("__FLT_EVAL_METHOD__", (flt == 16 && s.PermittedC11Only ? 0 : flt).ToString());
        Def("__FLT_EVAL_METHOD_TS_18661_3__", flt.ToString());

        if (s.OpenMp) Def("_OPENMP", "201511");
        if (s.OpenAcc) Def("_OPENACC", "201711");
        // the driver's %{pthread:-D_REENTRANT}, and what -fopenmp & co. bring in via -pthread
        if (s.Pthread || s.OpenMp || s.OpenAcc || s.GnuTm || s.ParallelizeLoops) Def("_REENTRANT");
        if (s.Posix) Def("_POSIX_SOURCE");
        if (s.Sanitize.Contains("address") || s.Sanitize.Contains("kernel-address")) Def("__SANITIZE_ADDRESS__");
        if (s.Sanitize.Contains("thread")) Def("__SANITIZE_THREAD__");
        if (arch == TargetArch.AArch64 && (s.Sanitize.Contains("hwaddress") || s.Sanitize.Contains("kernel-hwaddress")))
            Def("__SANITIZE_HWADDRESS__");
    }
}
