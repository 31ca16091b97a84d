using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Model;

/// <summary>
/// SPEC §2.4: walks the analysed unit and records, per owner (declaration specifiers, each
/// declarator, an initializer, a function body, a tag body), what it depends on: functions and
/// objects it uses (evaluated or not, with SPEC §2.6's label of whether a function's address
/// escapes), typedefs, tags it needs declared or defined (completeness requirements), and
/// enumerators. The walk is iterative: expression trees may be arbitrarily deep.
/// </summary>
public sealed class DependencyCollector
{
    /// <summary>How the value of a sub-expression is used, as far as a function reference in it is concerned.</summary>
    private readonly record struct Use(bool Escapes, string Context);

    private static readonly Use Callee = new(false, "callee of a call");
    private static readonly Use CallArgument = new(true, "call argument");
    private static readonly Use Assigned = new(true, "assignment");
    private static readonly Use InInitializer = new(true, "initializer");
    private static readonly Use Returned = new(true, "return value");
    private static readonly Use AsmOperand = new(true, "asm operand");
    private static readonly Use ComputedGoto = new(true, "computed goto");
    private static readonly Use Operand = new(true, "operand of an operator");
    private static readonly Use UnaryArithmetic = new(true, "operand of unary + - ~");
    private static readonly Use Accessed = new(true, "member access or subscript");
    private static readonly Use Controlling = new(false, "controlling expression");
    private static readonly Use Statement = new(false, "expression statement");
    private static readonly Use Logical = new(false, "operand of && || !");
    private static readonly Use CommaLeft = new(false, "left operand of ,");
    private static readonly Use Condition = new(false, "condition of ?:");
    private static readonly Use Designator = new(false, "array designator");
    private static readonly Use ArraySize = new(true, "array size");
    private static readonly Use Unevaluated = new(false, "unevaluated operand");

    private readonly SemanticModel _sema;
    private readonly LivePatchModel _model;
    private readonly Stack<(SyntaxNode Node, Use Use)> _stack = new();
    private readonly List<SyntaxNode> _children = new();
    private List<Dependency> _sink = new();
    private FunctionSymbol? _function;

    private DependencyCollector(SemanticModel sema)
    {
        _sema = sema;
        _model = new LivePatchModel(sema);
        foreach (var s in sema.Symbols)
            if (s is TagSymbol t) _model.TagOfType[t.TagType] = t;
    }

    public static LivePatchModel Collect(SemanticModel sema)
    {
        var c = new DependencyCollector(sema);
        var decls = sema.Root.Declarations;
        for (int i = 0; i < decls.Length; i++) c.CollectItem(new ExternalItem(i, decls[i]));
        return c._model;
    }

