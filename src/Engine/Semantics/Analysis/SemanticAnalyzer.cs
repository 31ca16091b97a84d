using System.Runtime.CompilerServices;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Semantics.Types.Layout;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>
/// Semantic analysis of a parsed translation unit: scopes and name lookup, declarations with
/// linkage and storage duration (one symbol per entity, all its declarations chained), the
/// types of declarations (specifiers, declarators, attributes, <c>#pragma pack</c>), struct/union/enum
/// completion, expression typing with the usual conversions, integer constant expressions in the
/// target's arithmetic, and which expressions are evaluated. Errors are gcc's, reported through
/// <see cref="PreprocessedUnit.DiagnosticAt"/>; kernel code (valid GNU C) is accepted.
/// The walk recurses only where the parser bounded nesting; left-deep operator and postfix chains
/// and else-if chains are walked iteratively, and a stack probe turns anything deeper into a
/// "nesting too deep" error instead of a crash.
/// </summary>
public sealed partial class SemanticAnalyzer
{
    private readonly ParseResult _parse;
    private readonly PreprocessedUnit _unit;
    private readonly Token[] _toks;
    private readonly NameTable _names;
    private readonly TypeContext _ctx;
    private readonly AnalyzerOptions _opts;
    private readonly DiagnosticBag _diags;
    private readonly DiagnosticBag _scratch = new();
    private readonly SemanticModel _model;
    private int _errors;
    private bool _stopped;

    private SemanticAnalyzer(ParseResult parse, TypeContext types, AnalyzerOptions options, DiagnosticBag diagnostics)
    {
        _parse = parse;
        _unit = parse.Unit;
        _toks = _unit.Tokens;
        _names = _unit.Names;
        _ctx = types;
        _opts = options;
        _diags = diagnostics;
        _model = new SemanticModel(parse, types, diagnostics);
        _pack = new PragmaPackState(types.Packing);
        EnsureNameCapacity(_names.Count + 64);
        _voidPtr = new QualifiedType(_ctx.Pointer(_ctx.Void));
        _constCharPtr = new QualifiedType(_ctx.Pointer(new QualifiedType(_ctx.Char, TypeQualifiers.Const)));
    }

    /// <summary>
    /// Analyses <paramref name="parse"/>'s tree. Diagnostics go to <paramref name="diagnostics"/>
    /// (by default the parse result's bag, so that all of a unit's messages stay in order).
    /// Never throws for bad input: an internal failure becomes an error diagnostic.
    /// </summary>
    public static SemanticModel Analyze(ParseResult parse, TypeContext types, AnalyzerOptions? options = null, DiagnosticBag? diagnostics = null)
    {
        var a = new SemanticAnalyzer(parse, types, options ?? AnalyzerOptions.Default, diagnostics ?? parse.Diagnostics);
        parse.Root.SemanticOwner = a._model.Stamp;
        try
        {
            a.Run();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            a.Error(a._currentToken, "internal semantic analyzer error: " + e.GetType().Name + ": " + e.Message);
        }
        a._model.ErrorCount = a._errors;
        return a._model;
    }

    // ------------------------------------------------------------------ diagnostics

    private int _currentToken;

    private void Error(int token, string message)
    {
        if (_stopped) return;
        _errors++;
        _diags.Add(_unit.DiagnosticAt(token, Severity.Error, message));
        if (_errors >= _opts.MaxErrors)
        {
            _stopped = true;
            _diags.Add(_unit.DiagnosticAt(token, Severity.Error, "too many errors; analysis stopped"));
        }
    }

    private void Warning(int token, string message)
    {
        if (_stopped) return;
        _model.WarningCount++;
        _diags.Add(_unit.DiagnosticAt(token, Severity.Warning, message));
    }

    /// <summary>Moves what a type-model or constant helper reported into the unit's diagnostics, located at <paramref name="token"/>.</summary>
    private void TakeScratch(int mark, int token, bool suppressWarnings = false)
    {
        var items = _scratch.Items;
        for (int i = mark; i < items.Count; i++)
        {
            var d = items[i];
            if (d.Severity == Severity.Error) Error(token, d.Message);
            else if (!suppressWarnings) Warning(token, d.Message);
        }
    }

