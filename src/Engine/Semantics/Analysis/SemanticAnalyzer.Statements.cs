using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

public sealed partial class SemanticAnalyzer
{
    private sealed class SwitchContext
    {
        public IntegerType? Type;
        public readonly HashSet<UInt128> Values = new();
        public bool HasDefault;
    }

    private Dictionary<int, LabelSymbol> _labels = new();
    private readonly List<(int Name, LabelSymbol? Previous)> _localLabelUndo = new();
    private List<SwitchContext> _switches = new();
    private int _breakable;
    private int _loops;
    private QualifiedType _returnType;

    private void BlockItem(BlockItem item)
    {
        switch (item)
        {
            case Statement s:
                Statement(s);
                break;
            case Declaration d:
                Declaration(d);
                break;
            case FunctionDefinition fd:
                FunctionDefinition(fd);
                break;
            case StaticAssertDeclaration sa:
                StaticAssert(sa);
                break;
            case LabelDeclaration ld:
                for (int i = 0; i < ld.Names.Length; i++)
                {
                    var name = ld.Names[i];
                    _labels.TryGetValue(name, out var previous);
                    _localLabelUndo.Add((name, previous));
                    _labels[name] = Register(new LabelSymbol(_names[name], name, new QualifiedType(_ctx.Void)) { Function = _function, IsLocal = true });
                }
                break;
        }
    }

    private void Compound(CompoundStatement c)
    {
        PushScope(ScopeKind.Block);
        int labelMark = _localLabelUndo.Count;
        foreach (var item in c.Items)
        {
            if (_stopped) break;
            BlockItem(item);
        }
        while (_localLabelUndo.Count > labelMark)
        {
            var (name, prev) = _localLabelUndo[^1];
            _localLabelUndo.RemoveAt(_localLabelUndo.Count - 1);
            var local = _labels[name];
            if (local.Definition is null && _labelUses.Contains(local))
                Error(c.LastToken, $"label '{_names[name]}' used but not defined");
            if (prev is null) _labels.Remove(name);
            else _labels[name] = prev;
        }
        PopScope();
    }

    private readonly HashSet<LabelSymbol> _labelUses = new();
    private readonly List<(LabelSymbol, int)> _pendingLabelUses = new();

    private LabelSymbol Label(int name, int token, bool definition)
    {
        if (!_labels.TryGetValue(name, out var l))
        {
            l = Register(new LabelSymbol(_names[name], name, new QualifiedType(_ctx.Void)) { Function = _function });
            _labels[name] = l;
        }
        if (!definition)
        {
            _labelUses.Add(l);
            _pendingLabelUses.Add((l, token));
        }
        return l;
    }

    private void SetLabel(Statement s, LabelSymbol l)
    {
        s.SemanticSlot = _model.LabelUseList.Count;
        _model.LabelUseList.Add(l);
    }

    private void CheckLabels()
    {
        foreach (var (l, tok) in _pendingLabelUses)
            if (l.Definition is null && !l.IsLocal && ReferenceEquals(l.Function, _function))
            {
                Error(tok, $"label '{l.Name}' used but not defined");
                l.Definition = null;
            }
        _pendingLabelUses.RemoveAll(p => ReferenceEquals(p.Item1.Function, _function));
    }