    private void CollectItem(ExternalItem item)
    {
        _model.Items.Add(item);
        switch (item.Node)
        {
            case Declaration d:
                WalkSpecifiers(d.Specifiers, item, item.SpecifierDeps);
                for (int i = 0; i < d.Declarators.Length; i++)
                {
                    var id = d.Declarators[i];
                    var info = _sema.GetDeclaration(id);
                    var di = new DeclaratorItem(item, i, id, id.Declarator, info.Symbol, info.Record);
                    item.Declarators.Add(di);
                    NoteCompileTimeCheck(info.Symbol, d.Specifiers, id);
                    NoteSectionPlacement(info.Symbol, d.Specifiers, id);
                    if (info.Symbol is { } sym) AddDeclaration(sym, di);
                    Walk(id.Declarator, Operand, di.DeclaratorDeps, item);
                    if (info.Symbol is ObjectSymbol obj && (info.Record?.IsDefinition ?? false))
                        RequireComplete(info.Type, id.FirstToken, "the type of a defined object", di.DeclaratorDeps, DependencyFlags.DefinitionOnly);
                    if (id.Initializer is { } init)
                    {
                        Walk(init, InInitializer, di.InitializerDeps, item);
                        if (info.Symbol is ObjectSymbol o) _model.InitializerDepsOf[o] = di.InitializerDeps;
                    }
                }
                break;
            case FunctionDefinition f:
                {
                    WalkSpecifiers(f.Specifiers, item, item.SpecifierDeps);
                    var info = _sema.GetDeclaration(f);
                    var di = new DeclaratorItem(item, 0, f, f.Declarator, info.Symbol, info.Record);
                    item.Declarators.Add(di);
                    if (info.Symbol is FunctionSymbol fn)
                    {
                        AddDeclaration(fn, di);
                        _model.DefinitionOf[fn] = item;
                        _function = fn;
                    }
                    Walk(f.Declarator, Operand, di.DeclaratorDeps, item);
                    // the return and parameter types of a definition must be complete
                    if (info.Type.CanonicalType is FunctionType ft)
                    {
                        RequireComplete(ft.ReturnType, f.Declarator.FirstToken, "return type of a definition", di.DeclaratorDeps);
                        foreach (var p in ft.Parameters) RequireComplete(p, f.Declarator.FirstToken, "parameter type of a definition", di.DeclaratorDeps);
                    }
                    foreach (var kr in f.KnRDeclarations) Walk(kr, Operand, di.DeclaratorDeps, item);
                    Walk(f.Body, Statement, item.BodyDeps, item);
                    if (info.Symbol is FunctionSymbol fs)
                        foreach (var st in fs.LocalStatics)
                            item.BodyDeps.Add(new Dependency(ReferenceKind.StaticLocal, st, DependencyFlags.Evaluated,
                                st.Declarations.Count > 0 ? st.Declarations[0].Node.FirstToken : f.FirstToken, "local static"));
                    _function = null;
                    break;
                }
            case StaticAssertDeclaration sa:
                Walk(sa, Unevaluated, item.OtherDeps, item);
                break;
            default:
                Walk(item.Node, Operand, item.OtherDeps, item);
                break;
        }
    }

    private void AddDeclaration(Symbol sym, DeclaratorItem di)
    {
        if (!_model.DeclarationsOf.TryGetValue(sym, out var list)) _model.DeclarationsOf[sym] = list = new List<DeclaratorItem>();
        list.Add(di);
    }

    private void WalkSpecifiers(DeclarationSpecifiers specs, ExternalItem item, List<Dependency> sink) =>
        Walk(specs, Operand, sink, item);

    /// <summary>Walks <paramref name="root"/> recording dependencies into <paramref name="sink"/>.</summary>
    private void Walk(SyntaxNode root, Use use, List<Dependency> sink, ExternalItem item)
    {
        var savedSink = _sink;
        _sink = sink;
        int baseCount = _stack.Count;
        _stack.Push((root, use));
        while (_stack.Count > baseCount)
        {
            var (node, u) = _stack.Pop();
            Visit(node, u, item);
        }
        _sink = savedSink;
    }

    private void Push(SyntaxNode? node, Use use)
    {
        if (node is not null) _stack.Push((node, use));
    }

