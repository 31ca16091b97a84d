using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Syntax;
using KlpCcp.Tests.Preprocessing;

namespace KlpCcp.Tests.Syntax;

/// <summary>Preprocesses C text in memory and parses it.</summary>
internal static class SyntaxHarness
{
    public sealed record Result(ParseResult Parse, PreprocessedUnit Unit)
    {
        public TranslationUnit Root => Parse.Root;
        public bool HasErrors => Parse.HasErrors;
        /// <summary>The parser's diagnostics as "severity: message".</summary>
        public string[] Messages => Parse.Diagnostics.Items.Select(d => d.Severity.ToString().ToLowerInvariant() + ": " + d.Message).ToArray();
        public string[] Errors => Parse.Diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToArray();
        /// <summary>The parser's diagnostics in gcc's full form (file:line:col: severity: message).</summary>
        public string[] Full => Parse.Diagnostics.Items.Select(d => d.ToString()).ToArray();
        public string Tree => SyntaxPrinter.Print(Root, Unit);
        public string Print(SyntaxNode n) => SyntaxPrinter.Print(n, Unit);
        /// <summary>The i-th external declaration, printed.</summary>
        public string Decl(int i) => Print(Root.Declarations[i]);
        public string Name(int id) => Unit.Names[id];
        public string Text(SyntaxNode n) => string.Join(" ", Enumerable.Range(n.FirstToken, n.LastToken - n.FirstToken + 1)
            .Where(i => Unit.Tokens[i].Kind != TokenKind.Directive).Select(i => Unit.Spell(Unit.Tokens[i])));
        /// <summary>The body items of the function definition that is external declaration <paramref name="i"/>, printed one by one.</summary>
        public string[] Body(int i) => ((FunctionDefinition)Root.Declarations[i]).Body.Items.Select(Print).ToArray();
    }

    public static Result Parse(string code, ParserOptions? options = null, IReadOnlyDictionary<string, string>? files = null)
    {
        var pp = PreprocessorHarness.Run(code, files);
        pp.Unit.Diagnostics.HasErrors.ShouldBeFalse(string.Join("\n", pp.Unit.Diagnostics.Items));
        var result = Parser.Parse(pp.Unit, new DiagnosticBag(), options);
        return new Result(result, pp.Unit);
    }

    /// <summary>Parses and requires no diagnostics at all.</summary>
    public static Result Clean(string code, ParserOptions? options = null)
    {
        var r = Parse(code, options);
        r.Messages.ShouldBeEmpty();
        return r;
    }
}
