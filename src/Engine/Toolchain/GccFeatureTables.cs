using KlpCcp.Engine.Toolchain.Data;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// gcc 12.2's answers to <c>__has_attribute(x)</c>, <c>__has_c_attribute(x)</c> and
/// <c>__has_builtin(x)</c>, measured per target by <c>gen/gen_features.py</c>. Attribute
/// names are normalised as gcc does (<c>__x__</c> is <c>x</c>; <c>gnu::x</c> and
/// <c>__gnu__::x</c> are the GNU attribute <c>x</c>). Whether a C library function
/// (<c>memcpy</c>, <c>alloca</c>) counts as a builtin depends on the dialect and on
/// <c>-fno-builtin[-NAME]</c>/<c>-ffreestanding</c>: <see cref="For"/> takes them from the
/// command line. Other gcc versions use the 12.2 answers (an approximation
/// <see cref="PredefinedMacros"/> already warns about).
/// </summary>
public sealed class GccFeatureTables
{
    private sealed record AttributeAnswers(int Attr, int GnuAttr, int CAttr, int GnuCAttr);

    private sealed class ArchData
    {
        public required Dictionary<string, AttributeAnswers> Attributes { get; init; }
        public required HashSet<string> CoreBuiltins { get; init; }
        public required Dictionary<string, int> LibraryBuiltins { get; init; }
    }

    private static readonly Lazy<ArchData> X86 = new(() => Load(GccFeatureData.X86_64Attributes, GccFeatureData.X86_64CoreBuiltins, GccFeatureData.X86_64LibraryBuiltins));
    private static readonly Lazy<ArchData> Arm = new(() => Load(GccFeatureData.AArch64Attributes, GccFeatureData.AArch64CoreBuiltins, GccFeatureData.AArch64LibraryBuiltins));

    private readonly ArchData _data;
    private readonly int _stdBit;                 // bit of the dialect in the library masks
    private readonly bool _noLibraryBuiltins;     // -fno-builtin / -ffreestanding
    private readonly HashSet<string> _disabled;   // -fno-builtin-NAME

    private GccFeatureTables(ArchData data, int stdBit, bool noLibraryBuiltins, HashSet<string> disabled)
    {
        _data = data;
        _stdBit = stdBit;
        _noLibraryBuiltins = noLibraryBuiltins;
        _disabled = disabled;
    }

    /// <summary>The answers for x86_64 gcc 12.2 with default options (gnu17, hosted).</summary>
    public static GccFeatureTables Gcc12X86_64 { get; } = Create(TargetArch.X86_64, CStandard.DefaultFor(12), false, []);

    /// <summary>The answers under <paramref name="inv"/>'s dialect and builtin options (default options when null).</summary>
    public static GccFeatureTables For(CompilerSpec spec, CompilerInvocation? inv = null)
    {
        var std = inv?.Standard ?? CStandard.DefaultFor(spec.Major);
        var noBuiltin = false;
        var disabled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in inv?.Options ?? [])
        {
            switch (o.Text)
            {
                case "-fno-builtin" or "-ffreestanding" or "-fno-hosted": noBuiltin = true; break;
                case "-fbuiltin" or "-fhosted" or "-fno-freestanding": noBuiltin = false; break;
                default:
                    if (o.Text.StartsWith("-fno-builtin-", StringComparison.Ordinal)) disabled.Add(o.Text["-fno-builtin-".Length..]);
                    break;
            }
        }
        return Create(spec.Arch, std, noBuiltin, disabled);
    }

    private static GccFeatureTables Create(TargetArch arch, CStandard std, bool noBuiltin, HashSet<string> disabled)
    {
        var data = arch == TargetArch.X86_64 ? X86.Value : Arm.Value;
        if (arch == TargetArch.AArch64 && data.Attributes.Count == 0) data = X86.Value; // tables generated without the cross compiler
        var stdBit = Array.IndexOf(GccFeatureData.Stds, std.ToString() switch { "c94" => "c89", var s => s });
        return new GccFeatureTables(data, stdBit, noBuiltin, disabled);
    }

    /// <summary><c>__has_attribute(name)</c>: 0 if unknown, else gcc's value (1, or a date for C2x standard attributes).</summary>
    public int HasAttribute(string name)
    {
        if (SplitScope(name) is var (scope, attr) && scope is not null)
            return scope is "gnu" ? Lookup(attr)?.GnuAttr ?? 0 : 0;
        return Lookup(Normalize(name))?.Attr ?? 0;
    }

    /// <summary><c>__has_c_attribute(name)</c>: the C2x standard attributes (by date) and <c>gnu::</c> ones.</summary>
    public int HasCAttribute(string name)
    {
        if (SplitScope(name) is var (scope, attr) && scope is not null)
            return scope is "gnu" ? Lookup(attr)?.GnuCAttr ?? 0 : 0;
        return Lookup(Normalize(name))?.CAttr ?? 0;
    }

    /// <summary><c>__has_builtin(name)</c> (no normalisation: <c>__builtin_x</c> and <c>x</c> differ).</summary>
    public bool HasBuiltin(string name)
    {
        if (_data.CoreBuiltins.Contains(name)) return true;
        if (_noLibraryBuiltins || _disabled.Contains(name)) return false;
        return _data.LibraryBuiltins.TryGetValue(name, out var mask) && _stdBit >= 0 && (mask & (1 << _stdBit)) != 0;
    }

    private AttributeAnswers? Lookup(string name) =>
        _data.Attributes.GetValueOrDefault(name) ?? _data.Attributes.GetValueOrDefault(Normalize(name));

    // gcc strips one pair of double underscores: __packed__ is packed
    private static string Normalize(string name) =>
        name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal)
            ? name[2..^2] : name;

    private static (string? Scope, string Name) SplitScope(string name)
    {
        var i = name.IndexOf("::", StringComparison.Ordinal);
        if (i < 0) return (null, name);
        return (Normalize(name[..i].Trim()), Normalize(name[(i + 2)..].Trim()));
    }

    private static ArchData Load((string Name, int Attr, int GnuAttr, int CAttr, int GnuCAttr)[] attrs, string core, (string Name, int StdMask)[] lib) => new()
    {
        Attributes = attrs.ToDictionary(a => a.Name, a => new AttributeAnswers(a.Attr, a.GnuAttr, a.CAttr, a.GnuCAttr), StringComparer.Ordinal),
        CoreBuiltins = core.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
        LibraryBuiltins = lib.ToDictionary(l => l.Name, l => l.StdMask, StringComparer.Ordinal),
    };
}