    private void Visit(SyntaxNode node, Use use, ExternalItem item)
    {
        switch (node)
        {
            case IdentifierExpression id:
                Identifier(id, use);
                return;
            case ParenthesizedExpression p:
                Push(p.Inner, use);
                return;
            case CastExpression c:
                RequireComplete(_sema.TypeOf(c.Type), c.FirstToken, "cast target");
                RequireValueComplete(c.Operand, "cast operand");
                Push(c.Type, Operand);
                Push(c.Operand, use);
                return;
            case UnaryExpression u:
                Unary(u, use);
                return;
            case BinaryExpression b:
                Binary(b, use);
                return;
            case ConditionalExpression c:
                RequireValueComplete(c.Condition, "condition of ?:");
                if (c.WhenTrue is { } wt) RequireValueComplete(wt, "operand of ?:");
                RequireValueComplete(c.WhenFalse, "operand of ?:");
                Push(c.WhenFalse, use);
                Push(c.WhenTrue, use);
                Push(c.Condition, c.WhenTrue is null ? use : Condition);
                return;
            case CallExpression call:
                Call(call, use);
                return;
            case IndexExpression ix:
                RequirePointee(ix.Base, "subscripted pointer");
                RequireValueComplete(ix.Index, "subscript");
                Push(ix.Index, Accessed);
                Push(ix.Base, Accessed);
                return;
            case MemberAccessExpression m:
                if (m.IsArrow) RequirePointee(m.Base, "-> operand");
                else RequireComplete(_sema.TypeOf(m.Base), m.Base.FirstToken, ". operand");
                Push(m.Base, Accessed);
                return;
            case SizeofExpression s:
                if (s.Type is { } t)
                {
                    RequireComplete(_sema.TypeOf(t), s.FirstToken, "sizeof or _Alignof operand");
                    Push(t, Unevaluated);
                }
                if (s.Operand is { } o)
                {
                    RequireComplete(_sema.TypeOf(o), s.FirstToken, "sizeof or _Alignof operand");
                    Push(o, Unevaluated);
                }
                return;
            case CompoundLiteralExpression cl:
                RequireComplete(_sema.TypeOf(cl.Type), cl.FirstToken, "compound literal");
                Push(cl.Initializer, InInitializer);
                Push(cl.Type, Operand);
                return;
            case StatementExpression se:
                StatementExpr(se, use);
                return;
            case GenericSelection g:
                {
                    var selected = _sema.SelectedAssociation(g);
                    for (int i = g.Associations.Length - 1; i >= 0; i--)
                    {
                        var a = g.Associations[i];
                        if (a.Type is { } at)
                        {
                            RequireComplete(_sema.TypeOf(at), at.FirstToken, "_Generic association type");
                            Push(at, Operand);
                        }
                        Push(a.Value, ReferenceEquals(a, selected) ? use : Unevaluated);
                    }
                    Push(g.Controlling, Unevaluated);
                    return;
                }
            case BuiltinVaArgExpression va:
                RequireComplete(_sema.TypeOf(va.Type), va.FirstToken, "va_arg type");
                Push(va.Type, Operand);
                Push(va.List, Accessed);
                return;
            case BuiltinOffsetofExpression off:
                RequireComplete(_sema.TypeOf(off.Type), off.FirstToken, "offsetof type");
                Push(off.Type, Operand);
                foreach (var d in off.Designators) Push(d, Designator);
                return;
            case BuiltinTypesCompatibleExpression tc:
                Push(tc.First, Operand);
                Push(tc.Second, Operand);
                return;
            case BuiltinConvertVectorExpression cv:
                RequireComplete(_sema.TypeOf(cv.Type), cv.FirstToken, "convertvector type");
                Push(cv.Type, Operand);
                Push(cv.Operand, Operand);
                return;

            // statements
            case ExpressionStatement es:
                if (es.Expression is { } e) Push(e, Statement);
                return;
            case ReturnStatement r:
                if (r.Value is { } v)
                {
                    RequireValueComplete(v, "return value");
                    Push(v, Returned);
                }
                return;
            case IfStatement ifs:
                RequireValueComplete(ifs.Condition, "controlling expression");
                Push(ifs.Else, Statement);
                Push(ifs.Then, Statement);
                Push(ifs.Condition, Controlling);
                return;
            case WhileStatement ws:
                RequireValueComplete(ws.Condition, "controlling expression");
                Push(ws.Body, Statement);
                Push(ws.Condition, Controlling);
                return;
            case DoStatement ds:
                RequireValueComplete(ds.Condition, "controlling expression");
                Push(ds.Condition, Controlling);
                Push(ds.Body, Statement);
                return;
            case ForStatement fs:
                if (fs.Condition is { } fc) RequireValueComplete(fc, "controlling expression");
                Push(fs.Body, Statement);
                Push(fs.Step, Statement);
                Push(fs.Condition, Controlling);
                Push(fs.Init, Statement);
                Push(fs.InitDeclaration, Statement);
                return;
            case SwitchStatement sw:
                RequireValueComplete(sw.Condition, "controlling expression");
                Push(sw.Body, Statement);
                Push(sw.Condition, Controlling);
                return;
            case CaseStatement cs:
                Push(cs.Body, Statement);
                Push(cs.RangeEnd, Controlling);
                Push(cs.Value, Controlling);
                return;
            case GotoStatement g when g.Target is { } target:
                Push(target, ComputedGoto);
                return;
            case AsmStatement asm:
                for (int i = asm.Inputs.Length - 1; i >= 0; i--)
                {
                    RequireValueComplete(asm.Inputs[i].Value, "asm operand");
                    Push(asm.Inputs[i].Value, AsmOperand);
                }
                for (int i = asm.Outputs.Length - 1; i >= 0; i--)
                {
                    RequireValueComplete(asm.Outputs[i].Value, "asm operand");
                    Push(asm.Outputs[i].Value, AsmOperand);
                }
                return;
            case Declaration d when _function is not null && d != item.Node:
                LocalDeclaration(d, item);
                return;
            case FunctionDefinition nested when nested != item.Node:
                // a nested function: its parts belong to the enclosing body
                Push(nested.Body, Statement);
                Push(nested.Declarator, Operand);
                Push(nested.Specifiers, Operand);
                return;

            // declarations, types
            case TypedefNameSpecifier tn:
                if (_sema.TypedefOf(tn) is { IsFileScope: true } td)
                    Add(ReferenceKind.Typedef, td, DependencyFlags.None, tn.FirstToken, "typedef name");
                return;
            case StructSpecifier or EnumSpecifier:
                TagSpecifier((Specifier)node, item);
                return;
            case TypeofSpecifier to:
                Push(to.Type, Operand);
                Push(to.Expression, Unevaluated);
                return;
            case ArrayDeclarator ad:
                Push(ad.Inner, use);
                Push(ad.Size, ArraySize);
                return;
            case InitializerList il:
                for (int i = il.Items.Length - 1; i >= 0; i--) Push(il.Items[i], InInitializer);
                return;
            case InitializerItem ii:
                if (ii.Value is Expression iv) RequireValueComplete(iv, "initializer");
                Push(ii.Value, InInitializer);
                for (int i = ii.Designators.Length - 1; i >= 0; i--) Push(ii.Designators[i], Designator);
                return;
            case IndexDesignator idx:
                Push(idx.RangeEnd, Designator);
                Push(idx.Index, Designator);
                return;
            case AttributeSpecifier:
                // uses inside attributes are not dependencies (SPEC §2.3: ignored inside attributes)
                return;
        }
        _children.Clear();
        node.AppendChildren(_children);
        for (int i = _children.Count - 1; i >= 0; i--) _stack.Push((_children[i], use));
    }

