namespace KlpCcp.Engine.Syntax;

/// <summary>
/// A declarator, outermost derivation first: for <c>int *a[3]</c> a
/// <see cref="PointerDeclarator"/> whose inner is an <see cref="ArrayDeclarator"/> whose inner
/// is the <see cref="IdentifierDeclarator"/>; the type is built by applying each level to the
/// type so far while going inwards. Abstract declarators have a null innermost
/// <c>Inner</c> instead of an identifier.
/// </summary>
public abstract class Declarator : SyntaxNode
{
    protected Declarator(SyntaxKind kind) : base(kind) { }

    /// <summary>The next declarator inwards (null at the identifier or at the end of an abstract declarator).</summary>
    public abstract Declarator? InnerDeclarator { get; }

    /// <summary>The declared identifier, or null for an abstract declarator.</summary>
    public IdentifierDeclarator? FindName()
    {
        Declarator? d = this;
        while (d is not null)
        {
            if (d is IdentifierDeclarator id) return id;
            d = d.InnerDeclarator;
        }
        return null;
    }

    /// <summary>
    /// The function declarator that applies directly to the declared identifier (through
    /// parentheses only), e.g. <c>f(int a)</c> in <c>int (*f(int a))(int b)</c>; null if the
    /// identifier is not declared as a function.
    /// </summary>
    public FunctionDeclarator? FindFunctionOfName()
    {
        FunctionDeclarator? candidate = null;
        Declarator? d = this;
        while (d is not null)
        {
            switch (d)
            {
                case IdentifierDeclarator:
                    return candidate;
                case ParenthesizedDeclarator:
                    break;
                case FunctionDeclarator f:
                    candidate = f;
                    break;
                default:
                    candidate = null;
                    break;
            }
            d = d.InnerDeclarator;
        }
        return null;
    }
}
