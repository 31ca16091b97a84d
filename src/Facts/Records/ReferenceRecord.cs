using LiteDB;

namespace KlpCcp.Facts.Records;

/// <summary>
/// One use of <see cref="To"/> by <see cref="From"/> (entity ids of one unit): how, whether it
/// is evaluated, whether the address escapes (SPEC §2.6's ER label: the symbol's address is
/// required, so the referenced function must be externalized or copied), and in which
/// expression context it occurs.
/// </summary>
public sealed record ReferenceRecord(int Unit, int From, int To, ReferenceKind Kind, SourceSpan At) : IFactRecord<ReferenceRecord>
{
    public static string Collection => "references";

    public bool Evaluated { get; init; } = true;
    public bool AddressEscapes { get; init; }
    /// <summary>The expression context, e.g. "callee of a call", "call argument", "sizeof operand".</summary>
    public string Context { get; init; } = "";
    public ReferencePart Part { get; init; }
    /// <summary>For <see cref="ReferencePart.Declaration"/>: the declaration record it belongs to, else -1.</summary>
    public int Declaration { get; init; } = -1;

    public BsonDocument ToDocument() => new()
    {
        ["unit"] = Unit,
        ["from"] = From,
        ["to"] = To,
        ["fk"] = EntityKey.Of(Unit, From),
        ["tk"] = EntityKey.Of(Unit, To),
        ["kind"] = (int)Kind,
        ["at"] = At.ToDocument(),
        ["eval"] = Evaluated,
        ["escapes"] = AddressEscapes,
        ["ctx"] = Context,
        ["part"] = (int)Part,
        ["decl"] = Declaration,
    };

    public static ReferenceRecord FromDocument(BsonDocument d) =>
        new(d["unit"].AsInt32, d["from"].AsInt32, d["to"].AsInt32, (ReferenceKind)d["kind"].AsInt32, SourceSpan.FromDocument(d["at"]))
        {
            Evaluated = d["eval"].AsBoolean,
            AddressEscapes = d["escapes"].AsBoolean,
            Context = d["ctx"].AsString,
            Part = (ReferencePart)d["part"].AsInt32,
            Declaration = d["decl"].AsInt32,
        };
}
