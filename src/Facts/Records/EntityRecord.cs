using LiteDB;

namespace KlpCcp.Facts.Records;

/// <summary>
/// A named entity of a unit: a function or object (one per linkage chain, however many
/// declarations), a typedef, a tag, an enumerator. <see cref="Span"/> is its definition, or
/// its first declaration when it has none.
/// </summary>
public sealed record EntityRecord(int Unit, int Id, EntityKind Kind, string Name, SourceSpan Span) : IFactRecord<EntityRecord>
{
    public static string Collection => "entities";

    public Linkage Linkage { get; init; }
    public bool IsDefined { get; init; }
    /// <summary>The definition (or first declaration) lies in a header, not the main file.</summary>
    public bool InHeader { get; init; }
    /// <summary>File record id of the definition (or first declaration).</summary>
    public int File { get; init; }
    public bool IsInline { get; init; }
    public bool IsGnuInline { get; init; }
    public bool IsAlwaysInline { get; init; }
    /// <summary>For block-scope statics: the function they belong to (entity id), else -1.</summary>
    public int Owner { get; init; } = -1;
    /// <summary>A short rendering of the declaration (prototype, type), for reports.</summary>
    public string? Signature { get; init; }
    /// <summary>Position in the unit (token index) of the first declaration: file order.</summary>
    public int Order { get; init; }
    /// <summary>Position in the unit (token index) of the definition, or -1.</summary>
    public int DefinitionOrder { get; init; } = -1;
    /// <summary>A file-scope `register` object (never externalized).</summary>
    public bool IsRegister { get; init; }
    /// <summary>A function declared with the `error` or `warning` attribute: calls are compile-time checks, never bound to a symbol.</summary>
    public bool IsCompileTimeCheck { get; init; }
    /// <summary>An object in a `.discard*` section: the final link drops it, the running kernel has no such object.</summary>
    public bool IsDiscarded { get; init; }
    /// <summary>An object in a per-cpu section: reached by address constants, never through a pointer.</summary>
    public bool IsPerCpu { get; init; }

    public BsonDocument ToDocument() => new()
    {
        ["_id"] = DocumentKey,
        ["unit"] = Unit,
        ["id"] = Id,
        ["kind"] = (int)Kind,
        ["name"] = Name,
        ["span"] = Span.ToDocument(),
        ["linkage"] = (int)Linkage,
        ["defined"] = IsDefined,
        ["header"] = InHeader,
        ["file"] = File,
        ["inline"] = IsInline,
        ["gnu_inline"] = IsGnuInline,
        ["always_inline"] = IsAlwaysInline,
        ["owner"] = Owner,
        ["sig"] = Signature is null ? BsonValue.Null : new BsonValue(Signature),
        ["order"] = Order,
        ["dorder"] = DefinitionOrder,
        ["register"] = IsRegister,
        ["ct_check"] = IsCompileTimeCheck,
        ["discarded"] = IsDiscarded,
        ["percpu"] = IsPerCpu,
    };

    public static EntityRecord FromDocument(BsonDocument d) =>
        new(d["unit"].AsInt32, d["id"].AsInt32, (EntityKind)d["kind"].AsInt32, d["name"].AsString, SourceSpan.FromDocument(d["span"]))
        {
            Linkage = (Linkage)d["linkage"].AsInt32,
            IsDefined = d["defined"].AsBoolean,
            InHeader = d["header"].AsBoolean,
            File = d["file"].AsInt32,
            IsInline = d["inline"].AsBoolean,
            IsGnuInline = d["gnu_inline"].AsBoolean,
            IsAlwaysInline = d["always_inline"].AsBoolean,
            Owner = d["owner"].AsInt32,
            Signature = d["sig"].IsNull ? null : d["sig"].AsString,
            Order = d["order"].AsInt32,
            DefinitionOrder = d["dorder"].AsInt32,
            IsRegister = d["register"].AsBoolean,
            IsCompileTimeCheck = d.ContainsKey("ct_check") && d["ct_check"].AsBoolean,
            IsDiscarded = d.ContainsKey("discarded") && d["discarded"].AsBoolean,
            IsPerCpu = d.ContainsKey("percpu") && d["percpu"].AsBoolean,
        };

    public string DocumentKey => Key(Unit, Id);

    internal static string Key(int unit, int id) => $"{unit}:{id}";
}
