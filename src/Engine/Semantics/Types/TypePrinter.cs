using System.Text;

namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// Prints types the way gcc's C pretty-printer does in diagnostics: <c>long unsigned int</c>,
/// <c>const char *</c>, <c>int (*)[4]</c>, <c>void (*)(int, ...)</c>, <c>int(int)</c>,
/// <c>struct foo</c>, <c>struct &lt;anonymous&gt;</c>; typedef names are kept.
/// </summary>
public static class TypePrinter
{
    public static string Print(QualifiedType type) => Print(type, "");

    /// <summary>Prints <paramref name="type"/> as the type of a declarator spelled <paramref name="declarator"/> ("" for an abstract one).</summary>
    public static string Print(QualifiedType type, string declarator)
    {
        var sb = new StringBuilder();
        Append(sb, type, declarator, declarator.Length > 0 && declarator[0] != '[' && declarator[0] != '(');
        return sb.ToString();
    }

    /// <summary>gcc's name of an integer or floating kind.</summary>
    public static string KindName(TypeKind kind) => kind switch
    {
        TypeKind.Void => "void",
        TypeKind.Bool => "_Bool",
        TypeKind.Char => "char",
        TypeKind.SignedChar => "signed char",
        TypeKind.UnsignedChar => "unsigned char",
        TypeKind.Short => "short int",
        TypeKind.UnsignedShort => "short unsigned int",
        TypeKind.Int => "int",
        TypeKind.UnsignedInt => "unsigned int",
        TypeKind.Long => "long int",
        TypeKind.UnsignedLong => "long unsigned int",
        TypeKind.LongLong => "long long int",
        TypeKind.UnsignedLongLong => "long long unsigned int",
        TypeKind.Int128 => "__int128",
        TypeKind.UnsignedInt128 => "__int128 unsigned",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        TypeKind.LongDouble => "long double",
        TypeKind.Float16 => "_Float16",
        TypeKind.Float32 => "_Float32",
        TypeKind.Float64 => "_Float64",
        TypeKind.Float128 => "_Float128",
        TypeKind.Float32x => "_Float32x",
        TypeKind.Float64x => "_Float64x",
        _ => kind.ToString(),
    };

    private static string QualifierPrefix(TypeQualifiers q, AddressSpace space)
    {
        var sb = new StringBuilder();
        if ((q & TypeQualifiers.Const) != 0) sb.Append("const ");
        if ((q & TypeQualifiers.Volatile) != 0) sb.Append("volatile ");
        if ((q & TypeQualifiers.Restrict) != 0) sb.Append("restrict ");
        if ((q & TypeQualifiers.Atomic) != 0) sb.Append("_Atomic ");
        if (space == AddressSpace.SegFs) sb.Append("__seg_fs ");
        else if (space == AddressSpace.SegGs) sb.Append("__seg_gs ");
        return sb.ToString();
    }

    /// <param name="spaceBeforeDeclarator">The declarator starts with '*', '(' grouping or a name, so the specifiers need a space.</param>
    private static void Append(StringBuilder sb, QualifiedType q, string declarator, bool spaceBeforeDeclarator)
    {
        switch (q.Type)
        {
            case PointerType p:
            {
                var quals = QualifierPrefix(q.Qualifiers, q.AddressSpace).TrimEnd();
                var inner = "*" + (quals.Length > 0 ? " " + quals + (declarator.Length > 0 ? " " : "") : "") + declarator;
                var pointee = p.Pointee.Canonical.Type;
                if (pointee is ArrayType || pointee is FunctionType) inner = "(" + inner + ")";
                Append(sb, p.Pointee, inner, true);
                return;
            }
            case ArrayType a:
            {
                var size = a.SizeKind switch
                {
                    ArraySizeKind.Fixed => a.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ArraySizeKind.Incomplete => "",
                    _ => "*",
                };
                // Qualifiers of an array type belong to its elements.
                var element = new QualifiedType(a.Element.Type, a.Element.Qualifiers | q.Qualifiers,
                    q.AddressSpace != AddressSpace.Generic ? q.AddressSpace : a.Element.AddressSpace);
                Append(sb, element, declarator + "[" + size + "]", spaceBeforeDeclarator);
                return;
            }
            case FunctionType f:
            {
                var ps = new StringBuilder();
                ps.Append(declarator).Append('(');
                if (f.IsPrototyped)
                {
                    if (f.Parameters.Count == 0 && !f.IsVariadic) ps.Append("void");
                    for (var i = 0; i < f.Parameters.Count; i++)
                    {
                        if (i > 0) ps.Append(", ");
                        ps.Append(Print(f.Parameters[i]));
                    }
                    if (f.IsVariadic) ps.Append(f.Parameters.Count > 0 ? ", ..." : "...");
                }
                ps.Append(')');
                Append(sb, f.ReturnType, ps.ToString(), spaceBeforeDeclarator);
                return;
            }
        }

        sb.Append(QualifierPrefix(q.Qualifiers, q.AddressSpace));
        switch (q.Type)
        {
            case TypedefType td:
                sb.Append(td.Name);
                break;
            case RecordType r:
                sb.Append(r.IsUnion ? "union " : "struct ").Append(r.Tag ?? "<anonymous>");
                break;
            case EnumType e:
                sb.Append("enum ").Append(e.Tag ?? "<anonymous>");
                break;
            case ComplexType c:
                sb.Append("complex ").Append(KindName(c.Element.Kind));
                break;
            case VectorType v:
                sb.Append("__vector(").Append(v.Count).Append(") ").Append(KindName(v.Element.Kind));
                break;
            default:
                sb.Append(KindName(q.Type.Kind));
                break;
        }
        if (declarator.Length > 0)
        {
            if (spaceBeforeDeclarator) sb.Append(' ');
            sb.Append(declarator);
        }
    }
}
