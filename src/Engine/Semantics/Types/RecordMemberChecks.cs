using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Semantics.Types;

/// <summary>gcc's errors for invalid struct/union members (c-decl.cc grokfield, check_bitfield_type_and_width, finish_struct).</summary>
internal static class RecordMemberChecks
{
    public static void Check(RecordType record, DiagnosticBag diags, DiagnosticLocation? recordLocation)
    {
        var members = record.Members;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var anyNamed = false;
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var loc = m.Location ?? recordLocation;
            var name = m.Name ?? "<anonymous>";
            var c = m.Type.CanonicalType;
            if (m.BitWidth is int w)
            {
                CheckBitField(m, name, w, diags, loc);
            }
            else if (c is FunctionType)
            {
                diags.Error($"field '{name}' declared as a function", loc);
            }
            else if (c is ArrayType { SizeKind: ArraySizeKind.Incomplete })
            {
                if (record.IsUnion) diags.Error("flexible array member in union", loc);
                else if (i != members.Count - 1) diags.Error("flexible array member not at end of struct", loc);
                else if (!anyNamed) diags.Error("flexible array member in a struct with no named members", loc);
            }
            else if (!m.Type.IsComplete)
            {
                diags.Error($"field '{name}' has incomplete type", loc);
            }
            if (m.Name is not null || m.IsAnonymousRecord) anyNamed |= m.Name is not null || HasNamedMember(m.Type.CanonicalType as RecordType);
            CollectNames(m, seen, diags, loc);
        }
    }

    private static bool HasNamedMember(RecordType? r) =>
        r is { IsDefined: true } && r.Members.Any(m => m.Name is not null || (m.IsAnonymousRecord && HasNamedMember(m.Type.CanonicalType as RecordType)));

    private static void CollectNames(RecordMember m, HashSet<string> seen, DiagnosticBag diags, DiagnosticLocation? loc)
    {
        if (m.Name is not null)
        {
            if (!seen.Add(m.Name)) diags.Error($"duplicate member '{m.Name}'", loc);
        }
        else if (m.IsAnonymousRecord && m.Type.CanonicalType is RecordType { IsDefined: true } inner)
        {
            foreach (var im in inner.Members) CollectNames(im, seen, diags, loc);
        }
    }

    private static void CheckBitField(RecordMember m, string name, int width, DiagnosticBag diags, DiagnosticLocation? loc)
    {
        var c = m.Type.CanonicalType;
        if (!TypeKindFacts.IsInteger(c.Kind))
        {
            diags.Error($"bit-field '{name}' has invalid type", loc);
            return;
        }
        if (m.Type.IsAtomic || (m.Type.EffectiveQualifiers & TypeQualifiers.Atomic) != 0)
        {
            diags.Error(m.Name is null ? "bit-field has atomic type" : $"bit-field '{name}' has atomic type", loc);
            return;
        }
        if (width < 0)
        {
            diags.Error($"negative width in bit-field '{name}'", loc);
            return;
        }
        if (width == 0 && m.Name is not null)
        {
            diags.Error($"zero width for bit-field '{name}'", loc);
            return;
        }
        var maxWidth = c is IntegerType { IsBool: true } ? 1 : (c.Context.SizeOf(m.Type) ?? 4) * 8;
        if (width > maxWidth)
        {
            diags.Error($"width of '{name}' exceeds its type", loc);
            return;
        }
        if (c is EnumType { IsDefined: true } e && e.Enumerators.Count > 0)
        {
            var signed = e.CompatibleType.IsSigned;
            var need = 1;
            foreach (var en in e.Enumerators) need = Math.Max(need, MinPrecision(en.Value.Value, !signed));
            if (width < need) diags.Warning($"'{name}' is narrower than values of its type", loc);
        }
    }

    private static int MinPrecision(Int128 v, bool unsigned)
    {
        if (v < 0) v = ~v;
        if (v == 0) return 1;
        return 128 - (int)Int128.LeadingZeroCount(v) + (unsigned ? 0 : 1);
    }

    public static void CheckTransparentUnion(RecordType union, DiagnosticBag diags, DiagnosticLocation? loc)
    {
        if (union.Members.Count == 0) diags.Warning("union cannot be made transparent", loc);
    }
}