    private string Name(int id) => _names[id];
    private static string TypeText(QualifiedType t) => t.IsNull ? "<error>" : TypePrinter.Print(t);

    // ------------------------------------------------------------------ scopes

    private enum ScopeKind : byte { File, Block, Prototype, Function }

    private struct Binding
    {
        public Symbol Symbol;
        public int Depth;
        public int Next;
    }

    private struct ScopeFrame
    {
        public ScopeKind Kind;
        public int UndoMark;
    }

    private Binding[] _bindings = new Binding[4096];
    private int _bindingCount = 1;
    private int[] _ordinaryHead = Array.Empty<int>();
    private int[] _tagHead = Array.Empty<int>();
    private (int Name, bool Tag, int PreviousHead)[] _undo = new (int, bool, int)[1024];
    private int _undoTop;
    private ScopeFrame[] _scopes = new ScopeFrame[64];
    private int _depth = -1;

    private void EnsureNameCapacity(int n)
    {
        if (_ordinaryHead.Length >= n) return;
        int size = Math.Max(n, _ordinaryHead.Length * 2);
        Array.Resize(ref _ordinaryHead, size);
        Array.Resize(ref _tagHead, size);
    }

    private int InternName(string s)
    {
        int id = _names.Intern(s);
        EnsureNameCapacity(id + 1);
        return id;
    }

    private void PushScope(ScopeKind kind)
    {
        if (++_depth == _scopes.Length) Array.Resize(ref _scopes, _scopes.Length * 2);
        _scopes[_depth] = new ScopeFrame { Kind = kind, UndoMark = _undoTop };
    }

    /// <summary>Closes the innermost scope; its symbols go to <paramref name="declared"/> when given (parameter scopes).</summary>
    private void PopScope(List<Symbol>? declared = null)
    {
        int mark = _scopes[_depth].UndoMark;
        while (_undoTop > mark)
        {
            var (name, tag, prev) = _undo[--_undoTop];
            var heads = tag ? _tagHead : _ordinaryHead;
            declared?.Add(_bindings[heads[name]].Symbol);
            heads[name] = prev;
        }
        _depth--;
    }

    private ScopeKind CurrentScopeKind => _scopes[_depth].Kind;
    private bool AtFileScope => _depth == 0;

    private void Bind(int name, Symbol symbol, bool tag)
    {
        if (name < 0) return;
        EnsureNameCapacity(name + 1);
        var heads = tag ? _tagHead : _ordinaryHead;
        if (_bindingCount == _bindings.Length) Array.Resize(ref _bindings, _bindings.Length * 2);
        int b = _bindingCount++;
        _bindings[b] = new Binding { Symbol = symbol, Depth = _depth, Next = heads[name] };
        if (_undoTop == _undo.Length) Array.Resize(ref _undo, _undo.Length * 2);
        _undo[_undoTop++] = (name, tag, heads[name]);
        heads[name] = b;
        if (_depth == 0)
        {
            if (tag) _model.FileScopeTags[symbol.Name] = (TagSymbol)symbol;
            else _model.FileScopeOrdinary[symbol.Name] = symbol;
        }
    }

    private Symbol? Lookup(int name)
    {
        if (name < 0 || name >= _ordinaryHead.Length) return null;
        int b = _ordinaryHead[name];
        return b == 0 ? null : _bindings[b].Symbol;
    }

    private Symbol? LookupCurrentScope(int name, bool tag)
    {
        if (name < 0 || name >= _ordinaryHead.Length) return null;
        int b = (tag ? _tagHead : _ordinaryHead)[name];
        return b != 0 && _bindings[b].Depth == _depth ? _bindings[b].Symbol : null;
    }

    private TagSymbol? LookupTag(int name)
    {
        if (name < 0 || name >= _tagHead.Length) return null;
        int b = _tagHead[name];
        return b == 0 ? null : (TagSymbol)_bindings[b].Symbol;
    }

    private T Register<T>(T symbol) where T : Symbol
    {
        symbol.Id = _model.SymbolList.Count;
        _model.SymbolList.Add(symbol);
        return symbol;
    }