    private void Identifier(IdentifierExpression id, Use use)
    {
        var info = _sema.GetInfo(id);
        var sym = info.Symbol;
        if (sym is null || sym.IsBuiltin) return;
        bool evaluated = info.IsEvaluated;
        switch (sym)
        {
            case FunctionSymbol { IsImplicit: true }:
                break;
            case FunctionSymbol f when f.OwnerFunction is null || !f.IsNested:
                if (evaluated)
                    Add(ReferenceKind.Function, f, DependencyFlags.Evaluated | (use.Escapes ? DependencyFlags.Escapes : 0), id.FirstToken, use.Context);
                else
                    Add(ReferenceKind.DeclaredType, f, DependencyFlags.None, id.FirstToken, "unevaluated use");
                break;
            case ObjectSymbol o when o.StorageDuration != StorageDuration.Automatic && !o.IsParameter:
                if (evaluated)
                    Add(ReferenceKind.Object, o, DependencyFlags.Evaluated, id.FirstToken, use.Context);
                else
                    Add(ReferenceKind.DeclaredType, o, CompositeNeeded(o) ? DependencyFlags.Composite : DependencyFlags.None, id.FirstToken, "unevaluated use");
                break;
            case EnumeratorSymbol e:
                Add(ReferenceKind.Enumerator, e, DependencyFlags.None, id.FirstToken, "enumerator");
                Add(ReferenceKind.TagDefinition, e.Tag, DependencyFlags.None, id.FirstToken, "enumerator use");
                break;
        }
    }