    private void Statement(Statement s)
    {
        // else-if chains and label/case chains are iterative
        while (s is not null && !_stopped)
        {
            _currentToken = s.FirstToken;
            if (!EnsureStack(s.FirstToken)) return;
            switch (s)
            {
                case CompoundStatement c:
                    Compound(c);
                    return;
                case ExpressionStatement es:
                    if (es.Expression is not null) Expr(es.Expression);
                    return;
                case IfStatement ifs:
                    Condition(ifs.Condition, "if");
                    Statement(ifs.Then);
                    if (ifs.Else is null) return;
                    s = ifs.Else;
                    continue;
                case SwitchStatement sw:
                {
                    int c = Expr(sw.Condition);
                    var ct = _model.Expressions[c].ValueType;
                    var ctx = new SwitchContext();
                    if (!_model.Expressions[c].HasError)
                    {
                        if (!ct.IsInteger)
                            Error(sw.Condition.FirstToken, "switch quantity not an integer");
                        else ctx.Type = (IntegerType)ArithmeticConversions.PromotedType(ct.CanonicalType);
                    }
                    _switches.Add(ctx);
                    _breakable++;
                    Statement(sw.Body);
                    _breakable--;
                    _switches.RemoveAt(_switches.Count - 1);
                    return;
                }
                case WhileStatement w:
                    Condition(w.Condition, "while");
                    _breakable++;
                    _loops++;
                    Statement(w.Body);
                    _loops--;
                    _breakable--;
                    return;
                case DoStatement d:
                    _breakable++;
                    _loops++;
                    Statement(d.Body);
                    _loops--;
                    _breakable--;
                    Condition(d.Condition, "do");
                    return;
                case ForStatement f:
                    PushScope(ScopeKind.Block);
                    if (f.InitDeclaration is not null) BlockItem(f.InitDeclaration);
                    if (f.Init is not null) Expr(f.Init);
                    if (f.Condition is not null) Condition(f.Condition, "for");
                    if (f.Step is not null) Expr(f.Step);
                    _breakable++;
                    _loops++;
                    Statement(f.Body);
                    _loops--;
                    _breakable--;
                    PopScope();
                    return;
                case GotoStatement g:
                    if (g.Target is not null)
                    {
                        int t = Expr(g.Target);
                        var tt = _model.Expressions[t].ValueType;
                        if (!_model.Expressions[t].HasError && !tt.IsPointer && !tt.IsInteger)
                            Error(g.Target.FirstToken, "computed goto must be pointer type");
                    }
                    else if (g.Label >= 0) SetLabel(g, Label(g.Label, g.LabelToken, false));
                    return;
                case ContinueStatement:
                    if (_loops == 0 && _function is not null) Error(s.FirstToken, "continue statement not within a loop");
                    return;
                case BreakStatement:
                    if (_breakable == 0 && _function is not null) Error(s.FirstToken, "break statement not within loop or switch");
                    return;
                case ReturnStatement r:
                    Return(r);
                    return;
                case LabeledStatement ls:
                {
                    var l = Label(ls.Label, ls.LabelToken, true);
                    if (l.Definition is not null) Error(ls.LabelToken, $"duplicate label '{_names[ls.Label]}'");
                    else l.Definition = ls;
                    SetLabel(ls, l);
                    if (ls.Body is null) return;
                    if (ls.Body is Statement bs) { s = bs; continue; }
                    BlockItem(ls.Body);
                    return;
                }
                case CaseStatement cs:
                {
                    CaseLabel(cs);
                    if (cs.Body is null) return;
                    if (cs.Body is Statement bs) { s = bs; continue; }
                    BlockItem(cs.Body);
                    return;
                }
                case DefaultStatement ds:
                {
                    if (_switches.Count == 0) Error(ds.FirstToken, "'default' label not within a switch statement");
                    else if (_switches[^1].HasDefault) Error(ds.FirstToken, "multiple default labels in one switch");
                    else _switches[^1].HasDefault = true;
                    if (ds.Body is null) return;
                    if (ds.Body is Statement bs) { s = bs; continue; }
                    BlockItem(ds.Body);
                    return;
                }
                case AsmStatement asm:
                    Asm(asm);
                    return;
                default:
                    return;
            }
        }
    }

    private void Condition(Expression e, string what)
    {
        int c = Expr(e);
        ref var info = ref _model.Expressions[c];
        if (info.HasError) return;
        var t = info.ValueType;
        if (!t.IsScalar && !t.IsVector)
            Error(e.FirstToken, t.IsVoid ? "void value not ignored as it ought to be" : $"used {(t.IsUnion ? "union" : t.IsStruct ? "struct" : "array")} type value where scalar is required");
    }

    private void CaseLabel(CaseStatement cs)
    {
        var sw = _switches.Count > 0 ? _switches[^1] : null;
        if (sw is null) Error(cs.FirstToken, "case label not within a switch statement");
        IntegerConstant? low = CaseValue(cs.Value, sw);
        IntegerConstant? high = cs.RangeEnd is null ? null : CaseValue(cs.RangeEnd, sw);
        if (sw?.Type is null || low is null) return;
        if (cs.RangeEnd is null)
        {
            if (!sw.Values.Add(low.Value.Bits)) Error(cs.Value.FirstToken, "duplicate case value");
        }
        else if (high is { } h && IntegerArithmetic.Compare(low.Value, h) > 0)
            Warning(cs.Value.FirstToken, "empty range specified");
    }

    private IntegerConstant? CaseValue(Expression e, SwitchContext? sw)
    {
        _requireConstant++;
        int s = Expr(e);
        _requireConstant--;
        ref var info = ref _model.Expressions[s];
        if (info.HasError) return null;
        if (!info.IsIntegerConstant || !info.Type.IsInteger)
        {
            Error(e.FirstToken, "case label does not reduce to an integer constant");
            return null;
        }
        var v = _model.IntegerConstants[info.ConstantIndex];
        return sw?.Type is { } t ? v.ConvertTo(t) : v;
    }

    private void Return(ReturnStatement r)
    {
        if (r.Value is null) return;
        int s = Expr(r.Value);
        if (_function is null || _returnType.IsNull) return;
        ref var info = ref _model.Expressions[s];
        if (info.HasError || _returnType.IsVoid) return;
        CheckAssignable(_returnType, s, r.Value.FirstToken, AssignContext.Return);
    }

    private void Asm(AsmStatement asm)
    {
        for (int i = 0; i < asm.Outputs.Length; i++)
        {
            int s = Expr(asm.Outputs[i].Value);
            ref var info = ref _model.Expressions[s];
            if (!info.HasError && !info.IsLvalue) Error(asm.Outputs[i].Value.FirstToken, $"invalid lvalue in asm output {i}");
        }
        foreach (var op in asm.Inputs) Expr(op.Value);
        for (int i = 0; i < asm.Labels.Length; i++) Label(asm.Labels[i], asm.LabelTokens[i], false);
    }
}
