using System.Numerics;
using KlpCcp.Engine.Semantics.Analysis.Builtins;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

public sealed partial class SemanticAnalyzer
{
    private readonly Dictionary<int, FunctionSymbol?> _builtinSymbols = new();
    private BuiltinTable? _builtinTable;

    private static bool IsCoreBuiltinName(string name) =>
        name.StartsWith("__builtin_", StringComparison.Ordinal) || name.StartsWith("__sync_", StringComparison.Ordinal)
        || name.StartsWith("__atomic_", StringComparison.Ordinal);

    /// <summary>The predeclared function a core builtin name (<c>__builtin_*</c>, <c>__sync_*</c>, <c>__atomic_*</c>) denotes, or null.</summary>
    private FunctionSymbol? BuiltinSymbol(int nameId)
    {
        if (_builtinSymbols.TryGetValue(nameId, out var f)) return f;
        var name = _names[nameId];
        f = null;
        if (IsCoreBuiltinName(name) && (_opts.Features.HasBuiltin(name) || TypeGenericResult(name) is not null))
            f = MakeBuiltin(nameId, name);
        _builtinSymbols[nameId] = f;
        return f;
    }

    private FunctionSymbol MakeBuiltin(int nameId, string name)
    {
        _builtinTable ??= BuiltinTable.For(_opts.Arch);
        QualifiedType type;
        bool generic = false;
        if (TypeGenericResult(name) is not null)
        {
            type = new QualifiedType(_ctx.UnprototypedFunction(new QualifiedType(_ctx.Int)));
            generic = true;
        }
        else type = _builtinTable.TypeOf(name, _ctx) ?? new QualifiedType(_ctx.UnprototypedFunction(new QualifiedType(_ctx.Int)));
        var f = Register(new FunctionSymbol(name, nameId, type) { Linkage = Linkage.External, IsBuiltin = true, IsFileScope = true, IsTypeGeneric = generic });
        return f;
    }

    /// <summary>Result kinds of gcc's type-generic builtins (typed from their arguments), or null for other names.</summary>
    private static string? TypeGenericResult(string name)
    {
        switch (name)
        {
            case "__builtin_choose_expr":
            case "__builtin_constant_p":
            case "__builtin_classify_type":
            case "__builtin_expect":
            case "__builtin_expect_with_probability":
                return "special";
            case "__builtin_add_overflow" or "__builtin_sub_overflow" or "__builtin_mul_overflow"
                or "__builtin_add_overflow_p" or "__builtin_sub_overflow_p" or "__builtin_mul_overflow_p":
                return "bool";
            case "__builtin_speculation_safe_value" or "__builtin_call_with_static_chain" or "__builtin_shuffle"
                or "__builtin_shufflevector":
                return "arg0";
            case "__builtin_complex":
                return "complex";
            case "__builtin_isnan" or "__builtin_isinf" or "__builtin_isfinite" or "__builtin_isnormal" or "__builtin_isinf_sign"
                or "__builtin_signbit" or "__builtin_fpclassify" or "__builtin_isgreater" or "__builtin_isgreaterequal"
                or "__builtin_isless" or "__builtin_islessequal" or "__builtin_islessgreater" or "__builtin_isunordered"
                or "__builtin_iseqsig" or "__builtin_issignaling" or "__builtin_va_arg_pack" or "__builtin_va_arg_pack_len"
                or "__builtin_clear_padding":
                return name == "__builtin_clear_padding" ? "void" : "int";
            case "__builtin_tgmath":
                return "double";
            case "__builtin_has_attribute":
                return "bool";
            case "__builtin_va_start" or "__builtin_va_end" or "__builtin_va_copy" or "__builtin_c23_va_start":
                return "void";
            case "__sync_synchronize" or "__sync_lock_release":
                return "void";
            case "__sync_bool_compare_and_swap":
                return "bool";
            case "__atomic_store_n" or "__atomic_store" or "__atomic_load" or "__atomic_exchange" or "__atomic_clear"
                or "__atomic_thread_fence" or "__atomic_signal_fence":
                return "void";
            case "__atomic_compare_exchange_n" or "__atomic_compare_exchange" or "__atomic_test_and_set"
                or "__atomic_always_lock_free" or "__atomic_is_lock_free":
                return "bool";
            case "__atomic_load_n" or "__atomic_exchange_n" or "__sync_val_compare_and_swap" or "__sync_lock_test_and_set":
                return "pointee";
        }
        if (name.StartsWith("__atomic_", StringComparison.Ordinal) && (name.EndsWith("_fetch", StringComparison.Ordinal) || name.StartsWith("__atomic_fetch_", StringComparison.Ordinal)))
            return "pointee";
        if (name.StartsWith("__sync_fetch_and_", StringComparison.Ordinal) || name.StartsWith("__sync_", StringComparison.Ordinal) && name.EndsWith("_and_fetch", StringComparison.Ordinal))
            return "pointee";
        return null;
    }

