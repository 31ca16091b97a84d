using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// <c>__attribute__((mode(M)))</c>: the type gcc substitutes for the declared one
/// (c-attribs.cc handle_mode_attribute with c_common_type_for_mode). Integer modes give the
/// standard type of that size with the declared type's signedness (int preferred for SI,
/// long for DI, so plain char becomes signed char on x86); float modes give float, double,
/// long double (XF on x86, TF on aarch64) or _Float128 (TF on x86) and _Float16 (HF);
/// complex modes the complex types. <c>byte</c>, <c>word</c>, <c>pointer</c> and
/// <c>unwind_word</c> are QI, DI, DI, DI on both LP64 targets; <c>__M__</c> spellings too.
/// </summary>
public static class MachineMode
{
    /// <summary>The type <paramref name="declared"/> becomes under <c>mode(<paramref name="mode"/>)</c>, or null after an error.</summary>
    public static QualifiedType? Apply(string mode, QualifiedType declared, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        var ctx = declared.Type.Context;
        var name = mode.Length > 4 && mode.StartsWith("__", StringComparison.Ordinal) && mode.EndsWith("__", StringComparison.Ordinal) ? mode[2..^2] : mode;
        name = name switch
        {
            "byte" => "QI",
            "word" or "pointer" or "unwind_word" => "DI",
            _ => name,
        };
        var canonical = declared.Canonical;
        var type = canonical.Type;
        CType? result;
        switch (name)
        {
            case "QI" or "HI" or "SI" or "DI" or "TI":
            {
                var bits = name switch { "QI" => 8, "HI" => 16, "SI" => 32, "DI" => 64, _ => 128 };
                if (type is PointerType)
                {
                    if (bits != 64)
                    {
                        diagnostics.Error($"invalid pointer mode '{mode}'", location);
                        return null;
                    }
                    return declared;
                }
                if (type is not IntegerType { IsBool: false } && type is not EnumType)
                {
                    diagnostics.Error($"mode '{mode}' applied to inappropriate type", location);
                    return null;
                }
                var unsigned = type is IntegerType it ? !it.IsSigned : !((EnumType)type).CompatibleType.IsSigned;
                result = ctx.IntegerTypeForSize(bits, unsigned);
                break;
            }
            case "HF" or "SF" or "DF" or "XF" or "TF":
            {
                if (type is not FloatingType)
                {
                    diagnostics.Error($"mode '{mode}' applied to inappropriate type", location);
                    return null;
                }
                result = FloatForMode(ctx, name);
                if (result is null)
                {
                    diagnostics.Error($"unable to emulate '{mode}'", location);
                    return null;
                }
                break;
            }
            case "SC" or "DC" or "XC" or "TC" or "HC":
            {
                if (type is not ComplexType { Element: FloatingType })
                {
                    diagnostics.Error($"mode '{mode}' applied to inappropriate type", location);
                    return null;
                }
                var inner = FloatForMode(ctx, name[0] + "F");
                if (inner is null)
                {
                    diagnostics.Error($"unable to emulate '{mode}'", location);
                    return null;
                }
                result = ctx.Complex(inner);
                break;
            }
            case "CQI" or "CHI" or "CSI" or "CDI" or "CTI":
            {
                if (type is not ComplexType { Element: IntegerType ce })
                {
                    diagnostics.Error($"mode '{mode}' applied to inappropriate type", location);
                    return null;
                }
                var bits = name switch { "CQI" => 8, "CHI" => 16, "CSI" => 32, "CDI" => 64, _ => 128 };
                result = ctx.Complex(ctx.IntegerTypeForSize(bits, !ce.IsSigned)!);
                break;
            }
            default:
                diagnostics.Error($"unknown machine mode '{mode}'", location);
                return null;
        }
        return new QualifiedType(result!, canonical.Qualifiers, canonical.AddressSpace);
    }

    private static FloatingType? FloatForMode(TypeContext ctx, string mode) => mode switch
    {
        "HF" => ctx.Float16,
        "SF" => ctx.Float,
        "DF" => ctx.Double,
        "XF" => ctx.Target.Arch == TargetArch.X86_64 ? ctx.LongDouble : null,
        "TF" => ctx.Target.Arch == TargetArch.X86_64 ? ctx.Float128 : ctx.LongDouble,
        _ => null,
    };
}
