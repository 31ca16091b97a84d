using KlpCcp.Facts.Records;

namespace KlpCcp.Facts.Queries;

/// <summary>One link of a `why` chain: an entity, what the live patch does with it, and the reference that reached it.</summary>
public sealed record WhyStep(EntityRecord Entity, DecisionRecord? Decision, ReferenceRecord? ReachedBy);
