using KlpCcp.Engine.Toolchain.Data;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// How gcc spells its options: which take an argument (joined <c>-Idir</c> or separate
/// <c>-I dir</c>), which take one only joined (<c>-std=gnu11</c>, <c>-Wp,…</c>), and which
/// spellings gcc knows at all (harvested from gcc's help by <c>gen/gen_options.py</c>).
/// Matching is longest-prefix, as in gcc's option decoder.
/// </summary>
internal static class GccOptionSyntax
{
    /// <summary>Options whose argument is joined or is the next word.</summary>
    private static readonly string[] JoinedOrSeparate =
    [
        "-I", "-D", "-U", "-o", "-x", "-L", "-l", "-A", "-B", "-T", "-u", "-z",
        "-include", "-imacros", "-isystem", "-iquote", "-idirafter", "-iprefix", "-iwithprefix",
        "-iwithprefixbefore", "-isysroot", "-imultilib", "-imultiarch", "-iplugindir=",
        "-MF", "-MT", "-MQ", "-aux-info", "-dumpbase", "-dumpbase-ext", "-dumpdir",
        "--sysroot", "--param",
    ];

    /// <summary>Options whose argument is only the next word.</summary>
    private static readonly string[] SeparateOnly = ["-Xlinker", "-Xassembler", "-Xpreprocessor", "-wrapper"];

    /// <summary>cpp's -MD/-MMD take the dependency file as an argument (the driver supplies it; kbuild passes it via -Wp,).</summary>
    private static readonly string[] SeparateInPreprocessor = ["-MD", "-MMD"];

    /// <summary>Options without an argument that a longer-prefix rule above would otherwise swallow.</summary>
    private static readonly HashSet<string> ExactFlags = new(StringComparer.Ordinal)
    {
        "-undef", "-dumpmachine", "-dumpversion", "-dumpfullversion", "-dumpspecs",
    };

    /// <summary>Driver and linker flags that gcc's help classes do not list.</summary>
    private static readonly string[] DriverFlags =
    [
        "-pthread", "-posix", "-pie", "-no-pie", "-static-pie", "-static", "-shared", "-rdynamic", "-s",
        "-r", "-symbolic", "-nostdlib", "-nostartfiles", "-nodefaultlibs", "-nolibc", "-static-libgcc",
        "-shared-libgcc", "-static-libasan", "-static-libtsan", "-static-libubsan", "-Q", "-###",
        "-print-search-dirs", "-print-libgcc-file-name", "-print-multiarch", "-print-sysroot",
        "-print-file-name=", "-print-prog-name=", "-coverage", "--coverage", "-fsyntax-only",
    ];

    private static readonly HashSet<string> CommonNames = new(GccOptionNames.Common.Concat(DriverFlags).Select(StripStar), StringComparer.Ordinal);
    private static readonly string[] CommonJoined = Joined([.. GccOptionNames.Common, .. DriverFlags]);
    private static readonly HashSet<string> X86Names = new(GccOptionNames.X86_64.Select(StripStar), StringComparer.Ordinal);
    private static readonly string[] X86Joined = Joined(GccOptionNames.X86_64);
    private static readonly HashSet<string> AArch64Names = new(GccOptionNames.AArch64.Select(StripStar), StringComparer.Ordinal);
    private static readonly string[] AArch64Joined = Joined(GccOptionNames.AArch64);

    private static string StripStar(string s) => s.EndsWith('*') ? s[..^1] : s;

    private static string[] Joined(string[] names) =>
        names.Where(n => n.EndsWith('=') || n.EndsWith('*') || n.EndsWith('-')).Select(StripStar)
             .OrderByDescending(n => n.Length).ToArray();

