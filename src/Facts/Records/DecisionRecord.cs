using LiteDB;

namespace KlpCcp.Facts.Records;

/// <summary>
/// What the live patch does with an entity, and why: the reference that pulled it in (if
/// any) and the policy question and answer behind the decision.
/// </summary>
public sealed record DecisionRecord(int Unit, int Entity, DecisionKind Decision, string Reason) : IFactRecord<DecisionRecord>
{
    public static string Collection => "decisions";

    /// <summary>The entity whose reference pulled this one in, or -1 (patched functions, roots).</summary>
    public int ReachedFrom { get; init; } = -1;
    public string? NewName { get; init; }
    /// <summary>KEEP-LINKAGE, MAKE-INTERNAL or MAKE-EXTERNAL when a policy answered it.</summary>
    public string? LinkageChange { get; init; }
    public bool MadePointer { get; init; }
    /// <summary>The policy question and answer, e.g. "shall-externalize-fun foo -> YES".</summary>
    public string? PolicyAnswer { get; init; }

    public BsonDocument ToDocument() => new()
    {
        ["_id"] = DocumentKey,
        ["unit"] = Unit,
        ["entity"] = Entity,
        ["decision"] = (int)Decision,
        ["reason"] = Reason,
        ["from"] = ReachedFrom,
        ["new_name"] = NewName is null ? BsonValue.Null : new BsonValue(NewName),
        ["linkage"] = LinkageChange is null ? BsonValue.Null : new BsonValue(LinkageChange),
        ["pointer"] = MadePointer,
        ["policy"] = PolicyAnswer is null ? BsonValue.Null : new BsonValue(PolicyAnswer),
    };

    public static DecisionRecord FromDocument(BsonDocument d) =>
        new(d["unit"].AsInt32, d["entity"].AsInt32, (DecisionKind)d["decision"].AsInt32, d["reason"].AsString)
        {
            ReachedFrom = d["from"].AsInt32,
            NewName = d["new_name"].IsNull ? null : d["new_name"].AsString,
            LinkageChange = d["linkage"].IsNull ? null : d["linkage"].AsString,
            MadePointer = d["pointer"].AsBoolean,
            PolicyAnswer = d["policy"].IsNull ? null : d["policy"].AsString,
        };

    public string DocumentKey => Key(Unit, Entity);

    internal static string Key(int unit, int entity) => $"{unit}:{entity}";
}
