namespace KlpCcp.Engine.Toolchain;

/// <summary>Revisions of ISO C that <c>-std=</c> selects.</summary>
public enum CStandardRevision
{
    C89,
    C94,
    C99,
    C11,
    C17,
    C2x,
}

/// <summary>
/// A C dialect: the ISO revision and whether GNU extensions are on (<c>gnuNN</c>) or the
/// strict ISO mode (<c>cNN</c>, <c>-ansi</c>), which defines <c>__STRICT_ANSI__</c>.
/// </summary>
public sealed record CStandard(CStandardRevision Revision, bool Gnu)
{
    /// <summary>gcc's default dialect for a version: gnu89 before 5, gnu11 for 5–7, gnu17 from 8.</summary>
    public static CStandard DefaultFor(int gccMajor) => gccMajor switch
    {
        < 5 => new(CStandardRevision.C89, true),
        < 8 => new(CStandardRevision.C11, true),
        _ => new(CStandardRevision.C17, true),
    };

    /// <summary>The dialect of a C <c>-std=</c> value, null if it names none (C++ or unknown).</summary>
    public static CStandard? FromName(string name) => name switch
    {
        "c89" or "c90" or "iso9899:1990" => new(CStandardRevision.C89, false),
        "iso9899:199409" => new(CStandardRevision.C94, false),
        "c99" or "c9x" or "iso9899:1999" or "iso9899:199x" => new(CStandardRevision.C99, false),
        "c11" or "c1x" or "iso9899:2011" => new(CStandardRevision.C11, false),
        "c17" or "c18" or "iso9899:2017" or "iso9899:2018" => new(CStandardRevision.C17, false),
        "c2x" => new(CStandardRevision.C2x, false),
        "gnu89" or "gnu90" => new(CStandardRevision.C89, true),
        "gnu99" or "gnu9x" => new(CStandardRevision.C99, true),
        "gnu11" or "gnu1x" => new(CStandardRevision.C11, true),
        "gnu17" or "gnu18" => new(CStandardRevision.C17, true),
        "gnu2x" => new(CStandardRevision.C2x, true),
        _ => null,
    };

    /// <summary>True for the strict ISO modes (gcc's flag_iso).</summary>
    public bool Strict => !Gnu;

    /// <summary>C99 or later (gcc's flag_isoc99): C99 inline semantics, <c>__STDC_VERSION__</c> ≥ 199901L.</summary>
    public bool AtLeastC99 => Revision >= CStandardRevision.C99;

    /// <summary><c>__STDC_VERSION__</c> as gcc 12 defines it, null for C89 (which has none).</summary>
    public string? StdcVersion => Revision switch
    {
        CStandardRevision.C89 => null,
        CStandardRevision.C94 => "199409L",
        CStandardRevision.C99 => "199901L",
        CStandardRevision.C11 => "201112L",
        CStandardRevision.C17 => "201710L",
        _ => "202000L",
    };

    /// <summary>Whether u"" / U"" literals exist (libcpp's uliterals): gnu99 and later, c11 and later.</summary>
    public bool HasUnicodeLiterals => Gnu ? Revision >= CStandardRevision.C99 : Revision >= CStandardRevision.C11;

    public override string ToString() => (Gnu ? "gnu" : "c") + Revision switch
    {
        CStandardRevision.C89 => "89",
        CStandardRevision.C94 => "94",
        CStandardRevision.C99 => "99",
        CStandardRevision.C11 => "11",
        CStandardRevision.C17 => "17",
        _ => "2x",
    };
}
