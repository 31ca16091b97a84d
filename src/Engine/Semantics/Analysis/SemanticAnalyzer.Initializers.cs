using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

public sealed partial class SemanticAnalyzer
{
    /// <summary>
    /// Analyses an initializer for an object of type <paramref name="type"/> and returns the
    /// object's final type: an array of unknown size gets its size from the initializer
    /// (<c>int a[] = {1, 2, 3}</c>, <c>char s[] = "ab"</c>, designators, brace elision).
    /// </summary>
    private QualifiedType Initializer(SyntaxNode init, QualifiedType type, bool isStatic, int token)
    {
        if (isStatic) _staticInitializer++;
        try
        {
            var c = type.Canonical.Type;
            if (init is InitializerList list)
            {
                if (!EnsureStack(list.FirstToken)) return type;
                long len = InitList(list, type);
                if (c is ArrayType { SizeKind: ArraySizeKind.Incomplete } && len >= 0)
                    return new QualifiedType(_ctx.Array(ArrayElementOf(type), len), type.Qualifiers, type.AddressSpace);
                return type;
            }
            if (init is not Expression e) return type;
            int s = Expr(e);
            ref var info = ref Info(s);
            if (info.HasError) return type;
            if (c is ArrayType at)
            {
                if ((info.Flags & ExpressionFlags.StringLiteral) != 0 && info.Type.Canonical.Type is ArrayType st && at.Element.IsInteger)
                {
                    if (at.SizeKind == ArraySizeKind.Incomplete)
                        return new QualifiedType(_ctx.Array(ArrayElementOf(type), st.Length), type.Qualifiers, type.AddressSpace);
                    return type;
                }
                if (info.Type.Canonical.Type is ArrayType src && e is CompoundLiteralExpression or ParenthesizedExpression { Inner: CompoundLiteralExpression })
                {
                    if (at.SizeKind == ArraySizeKind.Incomplete && src.SizeKind == ArraySizeKind.Fixed)
                        return new QualifiedType(_ctx.Array(ArrayElementOf(type), src.Length), type.Qualifiers, type.AddressSpace);
                    return type;
                }
                Error(e.FirstToken, "invalid initializer");
                return type;
            }
            CheckAssignable(type, s, e.FirstToken, AssignContext.Initialization);
            return type;
        }
        finally
        {
            if (isStatic) _staticInitializer--;
        }
    }

    /// <summary>A braced initializer for <paramref name="type"/>; returns the array length it implies (-1 for non-arrays).</summary>
    private long InitList(InitializerList list, QualifiedType type)
    {
        var items = list.Items;
        var slots = new int[items.Length];
        Array.Fill(slots, -1);
        int cursor = 0;
        var c = type.Canonical.Type;
        long len = -1;
        if (c is ArrayType || c is RecordType) len = FillAggregate(type, items, slots, ref cursor, braced: true);
        else if (items.Length > 0)
        {
            // a scalar in braces
            InitElement(type, items, slots, ref cursor);
        }
        // whatever is left (excess elements, errors) is still analysed
        for (int i = 0; i < items.Length; i++)
        {
            if (items[i].Value is Expression ex && slots[i] < 0) slots[i] = Expr(ex);
            else if (items[i].Value is InitializerList nl && i >= cursor) InitList(nl, new QualifiedType(_ctx.Int));
        }
        return c is ArrayType ? len : -1;
    }

    private int ItemSlot(InitializerItem[] items, int[] slots, int i)
    {
        if (slots[i] < 0) slots[i] = Expr((Expression)items[i].Value);
        return slots[i];
    }

