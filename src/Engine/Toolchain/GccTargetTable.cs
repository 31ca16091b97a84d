using KlpCcp.Engine.Toolchain.Data;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// The measured data of one (arch, gcc version): its predefined macros with no options
/// (<c>gcc -nostdinc -dM -E -xc /dev/null</c>) and the configure-time defaults that options
/// are applied to. This is the ONE place to add a compiler: measure its base list with
/// <c>gen/gen_predefines.py</c> and add a row to <see cref="All"/>.
/// </summary>
internal sealed record GccTargetTable(
    TargetArch Arch,
    int Major,
    int Minor,
    int Patch,
    string BaseDefines,
    bool DefaultPie,
    bool DefaultUnwindTables)
{
    /// <summary>Every compiler we have exact data for.</summary>
    public static readonly GccTargetTable[] All =
    [
        // Debian 12's gcc 12.2.0 (configured --enable-default-pie; -fasynchronous-unwind-tables by default)
        new(TargetArch.X86_64, 12, 2, 0, GccBaseDefines.X86_64_12_2_0, DefaultPie: true, DefaultUnwindTables: false),
        // Debian 12's aarch64-linux-gnu-gcc-12 12.2.0 (also default PIE; unwind tables on by default)
        new(TargetArch.AArch64, 12, 2, 0, GccBaseDefines.AArch64_12_2_0, DefaultPie: true, DefaultUnwindTables: true),
    ];

    public string VersionText => $"{Major}.{Minor}.{Patch}";

    /// <summary>
    /// The table for <paramref name="spec"/>: the exact one, else the nearest version of the
    /// same arch (<paramref name="exact"/> false: the caller warns about the approximation).
    /// </summary>
    public static GccTargetTable Select(CompilerSpec spec, out bool exact)
    {
        var key = Key(spec.Major, spec.Minor, spec.Patch);
        var best = All.Where(t => t.Arch == spec.Arch)
                      .MinBy(t => Math.Abs(Key(t.Major, t.Minor, t.Patch) - key))!;
        exact = Key(best.Major, best.Minor, best.Patch) == key;
        return best;
    }

    // versions on one line: major dominates minor dominates patch
    private static long Key(int major, int minor, int patch) => major * 1_000_000L + minor * 1_000L + patch;
}
