using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>
/// The result of <see cref="SemanticAnalyzer.Analyze"/>: symbols, and for the nodes of the
/// tree their meaning (types, symbols, constants, evaluated or not). Every lookup is O(1): a
/// node keeps a slot into dense side tables. A tree belongs to the last model built from it;
/// asking an older model about its nodes throws.
/// </summary>
public sealed class SemanticModel
{
    internal readonly object Stamp = new();
    internal ExpressionInfo[] Expressions = new ExpressionInfo[1024];
    internal int ExpressionCount = 1;
    internal DeclaratorInfo[] Declarators = new DeclaratorInfo[256];
    internal int DeclaratorCount = 1;
    internal readonly List<TagMention?> TagMentionList = new() { null };
    internal readonly List<TypedefSymbol?> TypedefUseList = new() { null };
    internal readonly List<QualifiedType> TypeNameList = new() { default };
    internal readonly List<LabelSymbol?> LabelUseList = new() { null };
    internal readonly List<IntegerConstant> IntegerConstants = new() { default };
    internal readonly List<FloatConstant> FloatConstants = new() { default };
    internal readonly List<Symbol> SymbolList = new();
    internal readonly List<FunctionSymbol> FunctionDefinitionList = new();
    internal readonly Dictionary<string, Symbol> FileScopeOrdinary = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, TagSymbol> FileScopeTags = new(StringComparer.Ordinal);

    internal SemanticModel(ParseResult parse, TypeContext types, DiagnosticBag diagnostics)
    {
        Parse = parse;
        Types = types;
        Diagnostics = diagnostics;
    }

    public ParseResult Parse { get; }
    public PreprocessedUnit Unit => Parse.Unit;
    public TranslationUnit Root => Parse.Root;
    public TypeContext Types { get; }
    /// <summary>The analyzer's diagnostics (the parser's are in <see cref="ParseResult.Diagnostics"/>, which may be the same bag).</summary>
    public DiagnosticBag Diagnostics { get; }
    /// <summary>Errors reported by the analyzer.</summary>
    public int ErrorCount { get; internal set; }
    public int WarningCount { get; internal set; }
    /// <summary>The parse or the analysis reported an error: the unit is not valid C.</summary>
    public bool HasErrors => ErrorCount > 0 || Parse.HasErrors;

    /// <summary>Every symbol, by <see cref="Symbol.Id"/>.</summary>
    public IReadOnlyList<Symbol> Symbols => SymbolList;
    /// <summary>Every function definition's symbol (nested functions included), in source order.</summary>
    public IReadOnlyList<FunctionSymbol> FunctionDefinitions => FunctionDefinitionList;

    /// <summary>The file-scope object, function, typedef or enumerator named <paramref name="name"/> at the end of the unit.</summary>
    public Symbol? LookupFileScope(string name) => FileScopeOrdinary.GetValueOrDefault(name);
    /// <summary>The file-scope struct/union/enum tag named <paramref name="name"/> at the end of the unit.</summary>
    public TagSymbol? LookupFileScopeTag(string name) => FileScopeTags.GetValueOrDefault(name);

    private int Slot(SyntaxNode node)
    {
        if (!ReferenceEquals(Parse.Root.SemanticOwner, Stamp))
            throw new InvalidOperationException("the tree was analysed again: this model is stale");
        return node.SemanticSlot;
    }

    // ---- expressions ------------------------------------------------------------------------

    /// <summary>Everything known about an expression (default if it was never analysed, e.g. inside an ignored attribute).</summary>
    public ExpressionInfo GetInfo(Expression e)
    {
        var s = Slot(e);
        return s > 0 && s < ExpressionCount ? Expressions[s] : default;
    }

    /// <summary>Whether the analyzer reached this expression at all.</summary>
    public bool IsAnalyzed(Expression e) => Slot(e) > 0;
    /// <summary>The type before lvalue conversion and decay.</summary>
    public QualifiedType TypeOf(Expression e) => GetInfo(e).Type;
    /// <summary>The type after lvalue conversion and array/function-to-pointer decay.</summary>
    public QualifiedType ValueTypeOf(Expression e) => GetInfo(e).ValueType;
    public bool IsEvaluated(Expression e) => GetInfo(e).IsEvaluated;
    public bool IsLvalue(Expression e) => GetInfo(e).IsLvalue;
    /// <summary>The symbol an identifier expression denotes (null: undeclared, or <c>__func__</c>).</summary>
    public Symbol? SymbolOf(IdentifierExpression e) => GetInfo(e).Symbol;

