namespace KlpCcp.Engine.Syntax;

/// <summary><c>_Atomic ( type-name )</c>.</summary>
public sealed class AtomicTypeSpecifier : Specifier
{
    public AtomicTypeSpecifier() : base(SyntaxKind.AtomicTypeSpecifier) { }

    public TypeName Type { get; internal set; } = null!;

    public override void AppendChildren(List<SyntaxNode> sink) => sink.Add(Type);
}
