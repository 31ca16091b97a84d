using System.Globalization;
using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// The compiler the original build used, from <c>--compiler=ARCH-gcc-MAJ.MIN.PATCH</c>.
/// Unlike the old tool, any well-formed gcc version from 4.8 on is accepted: predefines of a
/// version without measured data are approximated from the nearest one (see
/// <see cref="PredefinedMacros"/>), with a warning.
/// </summary>
public sealed record CompilerSpec(TargetArch Arch, int Major, int Minor, int Patch)
{
    /// <summary>Oldest gcc whose C dialect and option set we model at all.</summary>
    public static readonly (int Major, int Minor) OldestSupported = (4, 8);

    /// <summary>The spelling as given on the command line, e.g. <c>x86_64-gcc-12.2.0</c>.</summary>
    public override string ToString() => $"{ArchName(Arch)}-gcc-{VersionText}";

    public string VersionText => $"{Major}.{Minor}.{Patch}";

    /// <summary>The GNU triplet's CPU part: <c>x86_64</c> or <c>aarch64</c>.</summary>
    public static string ArchName(TargetArch arch) => arch == TargetArch.X86_64 ? "x86_64" : "aarch64";

    /// <summary>
    /// Parses <paramref name="text"/>; on error reports it to <paramref name="diags"/> (texts of
    /// SPEC 1.1) and returns null.
    /// </summary>
    public static CompilerSpec? Parse(string text, DiagnosticBag diags)
    {
        var dash = text.LastIndexOf('-');
        if (dash < 0)
        {
            diags.Error($"compiler version specification missing in '{text}'");
            return null;
        }
        var archCompiler = text[..dash];
        var version = text[(dash + 1)..];
        TargetArch arch;
        switch (archCompiler)
        {
            case "x86_64-gcc": arch = TargetArch.X86_64; break;
            case "aarch64-gcc": arch = TargetArch.AArch64; break;
            default:
                diags.Error($"unrecognized compiler specification '{archCompiler}'");
                return null;
        }
        var parts = version.Split('.');
        if (parts.Length != 3 || !parts.All(IsNumber))
        {
            diags.Error($"compiler version specifier '{version}' has invalid format");
            return null;
        }
        var nums = parts.Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        if ((nums[0], nums[1]).CompareTo(OldestSupported) < 0)
        {
            // SPEC 1.1's text for a version the tool does not know
            diags.Error($"unrecognized compiler version '{version}'");
            return null;
        }
        return new CompilerSpec(arch, nums[0], nums[1], nums[2]);
    }

    // "12", not "+12", " 12", "1e3" or a number too large for an int
    private static bool IsNumber(string s) =>
        s.Length is > 0 and <= 6 && s.All(char.IsAsciiDigit);
}