    /// <summary>The integer constant value of an expression (integer constant expressions and gcc's folded constants), or null.</summary>
    public IntegerConstant? GetIntegerConstant(Expression e)
    {
        var i = GetInfo(e);
        return (i.Flags & (ExpressionFlags.IntegerConstant | ExpressionFlags.KnownAddress)) != 0 && i.ConstantIndex > 0 ? IntegerConstants[i.ConstantIndex] : null;
    }

    /// <summary>The floating constant value of an expression, or null.</summary>
    public FloatConstant? GetFloatConstant(Expression e)
    {
        var i = GetInfo(e);
        return i.IsFloatConstant && i.ConstantIndex > 0 ? FloatConstants[i.ConstantIndex] : null;
    }

    /// <summary>The member a <c>.</c>/<c>-&gt;</c> expression selects (through anonymous members: the named one), or null.</summary>
    public RecordMember? MemberOf(MemberAccessExpression e) => GetInfo(e).Detail as RecordMember;

    /// <summary>For a <c>__builtin_choose_expr</c> call: the chosen argument; null for other calls or after an error.</summary>
    public Expression? ChosenArm(CallExpression call)
    {
        var i = GetInfo(call);
        return i.Selected is 1 or 2 && call.Arguments.Length == 3 && IsChooseExpr(call) ? call.Arguments[i.Selected] : null;
    }

    private bool IsChooseExpr(CallExpression call) =>
        call.Callee is IdentifierExpression id && Unit.Names[id.Name] == "__builtin_choose_expr";

    /// <summary>The association a <c>_Generic</c> selects, or null after an error.</summary>
    public GenericAssociation? SelectedAssociation(GenericSelection g)
    {
        var i = GetInfo(g);
        return i.Selected >= 0 && i.Selected < g.Associations.Length && IsAnalyzed(g) ? g.Associations[i.Selected] : null;
    }

    // ---- declarations -----------------------------------------------------------------------

    /// <summary>
    /// What a declaring node declares: an <see cref="InitDeclarator"/>, <see cref="FunctionDefinition"/>,
    /// <see cref="ParameterDeclaration"/>, <see cref="EnumeratorDeclaration"/>, <see cref="MemberDeclarator"/>
    /// or the <see cref="IdentifierDeclarator"/> inside one of them. Default when none.
    /// </summary>
    public DeclaratorInfo GetDeclaration(SyntaxNode node)
    {
        var s = Slot(node);
        return s > 0 && s < DeclaratorCount && IsDeclaring(node) ? Declarators[s] : default;
    }

    private static bool IsDeclaring(SyntaxNode n) => n.Kind is SyntaxKind.InitDeclarator or SyntaxKind.FunctionDefinition
        or SyntaxKind.ParameterDeclaration or SyntaxKind.EnumeratorDeclaration or SyntaxKind.MemberDeclarator or SyntaxKind.IdentifierDeclarator;

    /// <summary>The symbol a declaring node declares (see <see cref="GetDeclaration"/>).</summary>
    public Symbol? DeclaredSymbol(SyntaxNode node) => GetDeclaration(node).Symbol;
    /// <summary>The type a declaring node gives its entity (for a member: the member's type).</summary>
    public QualifiedType DeclaredType(SyntaxNode node) => GetDeclaration(node).Type;
    /// <summary>The function a definition defines.</summary>
    public FunctionSymbol? FunctionOf(FunctionDefinition f) => GetDeclaration(f).Symbol as FunctionSymbol;

    /// <summary>The tag a struct/union/enum specifier names and what it does with it.</summary>
    public TagMention? TagMentionOf(Specifier specifier)
    {
        var s = Slot(specifier);
        return specifier.Kind is SyntaxKind.StructSpecifier or SyntaxKind.EnumSpecifier && s > 0 && s < TagMentionList.Count ? TagMentionList[s] : null;
    }

    /// <summary>The typedef a typedef-name specifier uses (null for an unknown type name).</summary>
    public TypedefSymbol? TypedefOf(TypedefNameSpecifier specifier)
    {
        var s = Slot(specifier);
        return s > 0 && s < TypedefUseList.Count ? TypedefUseList[s] : null;
    }

    /// <summary>The label a <c>goto</c> jumps to or a labeled statement defines (<c>&amp;&amp;label</c>: <see cref="ExpressionInfo.Symbol"/>).</summary>
    public LabelSymbol? LabelOf(Statement statement)
    {
        var s = Slot(statement);
        return statement.Kind is SyntaxKind.GotoStatement or SyntaxKind.LabeledStatement && s > 0 && s < LabelUseList.Count ? LabelUseList[s] : null;
    }

    /// <summary>The type a type name denotes (casts, sizeof, typeof, compound literals, builtins).</summary>
    public QualifiedType TypeOf(TypeName typeName)
    {
        var s = Slot(typeName);
        return s > 0 && s < TypeNameList.Count ? TypeNameList[s] : default;
    }
}