    /// <summary>The declared type's outermost array is complete: a declaration must carry its length.</summary>
    private static bool CompositeNeeded(ObjectSymbol o) =>
        o.Type.CanonicalType is ArrayType a && a.SizeKind == ArraySizeKind.Fixed;

    private void Unary(UnaryExpression u, Use use)
    {
        switch (u.Operator)
        {
            case UnaryOperator.AddressOf:
                Push(u.Operand, use);
                return;
            case UnaryOperator.Dereference:
                RequirePointee(u.Operand, "operand of unary *");
                Push(u.Operand, use);
                return;
            case UnaryOperator.LogicalNot:
                RequireValueComplete(u.Operand, "operand of !");
                Push(u.Operand, Logical);
                return;
            case UnaryOperator.Plus or UnaryOperator.Minus or UnaryOperator.BitwiseNot:
                RequireValueComplete(u.Operand, "operand of an operator");
                Push(u.Operand, UnaryArithmetic);
                return;
            case UnaryOperator.PreIncrement or UnaryOperator.PreDecrement or UnaryOperator.PostIncrement or UnaryOperator.PostDecrement:
                RequireValueComplete(u.Operand, "operand of ++ or --");
                RequirePointee(u.Operand, "operand of ++ or --");
                Push(u.Operand, Operand);
                return;
            case UnaryOperator.Extension:
                Push(u.Operand, use);
                return;
            default:
                RequireValueComplete(u.Operand, "operand of an operator");
                Push(u.Operand, Operand);
                return;
        }
    }

    private void Binary(BinaryExpression b, Use use)
    {
        switch (b.Operator)
        {
            case BinaryOperator.Comma:
                Push(b.Right, use);
                Push(b.Left, CommaLeft);
                return;
            case BinaryOperator.LogicalAnd or BinaryOperator.LogicalOr:
                RequireValueComplete(b.Left, "operand of && or ||");
                RequireValueComplete(b.Right, "operand of && or ||");
                Push(b.Right, Logical);
                Push(b.Left, Logical);
                return;
            case BinaryOperator.Assign or BinaryOperator.MultiplyAssign or BinaryOperator.DivideAssign or BinaryOperator.RemainderAssign
                or BinaryOperator.AddAssign or BinaryOperator.SubtractAssign or BinaryOperator.ShiftLeftAssign or BinaryOperator.ShiftRightAssign
                or BinaryOperator.AndAssign or BinaryOperator.XorAssign or BinaryOperator.OrAssign:
                RequireValueComplete(b.Left, "operand of an assignment");
                RequireValueComplete(b.Right, "operand of an assignment");
                if (b.Operator is BinaryOperator.AddAssign or BinaryOperator.SubtractAssign) RequirePointee(b.Left, "pointer arithmetic");
                Push(b.Right, Assigned);
                Push(b.Left, Assigned);
                return;
            default:
                RequireValueComplete(b.Left, "operand of an operator");
                RequireValueComplete(b.Right, "operand of an operator");
                if (b.Operator is BinaryOperator.Add or BinaryOperator.Subtract)
                {
                    RequirePointee(b.Left, "pointer arithmetic");
                    RequirePointee(b.Right, "pointer arithmetic");
                }
                Push(b.Right, Operand);
                Push(b.Left, Operand);
                return;
        }
    }