    private long FillAggregate(QualifiedType type, InitializerItem[] items, int[] slots, ref int cursor, bool braced)
    {
        var c = type.Canonical.Type;
        if (c is ArrayType a)
        {
            var elem = ArrayElementOf(type);
            long fixedLen = a.SizeKind == ArraySizeKind.Fixed ? a.Length : -1;
            long idx = 0, max = 0;
            while (cursor < items.Length && !_stopped)
            {
                var item = items[cursor];
                if (item.Designators.Length > 0)
                {
                    if (!braced) return max;
                    if (item.Designators[0] is IndexDesignator id)
                    {
                        long first = DesignatorIndex(id.Index), last = first;
                        if (id.RangeEnd is not null) last = DesignatorIndex(id.RangeEnd);
                        if (first < 0 || last < first) last = first = Math.Max(0, first);
                        if (fixedLen >= 0 && last >= fixedLen) Error(id.FirstToken, "array index in initializer exceeds array bounds");
                        DesignatedValue(elem, item, 1, items, slots, cursor);
                        idx = last + 1;
                        max = Math.Max(max, idx);
                    }
                    else
                    {
                        Error(item.Designators[0].FirstToken, "field name not in record or union initializer");
                        if (item.Value is Expression) ItemSlot(items, slots, cursor);
                    }
                    cursor++;
                    continue;
                }
                if (fixedLen >= 0 && idx >= fixedLen && !braced) return max;
                int before = cursor;
                InitElement(elem, items, slots, ref cursor);
                if (cursor == before) cursor++;
                idx++;
                max = Math.Max(max, idx);
            }
            return max;
        }
        if (c is RecordType r)
        {
            if (!r.IsDefined)
            {
                if (braced) Error(items.Length > 0 ? items[0].FirstToken : _currentToken, $"variable has initializer but incomplete type");
                return -1;
            }
            var members = r.Members;
            int mi = 0;
            bool unionDone = false;
            while (cursor < items.Length && !_stopped)
            {
                var item = items[cursor];
                if (item.Designators.Length > 0)
                {
                    if (!braced) return -1;
                    if (item.Designators[0] is FieldDesignator fd)
                    {
                        var name = _names[fd.Name];
                        if (!r.TryFindMember(name, out var path))
                        {
                            Error(fd.NameToken, $"'{TypeText(type)}' has no member named '{name}'");
                            if (item.Value is Expression) ItemSlot(items, slots, cursor);
                            else if (item.Value is InitializerList nl0) InitList(nl0, new QualifiedType(_ctx.Int));
                        }
                        else
                        {
                            DesignatedValue(path.Member.Type, item, 1, items, slots, cursor);
                            mi = path.Indices[0] + 1;
                        }
                    }
                    else
                    {
                        Error(item.Designators[0].FirstToken, "array index in non-array initializer");
                        if (item.Value is Expression) ItemSlot(items, slots, cursor);
                    }
                    unionDone = r.IsUnion;
                    cursor++;
                    continue;
                }
                while (mi < members.Count && members[mi].Name is null && members[mi].IsBitField) mi++;
                if (mi >= members.Count || unionDone)
                {
                    if (!braced) return -1;
                    // excess elements: gcc warns
                    if (item.Value is Expression) ItemSlot(items, slots, cursor);
                    else if (item.Value is InitializerList nl1) InitList(nl1, new QualifiedType(_ctx.Int));
                    cursor++;
                    continue;
                }
                int before = cursor;
                InitElement(members[mi].Type, items, slots, ref cursor);
                if (cursor == before) cursor++;
                mi++;
                if (r.IsUnion) unionDone = true;
            }
            return -1;
        }
        InitElement(type, items, slots, ref cursor);
        return -1;
    }

    private long DesignatorIndex(Expression e)
    {
        int s = Expr(e);
        if (IntValue(s) is { } v && v.TryGetInt64(out var n)) return n;
        if (!Info(s).HasError) Error(e.FirstToken, "nonconstant array index in initializer");
        return 0;
    }

    /// <summary>The value of a designated item initializes <paramref name="type"/> reached by its designators from index <paramref name="d"/> on.</summary>
    private void DesignatedValue(QualifiedType type, InitializerItem item, int d, InitializerItem[] items, int[] slots, int index)
    {
        while (d < item.Designators.Length)
        {
            var des = item.Designators[d++];
            var c = type.Canonical.Type;
            if (des is FieldDesignator f)
            {
                if (c is not RecordType { IsDefined: true } r || !r.TryFindMember(_names[f.Name], out var path))
                {
                    Error(f.NameToken, c is RecordType ? $"'{TypeText(type)}' has no member named '{_names[f.Name]}'" : "field name not in record or union initializer");
                    break;
                }
                type = path.Member.Type;
            }
            else if (des is IndexDesignator ix)
            {
                DesignatorIndex(ix.Index);
                if (ix.RangeEnd is not null) DesignatorIndex(ix.RangeEnd);
                if (c is not ArrayType)
                {
                    Error(ix.FirstToken, "array index in non-array initializer");
                    break;
                }
                type = ArrayElementOf(type);
            }
        }
        if (item.Value is InitializerList nl)
        {
            InitList(nl, type);
            return;
        }
        int s = ItemSlot(items, slots, index);
        var tc = type.Canonical.Type;
        if (tc is ArrayType or RecordType)
        {
            // brace elision inside a designated aggregate: the value initializes its first scalar (or the whole)
            return;
        }
        CheckAssignable(type, s, item.Value.FirstToken, AssignContext.Initialization);
    }

    private void InitElement(QualifiedType type, InitializerItem[] items, int[] slots, ref int cursor)
    {
        var item = items[cursor];
        if (item.Value is InitializerList nl)
        {
            InitList(nl, type);
            cursor++;
            return;
        }
        var tc = type.Canonical.Type;
        int s = ItemSlot(items, slots, cursor);
        ref var info = ref Info(s);
        if (info.HasError)
        {
            cursor++;
            return;
        }
        if (tc is RecordType rt)
        {
            if (ReferenceEquals(info.ValueType.Canonical.Type, rt))
            {
                cursor++;
                return;
            }
            int before = cursor;
            FillAggregate(type, items, slots, ref cursor, braced: false);
            if (cursor == before) cursor++;
            return;
        }
        if (tc is ArrayType at)
        {
            if ((info.Flags & ExpressionFlags.StringLiteral) != 0 && at.Element.IsInteger)
            {
                cursor++;
                return;
            }
            int before = cursor;
            FillAggregate(type, items, slots, ref cursor, braced: false);
            if (cursor == before) cursor++;
            return;
        }
        CheckAssignable(type, s, item.Value.FirstToken, AssignContext.Initialization);
        cursor++;
    }
}
