namespace KlpCcp.Engine.Toolchain;

/// <summary>How <c>long double</c> is represented.</summary>
public enum LongDoubleFormat
{
    /// <summary>x87 80-bit extended precision (64-bit mantissa) in 16 bytes: x86_64.</summary>
    X87Extended80,
    /// <summary>IEEE binary128 (113-bit mantissa): aarch64.</summary>
    IeeeQuad128,
}

/// <summary>The shape of <c>__builtin_va_list</c>.</summary>
public enum VaListKind
{
    /// <summary>x86_64: <c>struct __va_list_tag { unsigned gp_offset, fp_offset; void *overflow_arg_area, *reg_save_area; }[1]</c>.</summary>
    X86_64ArrayOfTag,
    /// <summary>aarch64: <c>struct __va_list { void *__stack, *__gr_top, *__vr_top; int __gr_offs, __vr_offs; }</c>.</summary>
    AArch64Struct,
}

/// <summary>
/// Size and alignment (bytes) of a basic C type on the target.
/// </summary>
public readonly record struct TypeLayout(int Size, int Alignment);

/// <summary>
/// The target ABI facts a C front end needs (LP64 on both targets): type sizes and
/// alignments, char signedness, the types behind <c>size_t</c>, <c>ptrdiff_t</c>,
/// <c>wchar_t</c>... Values agree with gcc 12's predefines (<c>__SIZEOF_*__</c>,
/// <c>__*_TYPE__</c>, <c>__CHAR_UNSIGNED__</c>, <c>__BIGGEST_ALIGNMENT__</c>).
/// <see cref="For(CompilerSpec, CompilerInvocation)"/> applies the options that change them
/// (<c>-f[un]signed-char</c>, <c>-fshort-wchar</c>, <c>-mbig-endian</c>, x86 ISA alignment).
/// </summary>
public sealed record TargetInfo
{
    public required TargetArch Arch { get; init; }
    public bool LittleEndian { get; init; } = true;
    public required bool CharIsSigned { get; init; }
    public int CharBits => 8;

    public TypeLayout Bool { get; init; } = new(1, 1);
    public TypeLayout Char { get; init; } = new(1, 1);
    public TypeLayout Short { get; init; } = new(2, 2);
    public TypeLayout Int { get; init; } = new(4, 4);
    public TypeLayout Long { get; init; } = new(8, 8);
    public TypeLayout LongLong { get; init; } = new(8, 8);
    public TypeLayout Int128 { get; init; } = new(16, 16);
    public TypeLayout Pointer { get; init; } = new(8, 8);
    public TypeLayout Float { get; init; } = new(4, 4);
    public TypeLayout Double { get; init; } = new(8, 8);
    public TypeLayout LongDouble { get; init; } = new(16, 16);
    /// <summary>x86 <c>__float80</c> (null on aarch64, which has no such type).</summary>
    public TypeLayout? Float80 { get; init; }
    public TypeLayout Float128 { get; init; } = new(16, 16);
    public TypeLayout Float16 { get; init; } = new(2, 2);

    public required LongDoubleFormat LongDoubleFormat { get; init; }
    /// <summary>Bits of the long double mantissa (<c>__LDBL_MANT_DIG__</c>).</summary>
    public int LongDoubleMantissaBits => LongDoubleFormat == LongDoubleFormat.X87Extended80 ? 64 : 113;

    /// <summary>gcc's spelling of the type behind <c>wchar_t</c> (<c>__WCHAR_TYPE__</c>).</summary>
    public required string WcharType { get; init; }
    public TypeLayout Wchar { get; init; } = new(4, 4);
    public string SizeType => "long unsigned int";
    public string PtrdiffType => "long int";
    public string IntmaxType => "long int";
    public string UintmaxType => "long unsigned int";
    public string IntptrType => "long int";
    public string UintptrType => "long unsigned int";
    public string WintType => "unsigned int";
    public string Char16Type => "short unsigned int";
    public string Char32Type => "unsigned int";
    public string SigAtomicType => "int";

    /// <summary><c>__BIGGEST_ALIGNMENT__</c>: x86 16, 32 with AVX, 64 with AVX-512F; aarch64 16.</summary>
    public int BiggestAlignment { get; init; } = 16;

    public required VaListKind VaList { get; init; }
    /// <summary>Size and alignment of <c>va_list</c>: 24/8 on x86_64 (array of one tag), 32/8 on aarch64.</summary>
    public TypeLayout VaListLayout => VaList == VaListKind.X86_64ArrayOfTag ? new(24, 8) : new(32, 8);

    /// <summary>The ABI defaults of an architecture (no options applied).</summary>
    public static TargetInfo For(TargetArch arch) => arch == TargetArch.X86_64
        ? new TargetInfo
        {
            Arch = arch,
            CharIsSigned = true,
            LongDoubleFormat = LongDoubleFormat.X87Extended80,
            Float80 = new(16, 16),
            WcharType = "int",
            VaList = VaListKind.X86_64ArrayOfTag,
        }
        : new TargetInfo
        {
            Arch = arch,
            CharIsSigned = false,
            LongDoubleFormat = LongDoubleFormat.IeeeQuad128,
            WcharType = "unsigned int",
            VaList = VaListKind.AArch64Struct,
        };

    /// <summary>The ABI of <paramref name="spec"/> with the options of <paramref name="inv"/> applied.</summary>
    public static TargetInfo For(CompilerSpec spec, CompilerInvocation inv)
    {
        var diags = new Diagnostics.DiagnosticBag(); // warnings were given by PredefinedMacros already
        return For(spec, PredefinedMacros.Compute(spec, inv, diags));
    }

    /// <summary>The ABI of <paramref name="spec"/> as the predefined macros of its options describe it.</summary>
    public static TargetInfo For(CompilerSpec spec, PredefinedMacros macros)
    {
        var info = For(spec.Arch);
        var wchar = macros.Find("__WCHAR_TYPE__")?.Body ?? info.WcharType;
        var wcharSize = int.Parse(macros.Find("__SIZEOF_WCHAR_T__")?.Body ?? "4");
        return info with
        {
            CharIsSigned = macros.Find("__CHAR_UNSIGNED__") is null,
            WcharType = wchar,
            Wchar = new(wcharSize, wcharSize),
            LittleEndian = macros.Find("__BYTE_ORDER__")?.Body != "__ORDER_BIG_ENDIAN__",
            BiggestAlignment = int.Parse(macros.Find("__BIGGEST_ALIGNMENT__")?.Body ?? "16"),
        };
    }
}