    private void Call(CallExpression call, Use use)
    {
        var chosen = _sema.ChosenArm(call);
        if (chosen is not null)
        {
            // __builtin_choose_expr: the chosen operand is transparent, the condition and the
            // other operand are not evaluated (the model marks them)
            Push(call.Arguments[2], ReferenceEquals(call.Arguments[2], chosen) ? use : Unevaluated);
            Push(call.Arguments[1], ReferenceEquals(call.Arguments[1], chosen) ? use : Unevaluated);
            Push(call.Arguments[0], Condition);
            return;
        }
        // the callee's return and parameter types must be complete
        var calleeType = _sema.ValueTypeOf(call.Callee).CanonicalType;
        if (calleeType is PointerType { Pointee.CanonicalType: FunctionType ft })
        {
            RequireComplete(ft.ReturnType, call.FirstToken, "callee return type");
            foreach (var p in ft.Parameters) RequireComplete(p, call.FirstToken, "callee parameter type");
        }
        for (int i = call.Arguments.Length - 1; i >= 0; i--)
        {
            RequireValueComplete(call.Arguments[i], "call argument");
            Push(call.Arguments[i], CallArgument);
        }
        Push(call.Callee, Callee);
    }

    private void StatementExpr(StatementExpression se, Use use)
    {
        var items = se.Body.Items;
        for (int i = items.Length - 1; i >= 0; i--)
        {
            // the value of ({...}) is its last expression statement: transparent
            if (i == items.Length - 1 && items[i] is ExpressionStatement { Expression: { } last })
                Push(last, use);
            else Push(items[i], Statement);
        }
    }

    private void LocalDeclaration(Declaration d, ExternalItem item)
    {
        bool isExtern = d.Specifiers.StorageClass == Keyword.Extern;
        foreach (var id in d.Declarators)
        {
            var info = _sema.GetDeclaration(id);
            NoteCompileTimeCheck(info.Symbol, d.Specifiers, id);
            NoteSectionPlacement(info.Symbol, d.Specifiers, id);
            if (!isExtern && !d.Specifiers.IsTypedef && info.Symbol is ObjectSymbol)
                RequireComplete(info.Type, id.FirstToken, "local declaration");
            if (info.Symbol is ObjectSymbol o && o.IsLocalStatic)
            {
                // a local static's initializer belongs to the static (SPEC: the function depends on its statics)
                var deps = new List<Dependency>();
                if (id.Initializer is { } init)
                {
                    var saved = _sink;
                    _sink = deps;
                    WalkNested(init, InInitializer, item);
                    _sink = saved;
                }
                _model.InitializerDepsOf[o] = deps;
                Push(id.Declarator, Operand);
                continue;
            }
            Push(id.Initializer, InInitializer);
            Push(id.Declarator, Operand);
        }
        Push(d.Specifiers, Operand);
    }

    /// <summary>Records a function declared here with the <c>error</c> or <c>warning</c> attribute.</summary>
    private void NoteCompileTimeCheck(Symbol? symbol, DeclarationSpecifiers specs, InitDeclarator id)
    {
        if (symbol is FunctionSymbol f && !_model.CompileTimeChecks.Contains(f) && DeclarationAttributes(specs, id).Any(HasDiagnosticAttribute))
            _model.CompileTimeChecks.Add(f);
    }

    /// <summary>
    /// The attribute specifiers that gcc applies to the entity an init-declarator declares: in the
    /// declaration specifiers, before the declarator, among pointer qualifiers and inside
    /// parentheses of the declarator chain (gcc moves declaration attributes written there to
    /// the declaration), and after the declarator.
    /// </summary>
    private static IEnumerable<AttributeSpecifier> DeclarationAttributes(DeclarationSpecifiers specs, InitDeclarator id)
    {
        foreach (var sp in specs.Items)
            if (sp is AttributeSpecifier a) yield return a;
        foreach (var a in id.PrefixAttributes) yield return a;
        for (Declarator? d = id.Declarator; d is not null; d = d.InnerDeclarator)
        {
            switch (d)
            {
                case PointerDeclarator p:
                    foreach (var q in p.Qualifiers)
                        if (q is AttributeSpecifier a) yield return a;
                    break;
                case ParenthesizedDeclarator pd:
                    foreach (var a in pd.Attributes) yield return a;
                    break;
            }
        }
        foreach (var a in id.Attributes) yield return a;
    }