    // ------------------------------------------------------------------ side tables

    private int NewExpressionSlot(Expression e)
    {
        var m = _model;
        if (m.ExpressionCount == m.Expressions.Length) Array.Resize(ref m.Expressions, m.Expressions.Length * 2);
        int s = m.ExpressionCount++;
        e.SemanticSlot = s;
        return s;
    }

    private void SetDeclarator(SyntaxNode node, DeclaratorInfo info)
    {
        var m = _model;
        if (m.DeclaratorCount == m.Declarators.Length) Array.Resize(ref m.Declarators, m.Declarators.Length * 2);
        int s = m.DeclaratorCount++;
        m.Declarators[s] = info;
        node.SemanticSlot = s;
    }

    private void SetTypeName(TypeName tn, QualifiedType t)
    {
        tn.SemanticSlot = _model.TypeNameList.Count;
        _model.TypeNameList.Add(t);
    }

    private int AddIntegerConstant(IntegerConstant c)
    {
        _model.IntegerConstants.Add(c);
        return _model.IntegerConstants.Count - 1;
    }

    private int AddFloatConstant(FloatConstant c)
    {
        _model.FloatConstants.Add(c);
        return _model.FloatConstants.Count - 1;
    }

    // ------------------------------------------------------------------ the walk

    private readonly PragmaPackState _pack;
    private int _nextPragma;
    private FunctionSymbol? _function;
    private readonly QualifiedType _voidPtr;
    private readonly QualifiedType _constCharPtr;
    /// <summary>Innermost tag definitions being processed (for TagMention.EnclosingDefinition).</summary>
    private readonly List<Specifier> _tagDefinitionStack = new();
    private readonly Dictionary<int, Symbol> _externals = new();
    private readonly List<ObjectSymbol> _tentatives = new();

    private void Run()
    {
        PushScope(ScopeKind.File);
        DeclareBuiltinTypedefs();
        var decls = _parse.Root.Declarations;
        for (int i = 0; i < decls.Length && !_stopped; i++)
        {
            var d = decls[i];
            _currentToken = d.FirstToken;
            if (!EnsureStack(d.FirstToken)) break;
            ExternalDeclaration(d);
        }
        if (!_stopped) CheckEndOfUnit();
    }

    private void ExternalDeclaration(ExternalDeclaration d)
    {
        switch (d)
        {
            case Declaration decl:
                Declaration(decl);
                break;
            case FunctionDefinition fd:
                FunctionDefinition(fd);
                break;
            case StaticAssertDeclaration sa:
                StaticAssert(sa);
                break;
            case AsmDefinition:
                break;
        }
    }

    private void CheckEndOfUnit()
    {
        foreach (var o in _tentatives)
        {
            if (o.Definition is null || o.Definition.Node is not InitDeclarator id || id.Initializer is not null) continue;
            var t = o.Type.Canonical;
            if (t.Type is RecordType { IsDefined: false } || t.Type is EnumType { IsDefined: false })
                Error(o.Definition.Declarator?.FindName()?.Token ?? id.FirstToken, $"storage size of '{o.Name}' isn't known");
            else if (t.Type is ArrayType { SizeKind: ArraySizeKind.Incomplete } at && o.Linkage != Linkage.Internal)
            {
                Warning(o.Definition.Declarator?.FindName()?.Token ?? id.FirstToken, $"array '{o.Name}' assumed to have one element");
                o.SetType(new QualifiedType(_ctx.Array(at.Element, 1)));
            }
        }
    }

    /// <summary>False (with an error) when the remaining stack is too small to go deeper.</summary>
    private bool EnsureStack(int token)
    {
        if (RuntimeHelpers.TryEnsureSufficientExecutionStack()) return true;
        Error(token, "nesting too deep");
        _stopped = true;
        return false;
    }

    /// <summary>Applies the <c>#pragma pack</c> directives that come before <paramref name="token"/>.</summary>
    private void ApplyPragmasBefore(int token)
    {
        var pragmas = _parse.Root.Pragmas;
        while (_nextPragma < pragmas.Length && pragmas[_nextPragma].Token < token)
        {
            var p = pragmas[_nextPragma++];
            PragmaPack(p);
        }
    }