    private int Call(CallExpression c, int spine)
    {
        if (!EnsureStack(c.FirstToken)) return ErrorSlot(c);
        int calleeSlot;
        string? calleeName = null;
        if (spine < 0 && c.Callee is IdentifierExpression id)
        {
            calleeName = _names[id.Name];
            var visible = Lookup(id.Name);
            if (visible is null && TypeGenericResult(calleeName) is { } kind && (kind == "special" || _opts.Features.HasBuiltin(calleeName) || true))
                return SpecialCall(c, id, calleeName, kind);
            calleeSlot = Identifier(id, callee: true);
        }
        else calleeSlot = Operand(c.Callee, spine);
        var args = c.Arguments;
        Span<int> small = stackalloc int[8];
        int[]? big = args.Length > 8 ? new int[args.Length] : null;
        var slots = big is null ? small[..args.Length] : big.AsSpan();
        var flags = Info(calleeSlot).Flags & ExpressionFlags.SideEffects;
        bool error = Info(calleeSlot).HasError;
        for (int i = 0; i < args.Length; i++)
        {
            slots[i] = Expr(args[i]);
            flags |= Info(slots[i]).Flags & ExpressionFlags.SideEffects;
            error |= Info(slots[i]).HasError;
        }
        var ci = Info(calleeSlot);
        if (ci.HasError) return ErrorSlot(c);
        var ct = ci.ValueType;
        if (ct.Canonical.Type is not PointerType { Pointee: var pointee } || pointee.Canonical.Type is not FunctionType ft)
        {
            Error(c.Callee.FirstToken, ci.Symbol is { } s0 ? $"called object '{s0.Name}' is not a function or function pointer" : "called object is not a function or function pointer");
            return ErrorSlot(c);
        }
        var fsym = ci.Symbol as FunctionSymbol;
        var fname = fsym?.Name ?? (c.Callee is IdentifierExpression ie ? _names[ie.Name] : null);
        if (ft.IsPrototyped && !(fsym?.IsBuiltin ?? false) && !error)
        {
            int n = ft.Parameters.Count;
            if (args.Length < n)
            {
                Error(c.LastToken, fname is null ? "too few arguments to function" : $"too few arguments to function '{fname}'");
                return ErrorSlot(c);
            }
            if (args.Length > n && !ft.IsVariadic)
            {
                Error(args[n].FirstToken, fname is null ? "too many arguments to function" : $"too many arguments to function '{fname}'");
                return ErrorSlot(c);
            }
            for (int i = 0; i < n; i++) CheckAssignable(ft.Parameters[i], slots[i], args[i].FirstToken, AssignContext.Argument, fname, i + 1);
        }
        else if (!error)
        {
            for (int i = 0; i < args.Length; i++)
                if (Info(slots[i]).ValueType.IsVoid) { Error(args[i].FirstToken, "void value not ignored as it ought to be"); return ErrorSlot(c); }
        }
        var ret = ft.ReturnType;
        var rt = ret.Canonical.Type is ArrayType ? ret : ret.HasQualifiers || ret.Canonical.HasQualifiers ? ret.Unqualified : ret;
        if (!rt.IsVoid && !rt.IsComplete && rt.Canonical.Type is RecordType or EnumType && !error)
        {
            Error(c.FirstToken, $"invalid use of undefined type '{TypeText(rt)}'");
            return ErrorSlot(c);
        }
        bool pure = fsym is { IsBuiltin: true };
        int slot = Result(c, rt, flags | (pure ? 0 : ExpressionFlags.SideEffects) | (error ? ExpressionFlags.Error : 0));
        if (fsym is { IsBuiltin: true } && !error) FoldBuiltin(slot, fsym.Name, slots);
        return slot;
    }

    /// <summary>A slot for the callee of a builtin typed by the analyzer.</summary>
    private int BuiltinCallee(IdentifierExpression id, string name)
    {
        var f = BuiltinSymbol(id.Name) ?? MakeBuiltin(id.Name, name);
        return Result(id, f.Type, ExpressionFlags.FunctionDesignator, f);
    }

