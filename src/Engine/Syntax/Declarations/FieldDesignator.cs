namespace KlpCcp.Engine.Syntax;

/// <summary><c>.name</c> (or the leading member name of an offsetof designator / GNU <c>name:</c>).</summary>
public sealed class FieldDesignator : Designator
{
    public FieldDesignator() : base(SyntaxKind.FieldDesignator) { }

    public int Name { get; internal set; }
    public int NameToken { get; internal set; }

    public override void AppendChildren(List<SyntaxNode> sink) { }
}
