using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

public sealed partial class SemanticAnalyzer
{
    /// <summary>&gt; 0 while analysing an unevaluated operand.</summary>
    private int _unevaluated;
    /// <summary>&gt; 0 while analysing the initializer of an object with static storage (gcc folds __builtin_constant_p there).</summary>
    private int _staticInitializer;
    /// <summary>&gt; 0 while analysing an expression that must be an integer constant (gcc then folds __builtin_constant_p to 0 or 1).</summary>
    private int _requireConstant;
    private readonly List<Expression> _chain = new(64);

    private ref ExpressionInfo Info(int slot) => ref _model.Expressions[slot];

    private static bool IsChainLink(Expression e) => e switch
    {
        BinaryExpression => true,
        CallExpression => true,
        IndexExpression => true,
        MemberAccessExpression => true,
        UnaryExpression u => u.Operator is UnaryOperator.PostIncrement or UnaryOperator.PostDecrement,
        _ => false,
    };

    private static Expression SpineChild(Expression e) => e switch
    {
        BinaryExpression b => b.Left,
        CallExpression c => c.Callee,
        IndexExpression i => i.Base,
        MemberAccessExpression m => m.Base,
        UnaryExpression u => u.Operand,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Analyses an expression; returns its slot in the model's expression table.</summary>
    private int Expr(Expression e)
    {
        if (_stopped) return ErrorSlot(e);
        if (!IsChainLink(e) || (e is CallExpression c0 && c0.Callee is IdentifierExpression)) return Node(e, -1);
        if (!EnsureStack(e.FirstToken)) return ErrorSlot(e);
        int bottom = _chain.Count;
        var n = e;
        while (IsChainLink(n) && !(n is CallExpression cc && cc.Callee is IdentifierExpression))
        {
            _chain.Add(n);
            n = SpineChild(n);
        }
        int slot = Node(n, -1);
        for (int i = _chain.Count - 1; i >= bottom; i--) slot = Node(_chain[i], slot);
        _chain.RemoveRange(bottom, _chain.Count - bottom);
        return slot;
    }

    private int ErrorSlot(Expression e)
    {
        int s = NewExpressionSlot(e);
        ref var info = ref Info(s);
        info = default;
        info.Type = info.ValueType = new QualifiedType(_ctx.Int);
        info.Flags = ExpressionFlags.Error;
        info.Selected = -1;
        return s;
    }

    /// <summary>Records an expression's result; the value type follows from the type and flags.</summary>
    private int Result(Expression e, QualifiedType type, ExpressionFlags flags, Symbol? symbol = null)
    {
        int s = NewExpressionSlot(e);
        ref var info = ref Info(s);
        info.Type = type;
        info.ValueType = ValueTypeOf(type, flags);
        info.Flags = flags | (_unevaluated == 0 ? ExpressionFlags.Evaluated : 0);
        info.Symbol = symbol;
        info.Detail = null;
        info.ConstantIndex = 0;
        info.Selected = -1;
        return s;
    }

    private QualifiedType ValueTypeOf(QualifiedType t, ExpressionFlags flags)
    {
        if (t.IsNull) return t;
        if ((flags & ExpressionFlags.FunctionDesignator) != 0 || t.Type.Canonical.Type is FunctionType) return new QualifiedType(_ctx.Pointer(t));
        var c = t.Canonical;
        if (c.Type is ArrayType a && ((flags & ExpressionFlags.Lvalue) != 0 || _opts.C99))
            return new QualifiedType(_ctx.Pointer(ArrayElementOf(t)));
        if ((flags & ExpressionFlags.Lvalue) != 0 && c.HasQualifiers) return c.Type is ArrayType ? c : new QualifiedType(c.Type);
        return t;
    }

    /// <summary>The element type of an array type as written (keeping sugar and qualifiers).</summary>
    private QualifiedType ArrayElementOf(QualifiedType t)
    {
        var ty = t.Type;
        var quals = t.Qualifiers;
        while (ty is TypedefType td)
        {
            quals |= td.Underlying.Qualifiers;
            ty = td.Underlying.Type;
        }
        if (ty is ArrayType a) return quals == 0 ? a.Element : a.Element.WithQualifiers(quals);
        var c = t.Canonical;
        return ((ArrayType)c.Type).Element;
    }

    private void SetInteger(int slot, IntegerConstant c)
    {
        ref var info = ref Info(slot);
        info.ConstantIndex = AddIntegerConstant(c);
        info.Flags |= ExpressionFlags.IntegerConstant;
        if (c.IsZero && info.Type.IsInteger) info.Flags |= ExpressionFlags.NullPointerConstant;
    }

    private void SetFloat(int slot, FloatConstant c)
    {
        ref var info = ref Info(slot);
        info.ConstantIndex = AddFloatConstant(c);
        info.Flags |= ExpressionFlags.FloatConstant;
    }

    private IntegerConstant? IntValue(int slot)
    {
        ref var info = ref Info(slot);
        return (info.Flags & (ExpressionFlags.IntegerConstant)) != 0 ? _model.IntegerConstants[info.ConstantIndex] : null;
    }

    private FloatConstant? FloatValue(int slot)
    {
        ref var info = ref Info(slot);
        return info.IsFloatConstant ? _model.FloatConstants[info.ConstantIndex] : null;
    }

    /// <summary>The integer type a constant of type <paramref name="t"/> is computed in (enums: their compatible type).</summary>
    private IntegerType? IntegerTypeOf(QualifiedType t) => t.CanonicalType switch
    {
        IntegerType i => i,
        EnumType e => e.CompatibleType,
        PointerType => _ctx.UnsignedLong,
        _ => null,
    };

    private const ExpressionFlags Propagated = ExpressionFlags.SideEffects | ExpressionFlags.Error;

    private ExpressionFlags Inherit(int slot) => Info(slot).Flags & Propagated;

    private void MarkEvaluated(Expression e)
    {
        foreach (var n in e.DescendantsAndSelf())
            if (n is Expression x && x.SemanticSlot > 0 && x.SemanticSlot < _model.ExpressionCount)
                _model.Expressions[x.SemanticSlot].Flags |= ExpressionFlags.Evaluated;
    }

    // ------------------------------------------------------------------ dispatch

    private int Node(Expression e, int spine)
    {
        switch (e)
        {
            case IdentifierExpression id: return Identifier(id, callee: false);
            case NumberLiteral n: return Number(n);
            case CharLiteral c: return Char(c);
            case StringLiteral s: return String(s);
            case ParenthesizedExpression p: return Paren(p);
            case UnaryExpression u: return Unary(u, spine);
            case BinaryExpression b: return Binary(b, spine);
            case ConditionalExpression c: return Conditional(c);
            case CastExpression c: return Cast(c);
            case CompoundLiteralExpression cl: return CompoundLiteral(cl);
            case SizeofExpression s: return Sizeof(s);
            case CallExpression c: return Call(c, spine);
            case IndexExpression i: return Index(i, spine);
            case MemberAccessExpression m: return Member(m, spine);
            case StatementExpression se: return StatementExpression(se);
            case GenericSelection g: return Generic(g);
            case LabelAddressExpression la: return LabelAddress(la);
            case BuiltinVaArgExpression va: return VaArg(va);
            case BuiltinOffsetofExpression o: return Offsetof(o);
            case BuiltinTypesCompatibleExpression tc: return TypesCompatible(tc);
            case BuiltinConvertVectorExpression cv: return ConvertVector(cv);
            default: return ErrorSlot(e);
        }
    }

    // ------------------------------------------------------------------ primary

    private int Identifier(IdentifierExpression id, bool callee)
    {
        var sym = Lookup(id.Name);
        switch (sym)
        {
            case ObjectSymbol o:
            {
                int s = Result(id, o.Type, ExpressionFlags.Lvalue | (o.Type.IsVolatile ? ExpressionFlags.SideEffects : 0), o);
                return s;
            }
            case FunctionSymbol f:
                return Result(id, f.Type, ExpressionFlags.FunctionDesignator, f);
            case EnumeratorSymbol en:
            {
                int s = Result(id, en.Type, ExpressionFlags.None, en);
                var v = en.Enumerator.Value;
                var it = IntegerTypeOf(en.Type);
                SetInteger(s, it is not null && !ReferenceEquals(v.Type, it) ? v.ConvertTo(it) : v);
                return s;
            }
            case TypedefSymbol:
                Error(id.Token, $"expected expression before '{_names[id.Name]}'");
                return ErrorSlot(id);
        }
        var name = _names[id.Name];
        if (name is "__func__" or "__FUNCTION__" or "__PRETTY_FUNCTION__")
        {
            if (_function is null)
            {
                if (name == "__func__") Warning(id.Token, "'__func__' is not defined outside of function scope");
            }
            int len = _function is null ? 1 : _function.Name.Length + 1;
            var t = new QualifiedType(_ctx.Array(new QualifiedType(_ctx.Char, TypeQualifiers.Const), len));
            return Result(id, t, ExpressionFlags.Lvalue | ExpressionFlags.StringLiteral);
        }
        var builtin = BuiltinSymbol(id.Name);
        if (builtin is not null) return Result(id, builtin.Type, ExpressionFlags.FunctionDesignator, builtin);
        if (callee)
        {
            var f = ImplicitDeclaration(id);
            return Result(id, f.Type, ExpressionFlags.FunctionDesignator, f);
        }
        Error(id.Token, _function is null ? $"'{name}' undeclared here (not in a function)" : $"'{name}' undeclared (first use in this function)");
        return ErrorSlot(id);
    }

    private FunctionSymbol ImplicitDeclaration(IdentifierExpression id)
    {
        var name = _names[id.Name];
        if (_opts.ImplicitFunctionDeclarationIsError) Error(id.Token, $"implicit declaration of function '{name}'");
        else Warning(id.Token, $"implicit declaration of function '{name}'");
        if (_externals.TryGetValue(id.Name, out var ext) && ext is FunctionSymbol known)
        {
            Bind(id.Name, known, false);
            return known;
        }
        var type = new QualifiedType(_ctx.UnprototypedFunction(new QualifiedType(_ctx.Int)));
        bool builtin = false;
        if (_opts.Features.HasBuiltin(name))
        {
            // gcc: "incompatible implicit declaration of built-in function": the builtin's type is used
            _builtinTable ??= Builtins.BuiltinTable.For(_opts.Arch);
            if (_builtinTable.TypeOf(name, _ctx) is { } bt)
            {
                type = bt;
                builtin = true;
            }
        }
        var f = Register(new FunctionSymbol(name, id.Name, type) { Linkage = Linkage.External, IsImplicit = true, IsFileScope = false, IsBuiltin = builtin });
        _externals[id.Name] = f;
        Bind(id.Name, f, false);
        return f;
    }

    private int Number(NumberLiteral n)
    {
        var spelling = _names[n.Text];
        int mark = _scratch.Count;
        if (spelling.Length > 2 && (spelling.EndsWith("df", StringComparison.OrdinalIgnoreCase) || spelling.EndsWith("dd", StringComparison.OrdinalIgnoreCase)
            || spelling.EndsWith("dl", StringComparison.OrdinalIgnoreCase)) && !spelling.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            // _Decimal32/64/128 are modelled by the binary types of their size
            var dt = char.ToLowerInvariant(spelling[^1]) switch { 'f' => (CType)_ctx.Float, 'd' => _ctx.Double, _ => _ctx.LongDouble };
            return Result(n, new QualifiedType(dt), ExpressionFlags.None);
        }
        if (NumericLiteral.IsFloating(spelling))
        {
            var pf = NumericLiteral.ParseFloating(spelling, _ctx, _scratch);
            TakeScratch(mark, n.Token, _unevaluated > 0);
            if (pf is not { } f) return ErrorSlot(n);
            if (f.IsImaginary) return Result(n, new QualifiedType(_ctx.Complex(f.Value.Type)), ExpressionFlags.None);
            int s = Result(n, new QualifiedType(f.Value.Type), ExpressionFlags.None);
            SetFloat(s, f.Value);
            return s;
        }
        var pi = NumericLiteral.ParseInteger(spelling, _ctx, _scratch);
        TakeScratch(mark, n.Token, _unevaluated > 0);
        if (pi is not { } i) return ErrorSlot(n);
        if (i.IsImaginary) return Result(n, new QualifiedType(_ctx.Complex(i.Value.Type)), ExpressionFlags.None);
        int r = Result(n, new QualifiedType(i.Value.Type), ExpressionFlags.None);
        SetInteger(r, i.Value);
        return r;
    }

    private int Char(CharLiteral c)
    {
        int mark = _scratch.Count;
        var v = CharacterConstant.Parse(_names[c.Text], _ctx, _scratch);
        TakeScratch(mark, c.Token, _unevaluated > 0);
        if (v is not { } value) return ErrorSlot(c);
        int s = Result(c, new QualifiedType(value.Type), ExpressionFlags.None);
        SetInteger(s, value);
        return s;
    }

    private int String(StringLiteral s)
    {
        var (element, length) = StringLiterals.Measure(_unit, s, _ctx);
        var t = new QualifiedType(_ctx.Array(new QualifiedType(element), length));
        return Result(s, t, ExpressionFlags.Lvalue | ExpressionFlags.StringLiteral);
    }

    private int Paren(ParenthesizedExpression p)
    {
        if (!EnsureStack(p.FirstToken)) return ErrorSlot(p);
        int inner = Expr(p.Inner);
        return Copy(p, inner);
    }

    /// <summary>A new slot for <paramref name="e"/> with the same meaning as <paramref name="from"/> (parentheses, __extension__, chosen arms).</summary>
    private int Copy(Expression e, int from)
    {
        int s = NewExpressionSlot(e);
        _model.Expressions[s] = _model.Expressions[from];
        ref var info = ref Info(s);
        info.Flags = (info.Flags & ~ExpressionFlags.Evaluated) | (_unevaluated == 0 ? ExpressionFlags.Evaluated : 0);
        info.Selected = -1;
        return s;
    }

    private int LabelAddress(LabelAddressExpression la)
    {
        if (_function is null)
        {
            Error(la.FirstToken, $"label '{_names[la.Label]}' referenced outside of any function");
            return ErrorSlot(la);
        }
        var l = Label(la.Label, la.LabelToken, false);
        l.IsAddressTaken = true;
        int s = Result(la, _voidPtr, ExpressionFlags.None, l);
        return s;
    }

    /// <summary>The expression that gives a statement expression its value: the last statement's, through labels.</summary>
    private static Expression? LastValue(BlockItem item)
    {
        while (item is LabeledStatement { Body: { } body }) item = body;
        return item is ExpressionStatement { Expression: { } e } ? e : null;
    }

    private int StatementExpression(StatementExpression se)
    {
        if (_function is null)
        {
            Error(se.FirstToken, "braced-group within expression allowed only inside a function");
            return ErrorSlot(se);
        }
        if (!EnsureStack(se.FirstToken)) return ErrorSlot(se);
        PushScope(ScopeKind.Block);
        int labelMark = _localLabelUndo.Count;
        var items = se.Body.Items;
        int last = -1;
        for (int i = 0; i < items.Length && !_stopped; i++)
        {
            if (i == items.Length - 1 && LastValue(items[i]) is { } le)
            {
                // labels in front of the value ("__out: __ret;") are defined first
                for (var it = items[i]; it is LabeledStatement ls; it = ls.Body!)
                {
                    var l = Label(ls.Label, ls.LabelToken, true);
                    if (l.Definition is not null) Error(ls.LabelToken, $"duplicate label '{_names[ls.Label]}'");
                    else l.Definition = ls;
                    SetLabel(ls, l);
                }
                last = Expr(le);
                break;
            }
            BlockItem(items[i]);
        }
        while (_localLabelUndo.Count > labelMark)
        {
            var (name, prev) = _localLabelUndo[^1];
            _localLabelUndo.RemoveAt(_localLabelUndo.Count - 1);
            if (prev is null) _labels.Remove(name);
            else _labels[name] = prev;
        }
        PopScope();
        if (last < 0) return Result(se, new QualifiedType(_ctx.Void), ExpressionFlags.SideEffects);
        ref var li = ref Info(last);
        var t = li.ValueType;
        var flags = ExpressionFlags.SideEffects | (li.Flags & ExpressionFlags.Error);
        int s = Result(se, t, flags);
        // gcc folds ({ constant; }) in constant contexts
        if (li.IsIntegerConstant && !li.HasSideEffects) { }
        return s;
    }
}
