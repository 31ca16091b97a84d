using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Semantics.Constants;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;
using KlpCcp.Engine.Toolchain;
using KlpCcp.Tests.Preprocessing;

namespace KlpCcp.Tests.Semantics.Analysis;

/// <summary>Preprocesses, parses and analyses inline C (x86_64 gcc 12 by default) and finds nodes by their text.</summary>
internal sealed class SemanticHarness
{
    public PreprocessedUnit Unit { get; }
    public ParseResult Parse { get; }
    public SemanticModel Model { get; }

    private SemanticHarness(PreprocessedUnit unit, ParseResult parse, SemanticModel model)
    {
        Unit = unit;
        Parse = parse;
        Model = model;
    }

    public static SemanticHarness Analyze(string code, TargetArch arch = TargetArch.X86_64, StructPackingOptions packing = default)
    {
        var pp = PreprocessorHarness.Run(code);
        pp.Unit.Diagnostics.HasErrors.ShouldBeFalse(string.Join("\n", pp.Unit.Diagnostics.Items));
        var parse = Parser.Parse(pp.Unit, new DiagnosticBag(), ParserOptions.ForArchitecture(arch == TargetArch.X86_64 ? "x86_64" : "aarch64"));
        parse.HasErrors.ShouldBeFalse(string.Join("\n", parse.Diagnostics.Items));
        var ctx = new TypeContext(TargetInfo.For(arch), packing);
        var model = SemanticAnalyzer.Analyze(parse, ctx, new AnalyzerOptions { Arch = arch });
        return new SemanticHarness(pp.Unit, parse, model);
    }

    /// <summary>Analyses and requires no error.</summary>
    public static SemanticHarness Valid(string code, TargetArch arch = TargetArch.X86_64)
    {
        var h = Analyze(code, arch);
        h.Errors.ShouldBeEmpty();
        return h;
    }

    public string[] Errors => Model.Diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToArray();
    public string[] Warnings => Model.Diagnostics.Items.Where(d => d.Severity == Severity.Warning).Select(d => d.Message).ToArray();
    public string[] Full => Model.Diagnostics.Items.Select(d => d.ToString()).ToArray();

    public string Text(SyntaxNode n) => string.Join(" ", Enumerable.Range(n.FirstToken, n.LastToken - n.FirstToken + 1)
        .Where(i => Unit.Tokens[i].Kind != TokenKind.Directive).Select(i => Unit.Spell(Unit.Tokens[i])));

    /// <summary>The n-th expression (source order) whose tokens spell <paramref name="text"/> (tokens separated by one space).</summary>
    public Expression Expr(string text, int nth = 0)
    {
        var found = Model.Root.DescendantsAndSelf().OfType<Expression>().Where(e => Text(e) == text).ToList();
        found.Count.ShouldBeGreaterThan(nth, $"no expression '{text}'");
        return found[nth];
    }

    public T Node<T>(Func<T, bool> where, int nth = 0) where T : SyntaxNode
    {
        var found = Model.Root.DescendantsAndSelf().OfType<T>().Where(where).ToList();
        found.Count.ShouldBeGreaterThan(nth, $"no {typeof(T).Name}");
        return found[nth];
    }

    public ExpressionInfo Info(string text, int nth = 0) => Model.GetInfo(Expr(text, nth));
    public string TypeOf(string text, int nth = 0) => Model.TypeOf(Expr(text, nth)).ToString();
    public string ValueTypeOf(string text, int nth = 0) => Model.ValueTypeOf(Expr(text, nth)).ToString();
    public bool Evaluated(string text, int nth = 0) => Model.IsEvaluated(Expr(text, nth));

    public long Value(string text, int nth = 0)
    {
        var c = Model.GetIntegerConstant(Expr(text, nth));
        c.ShouldNotBeNull($"'{text}' is not constant");
        return (long)c!.Value.Value;
    }

    public IntegerConstant? Constant(string text, int nth = 0) => Model.GetIntegerConstant(Expr(text, nth));

    /// <summary>The symbol the n-th identifier expression named <paramref name="name"/> denotes.</summary>
    public Symbol? Ref(string name, int nth = 0) =>
        Model.SymbolOf((IdentifierExpression)Model.Root.DescendantsAndSelf().OfType<IdentifierExpression>().Where(e => Unit.Names[e.Name] == name).ElementAt(nth));

    public Symbol File(string name) => Model.LookupFileScope(name) ?? throw new InvalidOperationException($"no file-scope '{name}'");
    public TagSymbol Tag(string name) => Model.LookupFileScopeTag(name) ?? throw new InvalidOperationException($"no file-scope tag '{name}'");

    /// <summary>The symbol the n-th declarator named <paramref name="name"/> declares.</summary>
    public DeclaratorInfo Decl(string name, int nth = 0) =>
        Model.GetDeclaration(Model.Root.DescendantsAndSelf().OfType<IdentifierDeclarator>().Where(d => Unit.Names[d.Name] == name).ElementAt(nth));

    public long SizeOf(QualifiedType t) => Model.Types.SizeOf(t) ?? -1;
}