    /// <summary>Records an object declared in a <c>.discard*</c> or a per-cpu section.</summary>
    private void NoteSectionPlacement(Symbol? symbol, DeclarationSpecifiers specs, InitDeclarator id)
    {
        if (symbol is not ObjectSymbol o) return;
        foreach (var a in DeclarationAttributes(specs, id))
        {
            if (SectionOf(a) is not { } section) continue;
            if (section == ".discard" || section.StartsWith(".discard.", StringComparison.Ordinal)) _model.DiscardedObjects.Add(o);
            else if (section.StartsWith(".data..percpu", StringComparison.Ordinal)) _model.PerCpuObjects.Add(o);
        }
    }

    /// <summary>The section a <c>section("...")</c> attribute names, or null.</summary>
    private string? SectionOf(AttributeSpecifier a)
    {
        foreach (var item in a.Attributes)
        {
            if (item.Namespace >= 0 && _sema.Unit.Names[item.Namespace] is not ("gnu" or "__gnu__")) continue;
            if (_sema.Unit.Names[item.Name] is not ("section" or "__section__") || item.Arguments.Length != 1) continue;
            if (StringValue(item.Arguments[0]) is { } section) return section;
        }
        return null;
    }

    /// <summary>The text of a plain string literal (adjacent literals concatenated), or null when it is something else or has escapes.</summary>
    private string? StringValue(Expression e)
    {
        if (e is not StringLiteral) return null;
        var sb = new System.Text.StringBuilder();
        for (int i = e.FirstToken; i <= e.LastToken; i++)
        {
            ref readonly var t = ref _sema.Unit.Tokens[i];
            if (t.Kind != Preprocessing.TokenKind.String) return null;
            var text = _sema.Unit.Spell(t);
            if (text.Length < 2 || text.Contains('\\')) return null;
            sb.Append(text, 1, text.Length - 2);
        }
        return sb.ToString();
    }

    private bool HasDiagnosticAttribute(AttributeSpecifier a)
    {
        foreach (var item in a.Attributes)
        {
            if (item.Namespace >= 0 && _sema.Unit.Names[item.Namespace] is not ("gnu" or "__gnu__")) continue;
            if (_sema.Unit.Names[item.Name] is "error" or "__error__" or "warning" or "__warning__") return true;
        }
        return false;
    }

    /// <summary>A sub-walk into another sink while the main walk is running.</summary>
    private void WalkNested(SyntaxNode root, Use use, ExternalItem item)
    {
        int baseCount = _stack.Count;
        _stack.Push((root, use));
        while (_stack.Count > baseCount)
        {
            var (node, u) = _stack.Pop();
            Visit(node, u, item);
        }
    }

    private void TagSpecifier(Specifier spec, ExternalItem item)
    {
        var mention = _sema.TagMentionOf(spec);
        if (mention is null) return;
        var tag = mention.Tag;
        switch (mention.Use)
        {
            case TagUseKind.Reference:
                if (tag.IsFileScope) Add(ReferenceKind.TagDeclaration, tag, DependencyFlags.None, spec.FirstToken, "tag mention");
                break;
            case TagUseKind.Declaration:
                if (!mention.IsFileScope && !mention.IsStandalone && tag.Name.Length > 0
                    && _sema.LookupFileScopeTag(tag.Name) is { } outer && outer != tag)
                    Add(ReferenceKind.TagNonDeclaredness, outer, DependencyFlags.None, spec.FirstToken, "local tag declaration");
                break;
            case TagUseKind.Definition:
                if (!mention.IsFileScope && tag.Name.Length > 0 && _sema.LookupFileScopeTag(tag.Name) is { } shadowed && shadowed != tag)
                    Add(ReferenceKind.TagNonDeclaredness, shadowed, DependencyFlags.None, spec.FirstToken, "local tag definition");
                if (mention.IsFileScope)
                {
                    item.TagDefinitions.Add(spec);
                    _model.TagDefinitionItem.TryAdd(tag, item);
                }
                // a file-scope tag's body has its own dependencies (the tag may be emitted alone);
                // a local one's belong to the enclosing body
                TagBody(spec, tag, item, separate: mention.IsFileScope);
                return;
        }
    }

