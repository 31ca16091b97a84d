using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Closure;

/// <summary>A function or object of the unit with its evaluated references (body or initializer), loaded from the facts.</summary>
internal sealed class ClosureNode
{
    public ClosureNode(EntityRecord entity, List<ReferenceRecord> body)
    {
        Entity = entity;
        Body = body;
    }

    public EntityRecord Entity { get; }
    public int Id => Entity.Id;
    public List<ReferenceRecord> Body { get; }
}
