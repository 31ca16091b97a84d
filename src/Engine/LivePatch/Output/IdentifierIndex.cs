using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.LivePatch.Output;

/// <summary>
/// For every identifier token of the unit that refers to or declares a function or object:
/// the symbol, and whether it is the direct callee of a call (a call of a patched function
/// whose address is also taken goes to the new copy, the address to the original).
/// </summary>
public sealed class IdentifierIndex
{
    public readonly record struct Entry(Symbol Symbol, bool IsDeclarator, bool IsCallee);

    private readonly Dictionary<int, Entry> _byToken = new();

    public bool TryGet(int token, out Entry e) => _byToken.TryGetValue(token, out e);

    public static IdentifierIndex Build(SemanticModel sema)
    {
        var index = new IdentifierIndex();
        var stack = new Stack<SyntaxNode>();
        var children = new List<SyntaxNode>();
        var callees = new HashSet<SyntaxNode>(ReferenceEqualityComparer.Instance);
        foreach (var d in sema.Root.Declarations) stack.Push(d);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            switch (n)
            {
                case CallExpression call:
                    {
                        var callee = call.Callee;
                        while (callee is ParenthesizedExpression p) callee = p.Inner;
                        callees.Add(callee);
                        break;
                    }
                case IdentifierExpression id:
                    if (sema.SymbolOf(id) is { } s && s is FunctionSymbol or ObjectSymbol)
                        index._byToken[id.Token] = new Entry(s, false, callees.Contains(id));
                    break;
                case InitDeclarator or FunctionDefinition or ParameterDeclaration:
                    {
                        var decl = n switch
                        {
                            InitDeclarator i => i.Declarator,
                            FunctionDefinition f => f.Declarator,
                            ParameterDeclaration p => p.Declarator,
                            _ => null,
                        };
                        if (decl?.FindName() is { } name && sema.DeclaredSymbol(n) is { } ds && ds is FunctionSymbol or ObjectSymbol)
                            index._byToken[name.Token] = new Entry(ds, true, false);
                        break;
                    }
            }
            children.Clear();
            n.AppendChildren(children);
            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
        return index;
    }
}
