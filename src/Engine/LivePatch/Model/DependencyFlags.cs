namespace KlpCcp.Engine.LivePatch.Model;

[Flags]
public enum DependencyFlags : byte
{
    None = 0,
    /// <summary>The use is evaluated (not inside sizeof, typeof, an unchosen arm...).</summary>
    Evaluated = 1,
    /// <summary>The function's address escapes (SPEC §2.6 "ER"): it must denote the original.</summary>
    Escapes = 2,
    /// <summary>An unevaluated use that needs the composite type (the outermost array is complete).</summary>
    Composite = 4,
    /// <summary>Needed only when the declaration is emitted as a definition (the type of a defined object).</summary>
    DefinitionOnly = 8,
}