    private void PragmaPack(PragmaDirective p)
    {
        var text = _names[p.Text];
        // "pragma pack(...)" (spacing as written)
        var s = text.AsSpan("pragma".Length).Trim();
        if (!s.StartsWith("pack")) return;
        s = s["pack".Length..].Trim();
        if (s.Length < 2 || s[0] != '(') return;
        int close = s.IndexOf(')');
        if (close < 0) return;
        var args = s[1..close].ToString().Split(',', StringSplitOptions.TrimEntries);
        int mark = _scratch.Count;
        if (args.Length == 1 && args[0].Length == 0) _pack.Set(null, _scratch);
        else if (args[0] == "push")
        {
            string? id = null;
            int? n = null;
            for (int i = 1; i < args.Length; i++)
            {
                if (int.TryParse(args[i], out var v)) n = v;
                else id = args[i];
            }
            _pack.Push(id, n, _scratch);
        }
        else if (args[0] == "pop") _pack.Pop(args.Length > 1 ? args[1] : null, _scratch);
        else if (int.TryParse(args[0], out var v)) _pack.Set(v, _scratch);
        TakeScratch(mark, p.Token);
    }

    private void DeclareBuiltinTypedefs()
    {
        void Add(string name, QualifiedType t)
        {
            var id = InternName(name);
            var td = t.Type as TypedefType ?? _ctx.Typedef(name, t);
            var s = Register(new TypedefSymbol(name, id, td) { IsBuiltin = true, IsFileScope = true });
            Bind(id, s, false);
        }
        Add("__builtin_va_list", _ctx.BuiltinVaList);
        Add("__int128_t", _ctx.Int128);
        Add("__uint128_t", _ctx.UnsignedInt128);
        Add("__bf16", _ctx.Float16);
        if (_opts.Arch == Toolchain.TargetArch.X86_64)
        {
            Add("__builtin_ms_va_list", _ctx.Pointer(_ctx.Char));
            Add("__builtin_sysv_va_list", _ctx.BuiltinVaList);
            Add("__float128", _ctx.Float128);
            Add("__float80", _ctx.LongDouble);
        }
        else
        {
            Add("__fp16", _ctx.Float16);
            foreach (var (name, elem, count) in AArch64VectorTypes())
            {
                var v = _ctx.Vector(elem, _ctx.SizeOf(elem)!.Value * count, _scratch);
                if (v is not null) Add(name, v);
            }
            Add("__Poly8_t", _ctx.UnsignedChar);
            Add("__Poly16_t", _ctx.UnsignedShort);
            Add("__Poly64_t", _ctx.UnsignedLong);
            Add("__Poly128_t", _ctx.UnsignedInt128);
        }
    }

    private IEnumerable<(string, QualifiedType, int)> AArch64VectorTypes()
    {
        foreach (var (prefix, t) in new (string, IntegerType)[] {
            ("Int8", _ctx.SignedChar), ("Int16", _ctx.Short), ("Int32", _ctx.Int), ("Int64", _ctx.Long),
            ("Uint8", _ctx.UnsignedChar), ("Uint16", _ctx.UnsignedShort), ("Uint32", _ctx.UnsignedInt), ("Uint64", _ctx.UnsignedLong),
            ("Poly8", _ctx.UnsignedChar), ("Poly16", _ctx.UnsignedShort), ("Poly64", _ctx.UnsignedLong) })
        {
            int bits = t.Bits;
            yield return ($"__{prefix}x{64 / bits}_t", t, 64 / bits);
            yield return ($"__{prefix}x{128 / bits}_t", t, 128 / bits);
        }
        foreach (var (prefix, f) in new (string, FloatingType)[] { ("Float16", _ctx.Float16), ("Float32", _ctx.Float), ("Float64", _ctx.Double), ("Bfloat16", _ctx.Float16) })
        {
            int bits = (int)_ctx.SizeOf(f)!.Value * 8;
            yield return ($"__{prefix}x{64 / bits}_t", f, 64 / bits);
            yield return ($"__{prefix}x{128 / bits}_t", f, 128 / bits);
        }
    }
}