    /// <summary>
    /// If <paramref name="word"/> is an option taking an argument, returns that option's
    /// name and whether the argument may be (or must be) the next word; the joined argument
    /// is the rest of the word.
    /// </summary>
    public static (string Name, bool MayBeSeparate)? MatchArgumentOption(string word, bool inPreprocessor)
    {
        if (ExactFlags.Contains(word)) return null;
        if (inPreprocessor && SeparateInPreprocessor.Contains(word)) return (word, true);
        foreach (var o in SeparateOnly)
            if (word == o) return (o, true);
        string? best = null;
        foreach (var o in JoinedOrSeparate)
            if (word.StartsWith(o, StringComparison.Ordinal) && (best is null || o.Length > best.Length))
                best = o;
        if (best is null) return null;
        // "--sysroot=dir" and "--param=x=y" are the joined forms of the two long options
        if (best is "--sysroot" or "--param")
        {
            if (word == best) return (best, true);
            if (word[best.Length] == '=') return (best + "=", false);
            return null;
        }
        // -iplugindir= is joined only
        return (best, !best.EndsWith('='));
    }

    /// <summary>
    /// Whether gcc (the version we have tables for) knows the option spelled
    /// <paramref name="word"/> (no separate argument), including <c>-fno-</c>/<c>-mno-</c>/
    /// <c>-Wno-</c> negations and <c>-Werror=</c>/<c>-Wno-error=</c> of a known warning.
    /// </summary>
    public static bool IsKnown(string word, TargetArch? arch)
    {
        foreach (var err in (ReadOnlySpan<string>)["-Werror=", "-Wno-error="])
            if (word.StartsWith(err, StringComparison.Ordinal) && word.Length > err.Length)
                return IsKnown("-W" + word[err.Length..], arch);
        if (IsKnownExact(word, arch)) return true;
        foreach (var neg in (ReadOnlySpan<string>)["-fno-", "-mno-", "-Wno-"])
            if (word.StartsWith(neg, StringComparison.Ordinal) && IsKnownExact(word[..2] + word[neg.Length..], arch))
                return true;
        return false;
    }

    private static bool IsKnownExact(string word, TargetArch? arch)
    {
        // debug levels are not listed by gcc's help: -g3, -ggdb1, -gdwarf-4, -gstabs2 ...
        if (word.StartsWith("-g", StringComparison.Ordinal))
        {
            var stem = word.TrimEnd('0', '1', '2', '3', '4', '5');
            if (stem.Length < word.Length && (stem is "-g" or "-ggdb" or "-gdwarf-" or "-gstabs" or "-gstabs+" or "-gvms" or "-gxcoff" or "-gxcoff+" or "-gctf" or "-gbtf" or "-gcoff"))
                return true;
        }
        if (CommonNames.Contains(word) || MatchesJoined(word, CommonJoined)) return true;
        if (arch is null or TargetArch.X86_64 && (X86Names.Contains(word) || MatchesJoined(word, X86Joined))) return true;
        if (arch is null or TargetArch.AArch64 && (AArch64Names.Contains(word) || MatchesJoined(word, AArch64Joined))) return true;
        return false;
    }

    private static bool MatchesJoined(string word, string[] joined)
    {
        foreach (var j in joined)
            if (word.Length > j.Length && word.StartsWith(j, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <summary>
    /// Splits a known joined option into name and argument: <c>-march=x86-64</c> →
    /// (<c>-march=</c>, <c>x86-64</c>), <c>-O2</c> → (<c>-O</c>, <c>2</c>), <c>-std=gnu11</c> →
    /// (<c>-std=</c>, <c>gnu11</c>). Flags and unknown words come back whole.
    /// </summary>
    public static (string Name, string? Argument) SplitJoined(string word)
    {
        if (word.Length > 2 && word.StartsWith("-O", StringComparison.Ordinal)) return ("-O", word[2..]);
        if (word.StartsWith("-W", StringComparison.Ordinal) && word.Length > 3 && word[3] == ',' && word[2] is 'p' or 'a' or 'l')
            return (word[..4], word[4..]);
        if (word.StartsWith("-d", StringComparison.Ordinal) && !word.StartsWith("-dump", StringComparison.Ordinal) && word.Length > 2)
            return ("-d", word[2..]);
        var eq = word.IndexOf('=');
        if (eq > 0 && word.StartsWith('-')) return (word[..(eq + 1)], word[(eq + 1)..]);
        return (word, null);
    }
}
