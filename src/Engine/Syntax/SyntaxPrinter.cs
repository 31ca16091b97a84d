using System.Text;
using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Engine.Syntax;

/// <summary>
/// Prints a tree as a compact S-expression: <c>(Kind detail children…)</c>, with leaves
/// (keywords, typedef names, identifiers, literals) as their bare spelling. Kind names drop
/// the suffixes Expression/Statement/Declarator/Specifier/Declaration where that leaves a
/// name. Iterative, for trees of any depth. Used by tests and the <c>parse</c> debugging verb.
/// </summary>
public static class SyntaxPrinter
{
    private static readonly string[] ShortNames = BuildShortNames();

    private static string[] BuildShortNames()
    {
        var values = Enum.GetValues<SyntaxKind>();
        var names = new string[values.Length];
        foreach (var k in values)
        {
            var s = k.ToString();
            foreach (var suffix in new[] { "Expression", "Statement", "Declarator", "Specifier", "Declaration" })
                if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length > suffix.Length)
                {
                    s = s[..^suffix.Length];
                    break;
                }
            names[(int)k] = k switch { SyntaxKind.DeclarationSpecifiers => "Specs", SyntaxKind.AttributeSpecifier => "Attrs", _ => s };
        }
        return names;
    }

    public static string ShortName(SyntaxKind kind) => ShortNames[(int)kind];

    public static string Print(SyntaxNode node, PreprocessedUnit unit)
    {
        var sb = new StringBuilder();
        var stack = new List<object> { node };
        var children = new List<SyntaxNode>();
        bool first = true;
        while (stack.Count > 0)
        {
            var top = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            if (top is string close)
            {
                sb.Append(close);
                continue;
            }
            var n = (SyntaxNode)top;
            if (!first) sb.Append(' ');
            first = false;
            var leaf = Leaf(n, unit);
            if (leaf is not null)
            {
                sb.Append(leaf);
                continue;
            }
            sb.Append('(').Append(ShortName(n.Kind));
            var detail = Detail(n, unit);
            if (detail.Length > 0) sb.Append(' ').Append(detail);
            children.Clear();
            n.AppendChildren(children);
            stack.Add(")");
            for (int i = children.Count - 1; i >= 0; i--) stack.Add(children[i]);
        }
        return sb.ToString();
    }

    private static string Name(PreprocessedUnit unit, int id) => id >= 0 ? unit.Names[id] : "<error>";

    private static string Tok(PreprocessedUnit unit, int t) => unit.Spell(unit.Tokens[t]);

    private static string? Leaf(SyntaxNode n, PreprocessedUnit unit) => n switch
    {
        KeywordSpecifier k => Tok(unit, k.Token),
        TypedefNameSpecifier t => t.IsUnknown ? Name(unit, t.Name) + "?" : Name(unit, t.Name),
        IdentifierDeclarator d => Name(unit, d.Name),
        IdentifierExpression e => Name(unit, e.Name),
        NumberLiteral l => Name(unit, l.Text),
        CharLiteral c => Name(unit, c.Text),
        StringLiteral s => StringText(s, unit),
        ExpressionStatement { Expression: null, Attributes.Length: 0 } => "(;)",
        BreakStatement => "(break)",
        ContinueStatement => "(continue)",
        ErrorExpression => "(error)",
        _ => null,
    };

    private static string StringText(StringLiteral s, PreprocessedUnit unit)
    {
        var sb = new StringBuilder();
        for (int i = s.FirstToken; i <= s.LastToken; i++)
        {
            if (!TokenSpelling.IsString(unit.Tokens[i].Kind)) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(Tok(unit, i));
        }
        return sb.Length == 0 ? "\"<error>\"" : sb.ToString();
    }

    private static string Detail(SyntaxNode n, PreprocessedUnit unit)
    {
        switch (n)
        {
            case StructSpecifier s:
                return (s.IsUnion ? "union" : "struct") + (s.Tag >= 0 ? " " + Name(unit, s.Tag) : "") + (s.HasBody ? " {}" : "");
            case EnumSpecifier e:
                return "enum" + (e.Tag >= 0 ? " " + Name(unit, e.Tag) : "") + (e.HasBody ? " {}" : "");
            case EnumeratorDeclaration e:
                return Name(unit, e.Name);
            case AttributeItem a:
                return Name(unit, a.Name) + (a.HasArguments ? "()" : "") + (a.FirstArgumentIsIdentifier ? " id" : "");
            case AttributeSpecifier a:
                return a.IsStandard ? "[[]]" : "";
            case UnaryExpression u:
                return SyntaxFacts.Spell(u.Operator);
            case BinaryExpression b:
                return SyntaxFacts.Spell(b.Operator);
            case MemberAccessExpression m:
                return (m.IsArrow ? "->" : ".") + Name(unit, m.Member);
            case LabeledStatement l:
                return Name(unit, l.Label);
            case GotoStatement g:
                return g.IsComputed ? "*" : Name(unit, g.Label);
            case LabelAddressExpression l:
                return Name(unit, l.Label);
            case ArrayDeclarator a:
                return a.IsStar ? "*" : "";
            case FunctionDeclarator f:
                if (f.IdentifierNames is { } ids) return "knr(" + string.Join(",", ids.Select(i => Name(unit, i))) + ")";
                return f.IsVariadic ? "..." : "";
            case AsmStatement a:
                return string.Join(" ", a.QualifierTokens.Select(t => Tok(unit, t)))
                       + (a.Labels.Length > 0 ? " labels(" + string.Join(",", a.Labels.Select(i => Name(unit, i))) + ")" : "");
            case AsmOperand o:
                return o.SymbolicName >= 0 ? "[" + Name(unit, o.SymbolicName) + "]" : "";
            case LabelDeclaration l:
                return string.Join(",", l.Names.Select(i => Name(unit, i)));
            case InitializerItem i:
                return i.IsGnuFieldColon ? ":" : i.HasEquals ? "=" : "";
            case FieldDesignator f:
                return "." + Name(unit, f.Name);
            case IndexDesignator d:
                return d.RangeEnd is null ? "[]" : "[...]";
            case GenericAssociation g:
                return g.IsDefault ? "default" : "";
            case Declaration { HasExtension: true }:
            case FunctionDefinition { HasExtension: true }:
            case MemberDeclaration { HasExtension: true }:
                return "__extension__";
            default:
                return "";
        }
    }
}
