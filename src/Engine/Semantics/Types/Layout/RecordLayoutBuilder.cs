using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine.Semantics.Types.Layout;

/// <summary>
/// gcc's struct/union layout (stor-layout.cc: start_record_layout, place_field,
/// update_alignment_for_field, layout_decl, finalize_record_size) for the x86_64 and aarch64
/// ABIs: PCC_BITFIELD_TYPE_MATTERS, no ms_bitfield layout, no field-alignment adjustment.
/// Positions are kept as gcc keeps them, a byte offset plus a bit position below
/// <c>offset_align</c>, because one rounding (a bit-field straddling its type's unit) rounds
/// only the bit position. All alignments here are in bits.
/// </summary>
internal static class RecordLayoutBuilder
{
    public static RecordLayout Build(RecordType record)
    {
        var ctx = record.Context;
        var target = ctx.Target;
        var attrs = record.Attributes;
        var packed = attrs.Packed || ctx.Packing.PackAll;
        var maxFieldAlign = attrs.MaxFieldAlignment * 8;            // maximum_field_alignment (#pragma pack)
        var initialMaxFieldAlign = ctx.Packing.InitialMaxFieldAlignment * 8; // initial_max_fld_align (-fpack-struct=n)
        var biggest = target.BiggestAlignment * 8;
        var alignAnonBitfields = target.Arch == TargetArch.AArch64;   // TARGET_ALIGN_ANON_BITFIELD

        // start_record_layout
        long typeAlign = attrs.Alignment is int ua ? Math.Max(8, ua * 8) : 8;
        long recordAlign = typeAlign;
        var offsetAlign = Math.Max(recordAlign, biggest);
        long offset = 0;   // bytes
        long bitpos = 0;   // bits, < offsetAlign after normalisation
        var userAlign = attrs.Alignment is not null;

        var members = record.Members;
        var result = new MemberLayout[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var field = FieldFacts.Of(ctx, m, packed);
            if (!field.Valid)
            {
                result[i] = new MemberLayout(offset * 8 + bitpos, 0, m.IsBitField);
                continue;
            }

            long knownAlign;
            if (record.IsUnion) knownAlign = 0;
            else if (bitpos != 0) knownAlign = LeastBit(bitpos);
            else if (offset == 0) knownAlign = 0;
            else knownAlign = 8 * LeastBit(offset);

            // layout_decl
            var declAlign = field.UserAlign;       // DECL_ALIGN starts at 1 bit or the member's aligned(N)
            var declUserAlign = field.HasUserAlign; // DECL_USER_ALIGN
            var packedP = field.DeclPacked;
            var zeroBitfield = false;
            var stillBitField = m.IsBitField;       // DECL_BIT_FIELD
            if (m.IsBitField)
            {
                if (field.Width == 0)
                {
                    zeroBitfield = true;
                    packedP = false;
                    DoTypeAlign(ref declAlign, ref declUserAlign, field);
                }
                if (field.Width is 8 or 16 or 32 or 64 or 128)
                {
                    var xalign = field.Width;       // alignment of the integer mode of that width
                    if (!(xalign > 8 && field.DeclPacked) && (knownAlign == 0 || knownAlign >= xalign))
                    {
                        declAlign = Math.Max(xalign, declAlign);
                        stillBitField = false;      // an ordinary field of mode QI/HI/SI/DI/TI now
                    }
                }
            }
            else if (packedP && field.HasUserAlign)
            {
                // Explicit alignment on a packed member is kept as written.
            }
            else
            {
                DoTypeAlign(ref declAlign, ref declUserAlign, field);
            }
            if (packedP && !field.HasUserAlign) declAlign = Math.Min(declAlign, 8);
            var mfa = zeroBitfield ? initialMaxFieldAlign : maxFieldAlign;
            if (mfa != 0) declAlign = Math.Min(declAlign, mfa);

            // update_alignment_for_field
            var desiredAlign = declAlign;
            if (m.IsBitField)
            {
                if (m.Name is not null || alignAnonBitfields)
                {
                    var bitfieldTypeAlign = field.TypeAlign;
                    if (field.Width == 0)
                    {
                        if (initialMaxFieldAlign != 0) bitfieldTypeAlign = Math.Min(bitfieldTypeAlign, initialMaxFieldAlign);
                    }
                    else if (maxFieldAlign != 0) bitfieldTypeAlign = Math.Min(bitfieldTypeAlign, maxFieldAlign);
                    else if (field.DeclPacked) bitfieldTypeAlign = Math.Min(bitfieldTypeAlign, 8);
                    recordAlign = Math.Max(recordAlign, Math.Max(desiredAlign, bitfieldTypeAlign));
                    userAlign |= field.TypeUserAlign;
                }
            }
            else
            {
                recordAlign = Math.Max(recordAlign, desiredAlign);
            }
            userAlign |= declUserAlign;

            if (record.IsUnion)
            {
                // place_union_field: everything at 0; the size is the largest member's byte size.
                result[i] = new MemberLayout(0, field.SizeBits ?? 0, m.IsBitField);
                var unit = field.SizeBits is long sb ? (sb + 7) / 8 : 0;
                offset = Math.Max(offset, unit);
                continue;
            }

            // place_field
            if (knownAlign == 0) knownAlign = Math.Max(biggest, recordAlign);
            if (knownAlign < desiredAlign)
            {
                if (desiredAlign < offsetAlign)
                {
                    bitpos = RoundUp(bitpos, desiredAlign);
                }
                else
                {
                    offset += (bitpos + 7) / 8;
                    bitpos = 0;
                    offset = RoundUp(offset, desiredAlign / 8);
                }
            }

            // PCC_BITFIELD_TYPE_MATTERS: a bit-field may not straddle more units of its type's
            // alignment than the type itself occupies.
            if (stillBitField
                && (!field.DeclPacked || field.TypeAlign <= 8)
                && maxFieldAlign == 0
                && field.Width != 0
                && field.TypeSizeBits is long typeSize)
            {
                var ta = field.TypeAlign;
                if (ExcessUnitSpan(offset, bitpos, field.Width, ta, typeSize) && !field.DeclPacked)
                    bitpos = RoundUp(bitpos, ta);
                if (!field.DeclPacked) userAlign |= field.TypeUserAlign;
            }

            Normalize(ref offset, ref bitpos, offsetAlign);
            result[i] = new MemberLayout(offset * 8 + bitpos, field.SizeBits ?? 0, m.IsBitField);

            if (field.SizeBits is long size)
            {
                bitpos += size;
                Normalize(ref offset, ref bitpos, offsetAlign);
            }
        }

        // finalize_record_size
        var align = Math.Max(typeAlign, recordAlign);
        var unpaddedBytes = offset + (bitpos + 7) / 8;
        var sizeBytes = RoundUp(unpaddedBytes, align / 8);
        return new RecordLayout(sizeBytes, (int)(align / 8), result, userAlign);
    }

