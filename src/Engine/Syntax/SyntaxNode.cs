namespace KlpCcp.Engine.Syntax;

/// <summary>
/// Base of every AST node. <see cref="FirstToken"/> and <see cref="LastToken"/> are inclusive
/// indices into the unit's token array (<c>PreprocessedUnit.Tokens</c>); a node's range may
/// contain passed-through directive tokens (#pragma), which belong to no node.
/// </summary>
public abstract class SyntaxNode
{
    protected SyntaxNode(SyntaxKind kind) => Kind = kind;

    public SyntaxKind Kind { get; }
    public int FirstToken { get; internal set; }
    public int LastToken { get; internal set; }

    /// <summary>
    /// Slot of this node in the side tables of the semantic model built from its tree (set by
    /// <c>SemanticAnalyzer</c>; 0 = none). Internal: the model's lookups use it for O(1) access.
    /// </summary>
    internal int SemanticSlot;

    /// <summary>Appends the node's non-null children to <paramref name="sink"/>, in source order.</summary>
    public abstract void AppendChildren(List<SyntaxNode> sink);

    /// <summary>The node's children in source order (allocates; walkers use <see cref="AppendChildren"/>).</summary>
    public IReadOnlyList<SyntaxNode> Children
    {
        get
        {
            var list = new List<SyntaxNode>();
            AppendChildren(list);
            return list;
        }
    }

    /// <summary>This node and every node below it, in source (pre-)order; iterative, so any depth is fine.</summary>
    public IEnumerable<SyntaxNode> DescendantsAndSelf()
    {
        var stack = new List<SyntaxNode> { this };
        var buf = new List<SyntaxNode>();
        while (stack.Count > 0)
        {
            var n = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            yield return n;
            buf.Clear();
            n.AppendChildren(buf);
            for (int i = buf.Count - 1; i >= 0; i--) stack.Add(buf[i]);
        }
    }

    public override string ToString() => $"{Kind}[{FirstToken}..{LastToken}]";

    protected static void Add(List<SyntaxNode> sink, SyntaxNode? node)
    {
        if (node is not null) sink.Add(node);
    }

    protected static void AddRange<T>(List<SyntaxNode> sink, T[] nodes) where T : SyntaxNode
    {
        for (int i = 0; i < nodes.Length; i++) sink.Add(nodes[i]);
    }
}