    private int SpecialCall(CallExpression c, IdentifierExpression id, string name, string kind)
    {
        BuiltinCallee(id, name);
        var args = c.Arguments;
        switch (name)
        {
            case "__builtin_choose_expr":
            {
                if (args.Length != 3)
                {
                    Error(c.FirstToken, "wrong number of arguments to '__builtin_choose_expr'");
                    foreach (var a in args) Expr(a);
                    return ErrorSlot(c);
                }
                _requireConstant++;
                int cond = Expr(args[0]);
                _requireConstant--;
                var cv = IntValue(cond);
                if (!Info(cond).HasError && cv is null)
                    Error(args[0].FirstToken, "first argument to '__builtin_choose_expr' not a constant");
                bool first = cv is { IsZero: false };
                bool known = cv is not null;
                if (known && !first) _unevaluated++;
                int a1 = Expr(args[1]);
                if (known && !first) _unevaluated--;
                if (known && first) _unevaluated++;
                int a2 = Expr(args[2]);
                if (known && first) _unevaluated--;
                if (!known) return ErrorSlot(c);
                int r = Copy(c, first ? a1 : a2);
                Info(r).Selected = first ? 1 : 2;
                return r;
            }
            case "__builtin_constant_p":
            {
                if (args.Length != 1)
                {
                    Error(c.FirstToken, args.Length == 0 ? "too few arguments to function '__builtin_constant_p'" : "too many arguments to function '__builtin_constant_p'");
                    return ErrorSlot(c);
                }
                _unevaluated++;
                int a = Expr(args[0]);
                _unevaluated--;
                var ai = Info(a);
                int s = Result(c, new QualifiedType(_ctx.Int), ExpressionFlags.None);
                if (ai.HasError) return s;
                bool constant = ai.IsIntegerConstant && !ai.ValueType.IsPointer || ai.IsFloatConstant || (ai.Flags & ExpressionFlags.StringLiteral) != 0;
                if (constant) SetInteger(s, IntegerConstant.Create(1, _ctx.Int));
                else if (ai.HasSideEffects || ai.ValueType.IsPointer || ai.ValueType.IsRecord || ai.Type.IsArray
                         || _function is null || _staticInitializer > 0 || _requireConstant > 0)
                    SetInteger(s, IntegerConstant.Create(0, _ctx.Int));
                return s;
            }
            case "__builtin_classify_type":
            {
                if (args.Length != 1)
                {
                    Error(c.FirstToken, "wrong number of arguments to '__builtin_classify_type'");
                    return ErrorSlot(c);
                }
                _unevaluated++;
                int a = Expr(args[0]);
                _unevaluated--;
                int s = Result(c, new QualifiedType(_ctx.Int), ExpressionFlags.None);
                if (!Info(a).HasError) SetInteger(s, IntegerConstant.Create(ClassifyType(Info(a).ValueType), _ctx.Int));
                return s;
            }
        }
        // type-generic builtins: arguments evaluated, result typed from them
        Span<int> slots = stackalloc int[Math.Min(args.Length, 16)];
        var flags = ExpressionFlags.SideEffects;
        bool error = false;
        int firstSlot = -1;
        for (int i = 0; i < args.Length; i++)
        {
            int s = Expr(args[i]);
            if (i < slots.Length) slots[i] = s;
            if (i == 0) firstSlot = s;
            error |= Info(s).HasError;
        }
        if (error) return ErrorSlot(c);
        QualifiedType t;
        switch (kind)
        {
            case "special": // __builtin_expect, __builtin_expect_with_probability
            {
                if (args.Length < 2)
                {
                    Error(c.FirstToken, $"too few arguments to function '{name}'");
                    return ErrorSlot(c);
                }
                int s = Result(c, new QualifiedType(_ctx.Long), Info(firstSlot).Flags & ExpressionFlags.SideEffects);
                if (IntValue(firstSlot) is { } v && Info(firstSlot).ValueType.IsInteger) SetInteger(s, v.ConvertTo(_ctx.Long));
                return s;
            }
            case "bool": t = new QualifiedType(_ctx.Bool); break;
            case "int": t = new QualifiedType(_ctx.Int); break;
            case "void": t = new QualifiedType(_ctx.Void); break;
            case "double": t = new QualifiedType(_ctx.Double); break;
            case "arg0":
                if (firstSlot < 0) { Error(c.FirstToken, $"too few arguments to function '{name}'"); return ErrorSlot(c); }
                t = Info(firstSlot).ValueType;
                break;
            case "complex":
                if (firstSlot < 0) { Error(c.FirstToken, $"too few arguments to function '{name}'"); return ErrorSlot(c); }
                t = Info(firstSlot).ValueType.IsArithmetic ? new QualifiedType(_ctx.Complex(Info(firstSlot).ValueType.CanonicalType)) : new QualifiedType(_ctx.Complex(_ctx.Double));
                break;
            case "pointee":
            {
                if (firstSlot < 0) { Error(c.FirstToken, $"too few arguments to function '{name}'"); return ErrorSlot(c); }
                var pt = Info(firstSlot).ValueType;
                if (pt.Canonical.Type is not PointerType p)
                {
                    Error(args[0].FirstToken, $"argument 1 of '{name}' must be a pointer type");
                    return ErrorSlot(c);
                }
                t = p.Pointee.Unqualified;
                break;
            }
            default: t = new QualifiedType(_ctx.Int); break;
        }
        int r2 = Result(c, t, flags);
        if (name is "__atomic_always_lock_free" && args.Length >= 1 && IntValue(firstSlot) is { } sz)
            SetInteger(r2, IntegerConstant.Create(sz.UnsignedValue == 1 || sz.UnsignedValue == 2 || sz.UnsignedValue == 4 || sz.UnsignedValue == 8 || sz.UnsignedValue == 16 && _opts.Arch == Toolchain.TargetArch.AArch64 ? 1 : 0, _ctx.Bool));
        return r2;
    }