    /// <summary>Walks a tag's body into its own dependency list (or the current one).</summary>
    private void TagBody(Specifier spec, TagSymbol tag, ExternalItem item, bool separate)
    {
        var deps = separate ? new List<Dependency>() : _sink;
        var saved = _sink;
        _sink = deps;
        switch (spec)
        {
            case StructSpecifier s when s.Members is { } members:
                foreach (var m in members)
                {
                    if (m.StaticAssert is { } sa) { WalkNested(sa, Unevaluated, item); continue; }
                    if (m.Specifiers is { } ms) WalkNested(ms, Operand, item);
                    foreach (var md in m.Declarators)
                    {
                        var mt = _sema.DeclaredType(md);
                        RequireComplete(mt, md.FirstToken, "member type");
                        if (md.Declarator is { } decl) WalkNested(decl, Operand, item);
                        if (md.BitWidth is { } bw) WalkNested(bw, Unevaluated, item);
                    }
                    if (m.Declarators.Length == 0 && m.Specifiers is { } anon)
                    {
                        // an anonymous struct/union member: its type must be complete (it is defined right there)
                        foreach (var sp in anon.Items)
                            if (sp is StructSpecifier inner && _sema.TagMentionOf(inner) is { } im)
                                RequireComplete(new QualifiedType(im.Tag.TagType), inner.FirstToken, "member type");
                    }
                }
                break;
            case EnumSpecifier e when e.Enumerators is { } enumerators:
                foreach (var en in enumerators)
                    if (en.Value is { } v) WalkNested(v, Unevaluated, item);
                break;
        }
        _sink = saved;
        if (!separate) return;
        if (_model.TagBodyDepsOf.TryGetValue(tag, out var existing)) existing.AddRange(deps);
        else _model.TagBodyDepsOf[tag] = deps;
    }

    private void Add(ReferenceKind kind, Symbol target, DependencyFlags flags, int token, string context) =>
        _sink.Add(new Dependency(kind, target, flags, token, context));

    // ---- completeness ------------------------------------------------------------------------

    private void RequireValueComplete(Expression e, string why)
    {
        var t = _sema.ValueTypeOf(e);
        if (t.Type is not null) RequireComplete(t, e.FirstToken, why);
    }

    /// <summary>The pointee of a pointer-typed expression must be complete (unary *, ->, pointer arithmetic, subscript).</summary>
    private void RequirePointee(Expression e, string why)
    {
        var t = _sema.ValueTypeOf(e);
        if (t.Type is null) return;
        if (t.CanonicalType is PointerType p) RequireComplete(p.Pointee, e.FirstToken, why);
    }

    /// <summary>A complete struct/union/enum (after typedefs, through array element types) needs its tag's definition.</summary>
    private void RequireComplete(QualifiedType t, int token, string why, List<Dependency>? sink = null, DependencyFlags flags = DependencyFlags.None)
    {
        if (t.Type is null) return;
        var c = t.CanonicalType;
        int guard = 0;
        while (c is ArrayType a && guard++ < 64) c = a.Element.CanonicalType;
        if (c is VectorType) return;
        if (c is RecordType or EnumType && _model.TagOfType.TryGetValue(c, out var tag))
            (sink ?? _sink).Add(new Dependency(ReferenceKind.TagDefinition, tag, flags, token, why));
    }

    private void RequireComplete(QualifiedType t, int token, string why, List<Dependency> sink) =>
        RequireComplete(t, token, why, sink, DependencyFlags.None);
}
