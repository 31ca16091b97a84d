using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

public sealed partial class SemanticAnalyzer
{
    private int Operand(Expression e, int spine) => spine >= 0 ? spine : Expr(e);

    // ------------------------------------------------------------------ unary

    private int Unary(UnaryExpression u, int spine)
    {
        if (spine < 0 && !EnsureStack(u.FirstToken)) return ErrorSlot(u);
        int o = Operand(u.Operand, spine);
        var oi = Info(o);
        if (oi.HasError && u.Operator != UnaryOperator.Extension) return ErrorSlotWith(u, o);
        var vt = oi.ValueType;
        var op = SyntaxFacts.Spell(u.Operator);
        switch (u.Operator)
        {
            case UnaryOperator.Extension:
                return Copy(u, o);
            case UnaryOperator.Plus:
            case UnaryOperator.Minus:
            {
                if (!vt.IsArithmetic && !vt.IsVector)
                {
                    Error(u.OperatorToken, u.Operator == UnaryOperator.Plus ? "wrong type argument to unary plus" : "wrong type argument to unary minus");
                    return ErrorSlot(u);
                }
                var t = vt.IsInteger ? ArithmeticConversions.Promote(vt) : vt.Unqualified;
                int s = Result(u, t, Inherit(o));
                if (IntValue(o) is { } c)
                {
                    int mark = _scratch.Count;
                    SetInteger(s, IntegerArithmetic.Unary(u.Operator == UnaryOperator.Plus ? IntegerUnaryOperator.Plus : IntegerUnaryOperator.Negate, c, _scratch));
                    TakeScratch(mark, u.OperatorToken, _unevaluated > 0);
                }
                else if (FloatValue(o) is { } f) SetFloat(s, u.Operator == UnaryOperator.Plus ? f : f.Negate());
                return s;
            }
            case UnaryOperator.BitwiseNot:
            {
                if (!vt.IsInteger && !vt.IsComplex && !vt.IsVector)
                {
                    Error(u.OperatorToken, "wrong type argument to bit-complement");
                    return ErrorSlot(u);
                }
                var t = vt.IsInteger ? ArithmeticConversions.Promote(vt) : vt.Unqualified;
                int s = Result(u, t, Inherit(o));
                if (IntValue(o) is { } c) SetInteger(s, IntegerArithmetic.Unary(IntegerUnaryOperator.BitNot, c, _scratch));
                return s;
            }
            case UnaryOperator.LogicalNot:
            {
                if (!vt.IsScalar && !vt.IsVector)
                {
                    Error(u.OperatorToken, "wrong type argument to unary exclamation mark");
                    return ErrorSlot(u);
                }
                int s = Result(u, new QualifiedType(_ctx.Int), Inherit(o));
                if (IntValue(o) is { } c) SetInteger(s, IntegerArithmetic.Unary(IntegerUnaryOperator.LogicalNot, c, _scratch));
                else if (FloatValue(o) is { } f) SetInteger(s, IntegerConstant.Create(f.IsZero ? 1 : 0, _ctx.Int));
                else if ((oi.Flags & ExpressionFlags.StringLiteral) != 0) SetInteger(s, IntegerConstant.Create(0, _ctx.Int));
                return s;
            }
            case UnaryOperator.Dereference:
            {
                if (vt.Canonical.Type is not PointerType p)
                {
                    Error(u.OperatorToken, $"invalid type argument of unary '*' (have '{TypeText(vt)}')");
                    return ErrorSlot(u);
                }
                var pointee = p.Pointee;
                // keep the sugar of the written pointer type's pointee
                if (vt.Type is PointerType wp) pointee = wp.Pointee;
                if (pointee.Canonical.Type is FunctionType) return Result(u, pointee, ExpressionFlags.FunctionDesignator | Inherit(o), oi.Symbol);
                var flags = ExpressionFlags.Lvalue | Inherit(o) | (pointee.IsVolatile ? ExpressionFlags.SideEffects : 0);
                int s = Result(u, pointee, flags);
                if (IntValue(o) is { } addr && vt.IsPointer) KnownAddress(s, addr);
                return s;
            }
            case UnaryOperator.AddressOf:
            {
                var t = oi.Type;
                if (oi.IsBitField)
                {
                    Error(u.OperatorToken, $"cannot take address of bit-field '{(oi.Detail as RecordMember)?.Name}'");
                    return ErrorSlot(u);
                }
                if (!oi.IsLvalue && !oi.IsFunctionDesignator && !oi.Type.IsVoid)
                {
                    Error(u.OperatorToken, "lvalue required as unary '&' operand");
                    return ErrorSlot(u);
                }
                if (oi.Symbol is ObjectSymbol { IsRegister: true } reg)
                    Error(u.OperatorToken, $"address of register variable '{reg.Name}' requested");
                int s = Result(u, new QualifiedType(_ctx.Pointer(t)), Inherit(o), oi.Symbol);
                if ((oi.Flags & ExpressionFlags.KnownAddress) != 0) SetInteger(s, _model.IntegerConstants[oi.ConstantIndex]);
                return s;
            }
            case UnaryOperator.PreIncrement:
            case UnaryOperator.PreDecrement:
            case UnaryOperator.PostIncrement:
            case UnaryOperator.PostDecrement:
            {
                bool inc = u.Operator is UnaryOperator.PreIncrement or UnaryOperator.PostIncrement;
                if (!vt.IsScalar && !vt.IsComplex && !vt.IsVector)
                {
                    Error(u.OperatorToken, inc ? "wrong type argument to increment" : "wrong type argument to decrement");
                    return ErrorSlot(u);
                }
                if (!CheckModifiable(o, u.OperatorToken, inc ? "increment" : "decrement")) return ErrorSlot(u);
                return Result(u, vt, Inherit(o) | ExpressionFlags.SideEffects);
            }
            case UnaryOperator.Real:
            case UnaryOperator.Imag:
            {
                var c = vt.Canonical.Type;
                QualifiedType t = c is ComplexType ct ? new QualifiedType(ct.Element) : vt;
                if (!vt.IsArithmetic)
                {
                    Error(u.OperatorToken, u.Operator == UnaryOperator.Real ? "wrong type argument to __real__" : "wrong type argument to __imag__");
                    return ErrorSlot(u);
                }
                int s = Result(u, t, Inherit(o) | (oi.Flags & ExpressionFlags.Lvalue));
                if (c is not ComplexType && u.Operator == UnaryOperator.Real)
                {
                    if (IntValue(o) is { } iv) SetInteger(s, iv);
                    else if (FloatValue(o) is { } fv) SetFloat(s, fv);
                }
                return s;
            }
        }
        return ErrorSlot(u);
    }

