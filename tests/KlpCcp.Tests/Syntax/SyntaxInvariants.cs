using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Tests.Syntax;

/// <summary>
/// Structural checks of a tree against its tokens: every child lies inside its parent's range,
/// siblings follow each other without overlap, and the external declarations cover every
/// token except stray ';' and passed-through directives. Returns the first violation or null.
/// </summary>
internal static class SyntaxInvariants
{
    public static string? Check(TranslationUnit root, PreprocessedUnit unit, bool coverage = true)
    {
        var children = new List<SyntaxNode>();
        foreach (var n in root.DescendantsAndSelf())
        {
            if (n.FirstToken > n.LastToken + 1) return $"{n}: empty range with first > last + 1";
            children.Clear();
            n.AppendChildren(children);
            int prevLast = n.FirstToken - 1;
            foreach (var c in children)
            {
                bool empty = c.FirstToken == c.LastToken + 1;
                if (!empty && (c.FirstToken < n.FirstToken || c.LastToken > n.LastToken))
                    return $"{c} outside its parent {n}";
                if (!empty && c.FirstToken <= prevLast) return $"{c} overlaps its previous sibling in {n}";
                if (!empty) prevLast = c.LastToken;
            }
        }
        if (!coverage) return null;
        int next = 0;
        foreach (var d in root.Declarations)
        {
            for (int i = next; i < d.FirstToken; i++)
                if (unit.Tokens[i].Kind is not (TokenKind.Semicolon or TokenKind.Directive))
                    return $"token {i} '{unit.Spell(unit.Tokens[i])}' before {d} belongs to no declaration";
            next = d.LastToken + 1;
        }
        for (int i = next; i < unit.Count; i++)
            if (unit.Tokens[i].Kind is not (TokenKind.Semicolon or TokenKind.Directive))
                return $"token {i} '{unit.Spell(unit.Tokens[i])}' at the end belongs to no declaration";
        return null;
    }
}