    /// <summary>gcc's __builtin_classify_type (typeclass.h).</summary>
    private static int ClassifyType(QualifiedType t) => t.Canonical.Type switch
    {
        VoidType => 0,
        EnumType => 3,
        IntegerType { IsBool: true } => 4,
        IntegerType => 1,
        PointerType => 5,
        FloatingType => 8,
        ComplexType => 9,
        FunctionType => 10,
        RecordType { IsUnion: true } => 13,
        RecordType => 12,
        ArrayType => 14,
        VectorType => 19,
        _ => -1,
    };

    /// <summary>Folds the constant builtins gcc folds in constant expressions (byte swaps, bit counts).</summary>
    private void FoldBuiltin(int slot, string name, ReadOnlySpan<int> args)
    {
        if (args.Length != 1 || IntValue(args[0]) is not { } v) return;
        var rt = IntegerTypeOf(Info(slot).ValueType);
        if (rt is null) return;
        var bn = name.StartsWith("__builtin_", StringComparison.Ordinal) ? name["__builtin_".Length..] : name;
        int width(string suffix) => suffix switch { "ll" => _ctx.LongLong.Bits, "l" => _ctx.Long.Bits, "imax" => 64, "g" => v.Type.Bits, _ => _ctx.Int.Bits };
        UInt128 Bits(int w) => w >= 128 ? v.Bits : v.Bits & ((UInt128.One << w) - 1);
        IntegerConstant? r = null;
        switch (bn)
        {
            case "bswap16" or "bswap32" or "bswap64" or "bswap128":
            {
                int w = int.Parse(bn.AsSpan(5));
                var x = Bits(w);
                UInt128 y = 0;
                for (int i = 0; i < w / 8; i++) y |= ((x >> (8 * i)) & 0xff) << (w - 8 - 8 * i);
                r = IntegerConstant.CreateUnsigned(y, rt);
                break;
            }
            default:
            {
                string[] families = ["clz", "ctz", "clrsb", "ffs", "popcount", "parity"];
                foreach (var fam in families)
                {
                    if (!bn.StartsWith(fam, StringComparison.Ordinal)) continue;
                    var suffix = bn[fam.Length..];
                    if (suffix is not ("" or "l" or "ll" or "imax")) continue;
                    int w = width(suffix);
                    var x = Bits(w);
                    int res;
                    switch (fam)
                    {
                        case "clz": if (x == 0) return; res = (int)UInt128.LeadingZeroCount(x) - (128 - w); break;
                        case "ctz": if (x == 0) return; res = (int)UInt128.TrailingZeroCount(x); break;
                        case "ffs": res = x == 0 ? 0 : (int)UInt128.TrailingZeroCount(x) + 1; break;
                        case "popcount": res = (int)UInt128.PopCount(x); break;
                        case "parity": res = (int)(UInt128.PopCount(x) & 1); break;
                        default:
                        {
                            // clrsb: leading redundant sign bits
                            bool neg = ((x >> (w - 1)) & 1) != 0;
                            var y = neg ? ~x & ((w >= 128 ? UInt128.MaxValue : (UInt128.One << w) - 1)) : x;
                            res = (y == 0 ? w : (int)UInt128.LeadingZeroCount(y) - (128 - w)) - 1;
                            break;
                        }
                    }
                    r = IntegerConstant.Create(res, rt);
                    break;
                }
                break;
            }
        }
        if (r is { } rv) SetInteger(slot, rv);
    }
}