    /// <summary>do_type_align: raise DECL_ALIGN to the type's, taking its user-alignment flag along.</summary>
    private static void DoTypeAlign(ref long declAlign, ref bool declUserAlign, in FieldFacts field)
    {
        if (field.TypeAlign > declAlign)
        {
            declAlign = field.TypeAlign;
            declUserAlign = field.TypeUserAlign;
        }
    }

    private static bool ExcessUnitSpan(long byteOffset, long bitOffset, long size, long align, long typeSize)
    {
        var off = (byteOffset * 8 + bitOffset) % align;
        return (off + size + align - 1) / align > typeSize / align;
    }

    private static void Normalize(ref long offset, ref long bitpos, long offsetAlign)
    {
        if (bitpos >= offsetAlign)
        {
            offset += bitpos / offsetAlign * (offsetAlign / 8);
            bitpos %= offsetAlign;
        }
    }

    private static long RoundUp(long value, long align) => align <= 1 ? value : (value + align - 1) / align * align;

    private static long LeastBit(long v) => v & -v;

    /// <summary>What the algorithm needs to know about one member, in bits.</summary>
    private readonly record struct FieldFacts(
        bool Valid, long TypeAlign, long? TypeSizeBits, bool TypeUserAlign, long UserAlign, bool HasUserAlign,
        bool DeclPacked, long Width, long? SizeBits)
    {
        public static FieldFacts Of(TypeContext ctx, RecordMember m, bool recordPacked)
        {
            var t = m.Type;
            var canonical = t.CanonicalType;
            if (canonical is FunctionType || canonical is VoidType) return default;
            var typeAlign = ctx.AlignOf(t) * 8L;
            var typeSize = ctx.SizeOf(t) is long s ? s * 8 : (long?)null;
            if (typeSize is null && !(canonical is ArrayType { SizeKind: ArraySizeKind.Incomplete })) return default;
            // DECL_PACKED (c-decl.cc finish_struct): the member's own attribute, or in a packed
            // record every bit-field and every member whose type is more than byte aligned.
            var declPacked = m.IsPacked || (recordPacked && (m.IsBitField || typeAlign > 8));
            var hasUserAlign = m.Alignment is not null;
            var userAlign = m.Alignment is int a ? a * 8L : 1L;
            long width = 0;
            var sizeBits = typeSize;
            if (m.BitWidth is int w)
            {
                if (!t.IsInteger || w < 0) return default;
                // An over-wide bit-field was diagnosed; gcc lays it out with the type's width.
                width = Math.Min(w, canonical is IntegerType { IsBool: true } ? 1 : typeSize ?? 0);
                sizeBits = width;
            }
            return new FieldFacts(true, typeAlign, typeSize, ctx.HasUserAlignment(t), userAlign, hasUserAlign, declPacked, width, sizeBits);
        }
    }
}