    private int ErrorSlotWith(Expression e, int from)
    {
        int s = ErrorSlot(e);
        Info(s).Flags |= Info(from).Flags & ExpressionFlags.SideEffects;
        return s;
    }

    private void KnownAddress(int slot, IntegerConstant address)
    {
        ref var info = ref Info(slot);
        info.ConstantIndex = AddIntegerConstant(address.ConvertTo(_ctx.UnsignedLong));
        info.Flags |= ExpressionFlags.KnownAddress;
    }

    /// <summary>Checks the target of an assignment, increment or decrement; false after an error.</summary>
    private bool CheckModifiable(int slot, int token, string what)
    {
        ref var info = ref Info(slot);
        if (info.HasError) return false;
        if (!info.IsLvalue)
        {
            Error(token, what switch
            {
                "assignment" => "lvalue required as left operand of assignment",
                "increment" => "lvalue required as increment operand",
                _ => "lvalue required as decrement operand",
            });
            return false;
        }
        var t = info.Type;
        if (t.Canonical.Type is ArrayType)
        {
            if (what == "assignment") Error(token, "assignment to expression with array type");
            else Error(token, $"lvalue required as {what} operand");
            return false;
        }
        if ((t.EffectiveQualifiers & TypeQualifiers.Const) != 0)
        {
            var target = info.Symbol is ObjectSymbol o ? $"read-only variable '{o.Name}'"
                : info.Detail is RecordMember m && m.Name is not null ? $"read-only member '{m.Name}'" : "read-only location";
            Error(token, $"{what} of {target}");
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ binary

    private static IntegerOperator? IntegerOp(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply or BinaryOperator.MultiplyAssign => IntegerOperator.Multiply,
        BinaryOperator.Divide or BinaryOperator.DivideAssign => IntegerOperator.Divide,
        BinaryOperator.Remainder or BinaryOperator.RemainderAssign => IntegerOperator.Remainder,
        BinaryOperator.Add or BinaryOperator.AddAssign => IntegerOperator.Add,
        BinaryOperator.Subtract or BinaryOperator.SubtractAssign => IntegerOperator.Subtract,
        BinaryOperator.ShiftLeft or BinaryOperator.ShiftLeftAssign => IntegerOperator.ShiftLeft,
        BinaryOperator.ShiftRight or BinaryOperator.ShiftRightAssign => IntegerOperator.ShiftRight,
        BinaryOperator.Less => IntegerOperator.Less,
        BinaryOperator.Greater => IntegerOperator.Greater,
        BinaryOperator.LessOrEqual => IntegerOperator.LessEqual,
        BinaryOperator.GreaterOrEqual => IntegerOperator.GreaterEqual,
        BinaryOperator.Equal => IntegerOperator.Equal,
        BinaryOperator.NotEqual => IntegerOperator.NotEqual,
        BinaryOperator.BitwiseAnd or BinaryOperator.AndAssign => IntegerOperator.BitAnd,
        BinaryOperator.BitwiseXor or BinaryOperator.XorAssign => IntegerOperator.BitXor,
        BinaryOperator.BitwiseOr or BinaryOperator.OrAssign => IntegerOperator.BitOr,
        BinaryOperator.LogicalAnd => IntegerOperator.LogicalAnd,
        BinaryOperator.LogicalOr => IntegerOperator.LogicalOr,
        _ => null,
    };

    private static BinaryOperator ArithmeticOf(BinaryOperator op) => op switch
    {
        BinaryOperator.MultiplyAssign => BinaryOperator.Multiply,
        BinaryOperator.DivideAssign => BinaryOperator.Divide,
        BinaryOperator.RemainderAssign => BinaryOperator.Remainder,
        BinaryOperator.AddAssign => BinaryOperator.Add,
        BinaryOperator.SubtractAssign => BinaryOperator.Subtract,
        BinaryOperator.ShiftLeftAssign => BinaryOperator.ShiftLeft,
        BinaryOperator.ShiftRightAssign => BinaryOperator.ShiftRight,
        BinaryOperator.AndAssign => BinaryOperator.BitwiseAnd,
        BinaryOperator.XorAssign => BinaryOperator.BitwiseXor,
        BinaryOperator.OrAssign => BinaryOperator.BitwiseOr,
        _ => op,
    };

    private int Binary(BinaryExpression b, int spine)
    {
        if (spine < 0 && !EnsureStack(b.FirstToken)) return ErrorSlot(b);
        int l = Operand(b.Left, spine);
        var op = b.Operator;
        int r;
        // the right operand of && and || decided by a constant left operand is not evaluated
        bool skipRight = false;
        if (op is BinaryOperator.LogicalAnd or BinaryOperator.LogicalOr)
        {
            var lc = ConstantTruth(l);
            if (lc is bool truth && (op == BinaryOperator.LogicalAnd ? !truth : truth)) skipRight = true;
        }
        if (skipRight) _unevaluated++;
        r = Expr(b.Right);
        if (skipRight) _unevaluated--;
        var li = Info(l);
        var ri = Info(r);
        if (li.HasError || ri.HasError) return ErrorSlotWith(b, l);
        var lt = li.ValueType;
        var rt = ri.ValueType;
        var flags = (li.Flags | ri.Flags) & ExpressionFlags.SideEffects;

        if (op == BinaryOperator.Comma)
        {
            int s = Result(b, rt, flags);
            // gcc folds (a, b) with constant b when a has no side effects
            if (!li.HasSideEffects)
            {
                if (IntValue(r) is { } c) SetInteger(s, c);
                else if (FloatValue(r) is { } f) SetFloat(s, f);
            }
            Info(s).Flags &= ~ExpressionFlags.NullPointerConstant;
            return s;
        }
        if (SyntaxFacts.IsAssignment(op))
        {
            if (!CheckModifiable(l, b.OperatorToken, "assignment")) return ErrorSlot(b);
            var target = li.Type.Canonical.Type is ArrayType ? li.Type : ValueTypeOf(li.Type, ExpressionFlags.Lvalue);
            if (op == BinaryOperator.Assign)
            {
                CheckAssignable(target, r, b.OperatorToken, AssignContext.Assignment);
            }
            else
            {
                var arith = ArithmeticOf(op);
                if (OperandTypes(arith, lt, rt, b.OperatorToken, li, ri) is null) return ErrorSlot(b);
            }
            return Result(b, target, flags | ExpressionFlags.SideEffects);
        }

        var type = OperandTypes(op, lt, rt, b.OperatorToken, li, ri);
        if (type is not { } resultType) return ErrorSlot(b);
        int slot = Result(b, resultType, flags);
        FoldBinary(slot, b, op, l, r, resultType, lt, rt);
        return slot;
    }

    /// <summary>The truth of a constant operand (integer, floating, or a string's address), null if not constant.</summary>
    private bool? ConstantTruth(int slot)
    {
        ref var info = ref Info(slot);
        if (info.HasError) return null;
        if (IntValue(slot) is { } c) return !c.IsZero;
        if (FloatValue(slot) is { } f) return !f.IsZero;
        if ((info.Flags & ExpressionFlags.StringLiteral) != 0) return true;
        return null;
    }

    /// <summary>The result type of a binary operator, or null after an error.</summary>
    private QualifiedType? OperandTypes(BinaryOperator op, QualifiedType lt, QualifiedType rt, int token, in ExpressionInfo li, in ExpressionInfo ri)
    {
        var lc = lt.Canonical.Type;
        var rc = rt.Canonical.Type;
        if (lc is VoidType || rc is VoidType)
        {
            Error(token, "void value not ignored as it ought to be");
            return null;
        }
        if (lc is VectorType || rc is VectorType)
        {
            var vt = lc is VectorType ? lt : rt;
            return vt.Canonical.HasQualifiers ? vt.Unqualified : vt;
        }
        bool la = lt.IsArithmetic, ra = rt.IsArithmetic;
        bool lp = lc is PointerType, rp = rc is PointerType;
        bool li_ = lt.IsInteger, ri_ = rt.IsInteger;
        QualifiedType? Invalid()
        {
            Error(token, $"invalid operands to binary {SyntaxFacts.Spell(op)} (have '{TypeText(lt)}' and '{TypeText(rt)}')");
            return null;
        }
        switch (op)
        {
            case BinaryOperator.Multiply:
            case BinaryOperator.Divide:
                if (la && ra) return new QualifiedType(ArithmeticConversions.UsualArithmeticConversion(lt, rt));
                return Invalid();
            case BinaryOperator.Remainder:
            case BinaryOperator.BitwiseAnd:
            case BinaryOperator.BitwiseOr:
            case BinaryOperator.BitwiseXor:
                if (li_ && ri_) return new QualifiedType(ArithmeticConversions.UsualArithmeticConversion(lt, rt));
                if (op != BinaryOperator.Remainder && (lt.IsComplex || rt.IsComplex) && la && ra) return new QualifiedType(ArithmeticConversions.UsualArithmeticConversion(lt, rt));
                return Invalid();
            case BinaryOperator.ShiftLeft:
            case BinaryOperator.ShiftRight:
                if (li_ && ri_) return ArithmeticConversions.Promote(lt);
                return Invalid();
            case BinaryOperator.Add:
                if (la && ra) return new QualifiedType(ArithmeticConversions.UsualArithmeticConversion(lt, rt));
                if (lp && ri_) return lt.Unqualified;
                if (li_ && rp) return rt.Unqualified;
                return Invalid();
            case BinaryOperator.Subtract:
                if (la && ra) return new QualifiedType(ArithmeticConversions.UsualArithmeticConversion(lt, rt));
                if (lp && ri_) return lt.Unqualified;
                if (lp && rp)
                {
                    var pa = ((PointerType)lc).Pointee;
                    var pb = ((PointerType)rc).Pointee;
                    if (!TypeCompatibility.AreCompatible(pa.Unqualified, pb.Unqualified) && !(pa.IsVoid && pb.IsVoid)) return Invalid();
                    return new QualifiedType(_ctx.PtrdiffType);
                }
                return Invalid();
            case BinaryOperator.Less:
            case BinaryOperator.Greater:
            case BinaryOperator.LessOrEqual:
            case BinaryOperator.GreaterOrEqual:
            case BinaryOperator.Equal:
            case BinaryOperator.NotEqual:
                if ((la || lp) && (ra || rp))
                {
                    if ((lp && !(ra ? ri_ : true)) || (rp && !(la ? li_ : true))) return Invalid();
                    return new QualifiedType(_ctx.Int);
                }
                return Invalid();
            case BinaryOperator.LogicalAnd:
            case BinaryOperator.LogicalOr:
                if (lt.IsScalar && rt.IsScalar) return new QualifiedType(_ctx.Int);
                return Invalid();
        }
        return Invalid();
    }

    private void FoldBinary(int slot, BinaryExpression b, BinaryOperator op, int l, int r, QualifiedType resultType, QualifiedType lt, QualifiedType rt)
    {
        var lv = IntValue(l);
        var rv = IntValue(r);
        bool suppress = _unevaluated > 0;
        // short-circuit with a constant left operand
        if (op is BinaryOperator.LogicalAnd or BinaryOperator.LogicalOr && ConstantTruth(l) is bool lt0)
        {
            if (op == BinaryOperator.LogicalAnd && !lt0) { SetInteger(slot, IntegerConstant.Create(0, _ctx.Int)); return; }
            if (op == BinaryOperator.LogicalOr && lt0) { SetInteger(slot, IntegerConstant.Create(1, _ctx.Int)); return; }
            if (ConstantTruth(r) is bool rt0) SetInteger(slot, IntegerConstant.Create(rt0 ? 1 : 0, _ctx.Int));
            return;
        }
        if (lv is { } a && rv is { } c)
        {
            bool lp = lt.IsPointer, rp = rt.IsPointer;
            if (lp || rp)
            {
                FoldPointer(slot, op, a, c, lt, rt);
                return;
            }
            var iop = IntegerOp(op);
            if (iop is null) return;
            int mark = _scratch.Count;
            var result = IntegerArithmetic.Binary(iop.Value, a, c, _scratch);
            TakeScratch(mark, b.OperatorToken, suppress);
            if (result is { } v)
            {
                var it = IntegerTypeOf(resultType);
                SetInteger(slot, it is not null && !ReferenceEquals(it, v.Type) ? v.ConvertTo(it) : v);
            }
            return;
        }
        // floating constants
        var lf = FloatValue(l) ?? (lv is { } li2 && resultType.IsRealFloating ? FloatConstant.FromInteger(li2, (FloatingType)resultType.CanonicalType) : null);
        var rf = FloatValue(r) ?? (rv is { } ri2 && (resultType.IsRealFloating || FloatValue(l) is not null) && FloatValue(l) is { } lff ? FloatConstant.FromInteger(ri2, lff.Type) : null);
        if (lf is { } x && rf is { } y && (lt.IsRealFloating || rt.IsRealFloating))
        {
            var common = resultType.IsRealFloating ? (FloatingType)resultType.CanonicalType
                : ArithmeticConversions.UsualArithmeticConversion(lt, rt) as FloatingType;
            if (common is null) return;
            var xa = x.ConvertTo(common);
            var ya = y.ConvertTo(common);
            switch (op)
            {
                case BinaryOperator.Add: SetFloat(slot, FloatConstant.Arithmetic('+', xa, ya, common)); break;
                case BinaryOperator.Subtract: SetFloat(slot, FloatConstant.Arithmetic('-', xa, ya, common)); break;
                case BinaryOperator.Multiply: SetFloat(slot, FloatConstant.Arithmetic('*', xa, ya, common)); break;
                case BinaryOperator.Divide: SetFloat(slot, FloatConstant.Arithmetic('/', xa, ya, common)); break;
                case BinaryOperator.Less or BinaryOperator.Greater or BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual
                    or BinaryOperator.Equal or BinaryOperator.NotEqual:
                {
                    var cmp = FloatConstant.Compare(xa, ya);
                    bool v = cmp is int k && op switch
                    {
                        BinaryOperator.Less => k < 0,
                        BinaryOperator.Greater => k > 0,
                        BinaryOperator.LessOrEqual => k <= 0,
                        BinaryOperator.GreaterOrEqual => k >= 0,
                        BinaryOperator.Equal => k == 0,
                        _ => k != 0,
                    };
                    if (cmp is null && op == BinaryOperator.NotEqual) v = true;
                    SetInteger(slot, IntegerConstant.Create(v ? 1 : 0, _ctx.Int));
                    break;
                }
            }
        }
    }

    private void FoldPointer(int slot, BinaryOperator op, IntegerConstant a, IntegerConstant c, QualifiedType lt, QualifiedType rt)
    {
        var ul = _ctx.UnsignedLong;
        switch (op)
        {
            case BinaryOperator.Add:
            case BinaryOperator.Subtract:
            {
                if (lt.IsPointer && rt.IsPointer)
                {
                    var size = _ctx.SizeOf(((PointerType)lt.CanonicalType).Pointee) ?? 1;
                    if (size == 0) size = 1;
                    var diff = (Int128)(long)(ulong)(a.ConvertTo(ul).UnsignedValue - c.ConvertTo(ul).UnsignedValue);
                    SetInteger(slot, IntegerConstant.Create(diff / size, _ctx.PtrdiffType));
                    return;
                }
                var (ptr, idx, pt) = lt.IsPointer ? (a, c, lt) : (c, a, rt);
                var esize = _ctx.SizeOf(((PointerType)pt.CanonicalType).Pointee) ?? 1;
                var offset = idx.Value * esize;
                if (op == BinaryOperator.Subtract) offset = -offset;
                SetInteger(slot, IntegerConstant.Create((Int128)ptr.ConvertTo(ul).UnsignedValue + offset, ul));
                Info(slot).Flags &= ~ExpressionFlags.NullPointerConstant;
                return;
            }
            case BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.Greater
                or BinaryOperator.LessOrEqual or BinaryOperator.GreaterOrEqual:
            {
                var x = a.ConvertTo(ul).UnsignedValue;
                var y = c.ConvertTo(ul).UnsignedValue;
                bool v = op switch
                {
                    BinaryOperator.Equal => x == y,
                    BinaryOperator.NotEqual => x != y,
                    BinaryOperator.Less => x < y,
                    BinaryOperator.Greater => x > y,
                    BinaryOperator.LessOrEqual => x <= y,
                    _ => x >= y,
                };
                SetInteger(slot, IntegerConstant.Create(v ? 1 : 0, _ctx.Int));
                return;
            }
            case BinaryOperator.LogicalAnd or BinaryOperator.LogicalOr:
            {
                bool v = op == BinaryOperator.LogicalAnd ? !a.IsZero && !c.IsZero : !a.IsZero || !c.IsZero;
                SetInteger(slot, IntegerConstant.Create(v ? 1 : 0, _ctx.Int));
                return;
            }
        }
    }

    // ------------------------------------------------------------------ conditional

    private int Conditional(ConditionalExpression c)
    {
        if (!EnsureStack(c.FirstToken)) return ErrorSlot(c);
        int cond = Expr(c.Condition);
        var truth = ConstantTruth(cond);
        int t, f;
        if (c.WhenTrue is not null)
        {
            if (truth == false) _unevaluated++;
            t = Expr(c.WhenTrue);
            if (truth == false) _unevaluated--;
        }
        else t = cond;
        if (truth == true) _unevaluated++;
        f = Expr(c.WhenFalse);
        if (truth == true) _unevaluated--;
        var ci = Info(cond);
        var ti = Info(t);
        var fi = Info(f);
        if (ci.HasError || ti.HasError || fi.HasError) return ErrorSlotWith(c, cond);
        if (!ci.ValueType.IsScalar && !ci.ValueType.IsVector)
        {
            Error(c.Condition.FirstToken, $"used {(ci.ValueType.IsUnion ? "union" : ci.ValueType.IsStruct ? "struct" : "array")} type value where scalar is required");
            return ErrorSlot(c);
        }
        var tt = ti.ValueType;
        var ft = fi.ValueType;
        var flags = (ci.Flags | ti.Flags | fi.Flags) & ExpressionFlags.SideEffects;
        QualifiedType type;
        var tc = tt.Canonical.Type;
        var fc = ft.Canonical.Type;
        if (tt.IsArithmetic && ft.IsArithmetic) type = new QualifiedType(ArithmeticConversions.UsualArithmeticConversion(tt, ft));
        else if (tc is VoidType || fc is VoidType) type = new QualifiedType(_ctx.Void);
        else if (tc is RecordType && ReferenceEquals(tc, fc)) type = tt.Unqualified;
        else if (tc is VectorType || fc is VectorType) type = tc is VectorType ? tt : ft;
        else if (tc is PointerType tp && fc is PointerType fp)
        {
            if (ti.IsNullPointerConstant && (tp.Pointee.IsVoid && !tp.Pointee.HasQualifiers)) type = ft;
            else if (fi.IsNullPointerConstant && (fp.Pointee.IsVoid && !fp.Pointee.HasQualifiers)) type = tt;
            else
            {
                var pa = tp.Pointee;
                var pb = fp.Pointee;
                var quals = pa.EffectiveQualifiers | pb.EffectiveQualifiers;
                if (pa.IsVoid || pb.IsVoid) type = new QualifiedType(_ctx.Pointer(new QualifiedType(_ctx.Void, quals)));
                else if (TypeCompatibility.AreCompatible(pa.Unqualified, pb.Unqualified))
                {
                    var comp = TypeCompatibility.Composite(pa.Unqualified, pb.Unqualified);
                    type = new QualifiedType(_ctx.Pointer(comp.WithQualifiers(quals)));
                }
                else
                {
                    Warning(c.FirstToken, "pointer type mismatch in conditional expression");
                    type = new QualifiedType(_ctx.Pointer(new QualifiedType(_ctx.Void, quals)));
                }
            }
        }
        else if (tc is PointerType && ft.IsInteger) type = tt;
        else if (fc is PointerType && tt.IsInteger) type = ft;
        else
        {
            Error(c.FirstToken, "type mismatch in conditional expression");
            return ErrorSlot(c);
        }
        int s = Result(c, type, flags);
        if (truth is bool b)
        {
            int chosen = b ? t : f;
            var it = IntegerTypeOf(type);
            if (IntValue(chosen) is { } v && it is not null) SetInteger(s, type.IsPointer ? v : v.ConvertTo(it));
            else if (FloatValue(chosen) is { } fv && type.IsRealFloating) SetFloat(s, fv.ConvertTo((FloatingType)type.CanonicalType));
            else if (FloatValue(chosen) is { } fv2 && it is not null) SetInteger(s, fv2.ToInteger(it, out _));
            if (type.IsPointer && (Info(chosen).Flags & ExpressionFlags.NullPointerConstant) == 0) Info(s).Flags &= ~ExpressionFlags.NullPointerConstant;
            else if (type.IsPointer && Info(chosen).IsNullPointerConstant) Info(s).Flags |= ExpressionFlags.NullPointerConstant;
        }
        return s;
    }

    // ------------------------------------------------------------------ casts, compound literals

    private int Cast(CastExpression c)
    {
        if (!EnsureStack(c.FirstToken)) return ErrorSlot(c);
        var target = TypeNameType(c.Type);
        int o = Expr(c.Operand);
        var oi = Info(o);
        if (oi.HasError) return ErrorSlotWith(c, o);
        var vt = oi.ValueType;
        var tc = target.Canonical.Type;
        var result = tc is ArrayType ? target : new QualifiedType(target.Type is TypedefType && !target.Canonical.HasQualifiers ? target.Type : tc);
        var flags = Inherit(o);
        if (tc is VoidType) return Result(c, new QualifiedType(_ctx.Void), flags);
        if (tc is RecordType { IsUnion: true } u && vt.Canonical.Type is not RecordType)
        {
            // GNU cast to union
            foreach (var m in u.Members)
                if (TypeCompatibility.AreCompatible(m.Type.Unqualified, vt.Unqualified)) return Result(c, result, flags);
            Error(c.FirstToken, "cast to union type from type not present in union");
            return ErrorSlot(c);
        }
        if (tc is RecordType or ArrayType or FunctionType)
        {
            if (tc is RecordType && ReferenceEquals(tc, vt.Canonical.Type)) return Result(c, result, flags);
            Error(c.FirstToken, "conversion to non-scalar type requested");
            return ErrorSlot(c);
        }
        var vc = vt.Canonical.Type;
        if (vc is RecordType || vc is VoidType || vc is ArrayType)
        {
            Error(c.FirstToken, vc is VoidType ? "void value not ignored as it ought to be" : "aggregate value used where a" + (target.IsFloating ? " floating-point was" : tc is PointerType ? " pointer was" : "n integer was") + " expected");
            return ErrorSlot(c);
        }
        if (tc is PointerType && vt.IsFloating || target.IsFloating && vc is PointerType)
        {
            Error(c.FirstToken, tc is PointerType ? "cannot convert to a pointer type" : "pointer value used where a floating-point was expected");
            return ErrorSlot(c);
        }
        int s = Result(c, result, flags);
        // folding
        var it = IntegerTypeOf(result);
        if (IntValue(o) is { } iv)
        {
            if (tc is PointerType pt)
            {
                SetInteger(s, iv.ConvertTo(_ctx.UnsignedLong));
                ref var si = ref Info(s);
                si.Flags &= ~ExpressionFlags.NullPointerConstant;
                if (iv.IsZero && vt.IsInteger && oi.IsNullPointerConstant && pt.Pointee.IsVoid && !pt.Pointee.HasQualifiers)
                    si.Flags |= ExpressionFlags.NullPointerConstant;
            }
            else if (it is not null)
            {
                if (iv.Type.Bits > it.Bits && !it.IsBool && !iv.FitsIn(it) && _unevaluated == 0 && vt.IsInteger && it.IsSigned) { }
                SetInteger(s, iv.ConvertTo(it));
            }
            else if (target.IsRealFloating) SetFloat(s, FloatConstant.FromInteger(iv, (FloatingType)tc));
        }
        else if (FloatValue(o) is { } fv)
        {
            if (it is not null)
            {
                var r = fv.ToInteger(it, out bool outOfRange);
                if (outOfRange && _unevaluated == 0) Warning(c.FirstToken, $"overflow in conversion from '{TypeText(vt)}' to '{TypeText(result)}' changes value");
                SetInteger(s, r);
            }
            else if (target.IsRealFloating) SetFloat(s, fv.ConvertTo((FloatingType)tc));
        }
        else if ((oi.Flags & ExpressionFlags.KnownAddress) != 0 && it is not null && vt.IsPointer)
        {
            SetInteger(s, _model.IntegerConstants[oi.ConstantIndex].ConvertTo(it));
        }
        return s;
    }

    private int CompoundLiteral(CompoundLiteralExpression cl)
    {
        if (!EnsureStack(cl.FirstToken)) return ErrorSlot(cl);
        var t = TypeNameType(cl.Type);
        if (t.Canonical.Type is ArrayType { IsVariable: true } || t.Canonical.Type is ArrayType { Element.IsVariablyModified: true })
        {
            Error(cl.FirstToken, "compound literal has variable size");
            return ErrorSlot(cl);
        }
        var final = Initializer(cl.Initializer, t, _function is null, cl.FirstToken);
        if (!final.IsComplete && !final.IsVoid && final.Canonical.Type is not FunctionType)
        {
            Error(cl.FirstToken, "compound literal has incomplete type");
        }
        return Result(cl, final, ExpressionFlags.Lvalue);
    }

    // ------------------------------------------------------------------ sizeof, _Alignof

    private int Sizeof(SizeofExpression s)
    {
        if (!EnsureStack(s.FirstToken)) return ErrorSlot(s);
        QualifiedType t;
        bool bitField = false;
        Symbol? sym = null;
        ObjectSymbol? declared = null;
        if (s.Type is not null) t = TypeNameType(s.Type);
        else
        {
            _unevaluated++;
            int o = Expr(s.Operand!);
            _unevaluated--;
            var oi = Info(o);
            if (oi.HasError) return ErrorSlot(s);
            t = oi.Type;
            bitField = oi.IsBitField;
            sym = oi.Symbol;
            declared = oi.Symbol as ObjectSymbol;
            if (t.IsVariablyModified && _unevaluated == 0 && s.Kind == SyntaxKind.SizeofExpression) MarkEvaluated(s.Operand!);
        }
        bool isSizeof = s.Kind == SyntaxKind.SizeofExpression;
        var what = isSizeof ? "sizeof" : _names[_toks[s.FirstToken].Text] == "_Alignof" ? "_Alignof" : "__alignof__";
        if (bitField)
        {
            Error(s.FirstToken, $"'{what}' applied to a bit-field");
            return ErrorSlot(s);
        }
        var c = t.Canonical.Type;
        int slot = Result(s, new QualifiedType(_ctx.SizeType), ExpressionFlags.None);
        if (c is FunctionType || c is VoidType)
        {
            SetInteger(slot, IntegerConstant.Create(1, _ctx.SizeType));
            return slot;
        }
        if (!t.IsComplete && !(c is ArrayType { SizeKind: ArraySizeKind.Variable }) && !(c is ArrayType va && va.Element.IsVariablyModified))
        {
            if (isSizeof || c is not ArrayType)
            {
                Error(s.FirstToken, $"invalid application of '{what}' to incomplete type '{TypeText(t)}'");
                return ErrorSlot(s);
            }
        }
        if (isSizeof)
        {
            if (_ctx.SizeOf(t) is long size) SetInteger(slot, IntegerConstant.Create(size, _ctx.SizeType));
        }
        else
        {
            int a = what == "_Alignof" ? _ctx.C11AlignOf(t) : _ctx.AlignOf(t);
            if (what != "_Alignof" && declared?.RequestedAlignment is int ra) a = Math.Max(a, ra);
            SetInteger(slot, IntegerConstant.Create(a, _ctx.SizeType));
        }
        return slot;
    }

    // ------------------------------------------------------------------ postfix

    private int Index(IndexExpression ix, int spine)
    {
        int b = Operand(ix.Base, spine);
        int i = Expr(ix.Index);
        var bi = Info(b);
        var ii = Info(i);
        if (bi.HasError || ii.HasError) return ErrorSlotWith(ix, b);
        var bt = bi.ValueType;
        var it = ii.ValueType;
        var flags = (bi.Flags | ii.Flags) & ExpressionFlags.SideEffects;
        if (bi.Type.Canonical.Type is VectorType vec)
            return Result(ix, new QualifiedType(vec.Element), flags | (bi.Flags & ExpressionFlags.Lvalue));
        QualifiedType? elem = null;
        int ptrSlot = b, idxSlot = i;
        if (bt.Canonical.Type is PointerType p && it.IsInteger) elem = bt.Type is PointerType wp ? wp.Pointee : p.Pointee;
        else if (it.Canonical.Type is PointerType q && bt.IsInteger)
        {
            elem = it.Type is PointerType wq ? wq.Pointee : q.Pointee;
            ptrSlot = i;
            idxSlot = b;
        }
        if (elem is not { } e)
        {
            Error(ix.FirstToken, bt.IsPointer || it.IsPointer ? "array subscript is not an integer" : "subscripted value is neither array nor pointer nor vector");
            return ErrorSlot(ix);
        }
        if (e.Canonical.Type is FunctionType)
        {
            Error(ix.FirstToken, "subscripted value is pointer to function");
            return ErrorSlot(ix);
        }
        int s = Result(ix, e, flags | ExpressionFlags.Lvalue);
        // a known address: &base[0] + i * size
        var baseInfo = Info(ptrSlot);
        IntegerConstant? baseAddr = (baseInfo.Flags & ExpressionFlags.KnownAddress) != 0 && baseInfo.Type.Canonical.Type is ArrayType
            ? _model.IntegerConstants[baseInfo.ConstantIndex]
            : baseInfo.Type.IsPointer ? IntValue(ptrSlot) : null;
        if (baseAddr is { } ba && IntValue(idxSlot) is { } iv && _ctx.SizeOf(e) is long es)
            KnownAddress(s, IntegerConstant.Create((Int128)ba.ConvertTo(_ctx.UnsignedLong).UnsignedValue + iv.Value * es, _ctx.UnsignedLong));
        return s;
    }

    private int Member(MemberAccessExpression m, int spine)
    {
        int b = Operand(m.Base, spine);
        var bi = Info(b);
        if (bi.HasError) return ErrorSlotWith(m, b);
        var name = _names[m.Member];
        QualifiedType recordType;
        bool lvalue;
        IntegerConstant? baseAddress = null;
        if (m.IsArrow)
        {
            var pt = bi.ValueType;
            if (pt.Canonical.Type is not PointerType p)
            {
                Error(m.MemberToken - 1, $"invalid type argument of '->' (have '{TypeText(pt)}')");
                return ErrorSlot(m);
            }
            recordType = pt.Type is PointerType wp ? wp.Pointee : p.Pointee;
            lvalue = true;
            baseAddress = IntValue(b);
        }
        else
        {
            recordType = bi.Type;
            lvalue = bi.IsLvalue;
            if ((bi.Flags & ExpressionFlags.KnownAddress) != 0) baseAddress = _model.IntegerConstants[bi.ConstantIndex];
        }
        var rc = recordType.Canonical.Type;
        if (rc is not RecordType record)
        {
            Error(m.MemberToken, $"request for member '{name}' in something not a structure or union");
            return ErrorSlot(m);
        }
        if (!record.IsDefined)
        {
            Error(m.MemberToken - 1, $"invalid use of undefined type '{TypeText(new QualifiedType(record))}'");
            return ErrorSlot(m);
        }
        if (!record.TryFindMember(name, out var path))
        {
            Error(m.MemberToken, $"'{TypeText(recordType)}' has no member named '{name}'");
            return ErrorSlot(m);
        }
        var mt = path.Member.Type;
        var quals = recordType.EffectiveQualifiers;
        var space = recordType.Canonical.AddressSpace;
        if (quals != 0 || space != AddressSpace.Generic) mt = new QualifiedType(mt.Type, mt.Qualifiers | quals, space != AddressSpace.Generic ? space : mt.AddressSpace);
        var flags = (bi.Flags & ExpressionFlags.SideEffects) | (lvalue ? ExpressionFlags.Lvalue : 0) | (path.Member.IsBitField ? ExpressionFlags.BitField : 0);
        int s = Result(m, mt, flags);
        Info(s).Detail = path.Member;
        if (baseAddress is { } ba && !path.Member.IsBitField)
            KnownAddress(s, IntegerConstant.Create((Int128)ba.ConvertTo(_ctx.UnsignedLong).UnsignedValue + path.ByteOffset, _ctx.UnsignedLong));
        return s;
    }

    // ------------------------------------------------------------------ GNU and C11 specials

    private int Generic(GenericSelection g)
    {
        if (!EnsureStack(g.FirstToken)) return ErrorSlot(g);
        _unevaluated++;
        int c = Expr(g.Controlling);
        _unevaluated--;
        var ci = Info(c);
        var ct = ci.ValueType;
        int selected = -1, dflt = -1;
        var types = new QualifiedType[g.Associations.Length];
        for (int i = 0; i < g.Associations.Length; i++)
        {
            var a = g.Associations[i];
            if (a.Type is null)
            {
                if (dflt >= 0) Error(a.FirstToken, "duplicate 'default' case in '_Generic'");
                dflt = i;
                continue;
            }
            types[i] = TypeNameType(a.Type);
            if (!ci.HasError && TypeCompatibility.AreCompatible(types[i], ct))
            {
                if (selected >= 0) Error(a.FirstToken, $"'_Generic' selector matches multiple associations");
                else selected = i;
            }
        }
        if (selected < 0) selected = dflt;
        int chosenSlot = -1;
        for (int i = 0; i < g.Associations.Length; i++)
        {
            bool chosen = i == selected;
            if (!chosen) _unevaluated++;
            int s = Expr(g.Associations[i].Value);
            if (!chosen) _unevaluated--;
            if (chosen) chosenSlot = s;
        }
        if (ci.HasError) return ErrorSlot(g);
        if (chosenSlot < 0)
        {
            Error(g.FirstToken, $"'_Generic' selector of type '{TypeText(ct)}' is not compatible with any association");
            return ErrorSlot(g);
        }
        int r = Copy(g, chosenSlot);
        Info(r).Selected = selected;
        return r;
    }

    private int VaArg(BuiltinVaArgExpression va)
    {
        int l = Expr(va.List);
        var t = TypeNameType(va.Type);
        if (Info(l).HasError) return ErrorSlot(va);
        if (!t.IsComplete)
        {
            Error(va.Type.FirstToken, $"second argument to 'va_arg' is of incomplete type '{TypeText(t)}'");
            return ErrorSlot(va);
        }
        return Result(va, t, Inherit(l) | ExpressionFlags.SideEffects);
    }

    private int Offsetof(BuiltinOffsetofExpression o)
    {
        var t = TypeNameType(o.Type);
        var current = t;
        long offset = 0;
        bool constant = true;
        foreach (var d in o.Designators)
        {
            switch (d)
            {
                case FieldDesignator f:
                {
                    var name = _names[f.Name];
                    if (current.Canonical.Type is ArrayType) current = ArrayElementOf(current); // GNU: a->b is a[0].b
                    if (current.Canonical.Type is not RecordType { IsDefined: true } r)
                    {
                        Error(f.NameToken, current.Canonical.Type is RecordType ? $"invalid use of undefined type '{TypeText(current)}'" : $"request for member '{name}' in something not a structure or union");
                        return ErrorSlot(o);
                    }
                    if (!r.TryFindMember(name, out var path))
                    {
                        Error(f.NameToken, $"'{TypeText(current)}' has no member named '{name}'");
                        return ErrorSlot(o);
                    }
                    if (path.Member.IsBitField)
                    {
                        Error(f.NameToken, $"attempt to take address of bit-field structure member '{name}'");
                        return ErrorSlot(o);
                    }
                    offset += path.ByteOffset;
                    current = path.Member.Type;
                    break;
                }
                case IndexDesignator ix:
                {
                    int s = Expr(ix.Index);
                    if (Info(s).HasError) return ErrorSlot(o);
                    if (current.Canonical.Type is not ArrayType a)
                    {
                        Error(ix.FirstToken, "subscripted value is neither array nor pointer nor vector");
                        return ErrorSlot(o);
                    }
                    var elem = ArrayElementOf(current);
                    if (IntValue(s) is { } v && _ctx.SizeOf(elem) is long es) offset += (long)v.Value * es;
                    else constant = false;
                    current = elem;
                    break;
                }
            }
        }
        int slot = Result(o, new QualifiedType(_ctx.SizeType), ExpressionFlags.None);
        if (constant) SetInteger(slot, IntegerConstant.Create(offset, _ctx.SizeType));
        return slot;
    }

    private int TypesCompatible(BuiltinTypesCompatibleExpression tc)
    {
        var a = TypeNameType(tc.First);
        var b = TypeNameType(tc.Second);
        int s = Result(tc, new QualifiedType(_ctx.Int), ExpressionFlags.None);
        SetInteger(s, IntegerConstant.Create(TypeCompatibility.BuiltinTypesCompatible(a, b) ? 1 : 0, _ctx.Int));
        return s;
    }

    private int ConvertVector(BuiltinConvertVectorExpression cv)
    {
        int o = Expr(cv.Operand);
        var t = TypeNameType(cv.Type);
        if (Info(o).HasError) return ErrorSlot(cv);
        return Result(cv, t, Inherit(o));
    }

    // ------------------------------------------------------------------ assignment compatibility

    private enum AssignContext : byte { Assignment, Initialization, Return, Argument }

    /// <summary>gcc's errors for a value that cannot be converted to <paramref name="target"/> (its warnings are left out).</summary>
    private void CheckAssignable(QualifiedType target, int slot, int token, AssignContext context, string? function = null, int argument = 0)
    {
        ref var info = ref Info(slot);
        if (info.HasError) return;
        var src = info.ValueType;
        var tc = target.Canonical.Type;
        var sc = src.Canonical.Type;
        bool ok;
        if (sc is VoidType)
        {
            Error(token, "void value not ignored as it ought to be");
            return;
        }
        if (tc is VectorType || sc is VectorType) return;
        if (target.IsArithmetic) ok = src.IsArithmetic || src.IsPointer && target.IsInteger || src.IsPointer && tc is IntegerType { IsBool: true };
        else if (tc is PointerType) ok = src.IsPointer || src.IsInteger;
        else if (tc is RecordType tr)
        {
            ok = ReferenceEquals(tr, sc);
            if (!ok && context == AssignContext.Argument && tr.IsTransparentUnion)
                foreach (var m in tr.Members)
                    if (TypeCompatibility.AreCompatible(m.Type.Unqualified, src.Unqualified) || m.Type.IsPointer && (src.IsPointer || info.IsNullPointerConstant)) { ok = true; break; }
        }
        else ok = true;
        if (ok) return;
        var t = TypeText(target.Canonical.Type is ArrayType ? target : new QualifiedType(target.Type));
        var s = TypeText(src);
        switch (context)
        {
            case AssignContext.Assignment: Error(token, $"incompatible types when assigning to type '{t}' from type '{s}'"); break;
            case AssignContext.Initialization: Error(token, $"incompatible types when initializing type '{t}' using type '{s}'"); break;
            case AssignContext.Return: Error(token, $"incompatible types when returning type '{s}' but '{t}' was expected"); break;
            default: Error(token, function is null ? $"incompatible type for argument {argument}" : $"incompatible type for argument {argument} of '{function}'"); break;
        }
    }
}
