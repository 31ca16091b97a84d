namespace KlpCcp.Engine.Syntax;

/// <summary>
/// Visits a tree in source order without recursion (trees of left-associative operator chains
/// can be arbitrarily deep). Override <see cref="Enter"/> (return false to skip the node's
/// children) and <see cref="Leave"/>; switch on <see cref="SyntaxNode.Kind"/> inside.
/// </summary>
public abstract class SyntaxWalker
{
    private readonly List<(SyntaxNode Node, bool Leave)> _stack = new(64);
    private readonly List<SyntaxNode> _children = new(16);

    protected virtual bool Enter(SyntaxNode node) => true;
    protected virtual void Leave(SyntaxNode node) { }

    public void Walk(SyntaxNode root)
    {
        int bottom = _stack.Count;
        _stack.Add((root, false));
        while (_stack.Count > bottom)
        {
            var (node, leave) = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            if (leave)
            {
                Leave(node);
                continue;
            }
            if (!Enter(node)) continue;
            _stack.Add((node, true));
            _children.Clear();
            node.AppendChildren(_children);
            for (int i = _children.Count - 1; i >= 0; i--) _stack.Add((_children[i], false));
        }
    }
}
