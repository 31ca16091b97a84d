namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// One definition of a macro: a #define, a -D option, a predefined or a special macro.
/// The body holds <see cref="TokenKind.MacroArg"/> tokens where parameters are used; a '#'
/// before a parameter is the <see cref="TokenFlags.Stringify"/> flag on it and '##' is the
/// <see cref="TokenFlags.PasteLeft"/> flag on its left operand, as in gcc.
/// </summary>
public sealed class MacroDefinition
{
    public MacroDefinition(int id, int nameId, string name, MacroOrigin origin)
    {
        Id = id;
        NameId = nameId;
        Name = name;
        Origin = origin;
    }

    public int Id { get; }
    public int NameId { get; }
    public string Name { get; }
    public MacroOrigin Origin { get; }
    public SpecialMacro Special { get; init; }

    public bool IsFunctionLike { get; init; }
    /// <summary>Parameter name ids; the variadic one last (__VA_ARGS__ or a GNU named one).</summary>
    public int[] Parameters { get; init; } = Array.Empty<int>();
    public bool IsVariadic { get; init; }
    /// <summary>The body uses __VA_OPT__.</summary>
    public bool HasVaOpt { get; init; }
    public Token[] Body { get; init; } = Array.Empty<Token>();

    /// <summary>Location of the '#' of the #define (0 for predefined and special macros).</summary>
    public int DirectiveLoc { get; init; }
    /// <summary>Location of the macro name in the #define.</summary>
    public int NameLoc { get; init; }
    /// <summary>Location just past the end of the #define line (before the newline).</summary>
    public int EndLoc { get; init; }

    /// <summary>True while the macro's own expansion is being rescanned (gcc's NODE_DISABLED).</summary>
    internal bool Disabled;
    /// <summary>Number of times the macro was expanded.</summary>
    public int UseCount { get; internal set; }

    public int ParameterCount => Parameters.Length;

    public bool IsSpecial => Special != SpecialMacro.None;

    /// <summary>gcc's rules for a benign redefinition: same kind, parameters, and body tokens with the same whitespace separation.</summary>
    public bool IsSameDefinitionAs(MacroDefinition b)
    {
        var a = this;
        if (a.IsFunctionLike != b.IsFunctionLike || a.IsVariadic != b.IsVariadic || a.ParameterCount != b.ParameterCount)
            return false;
        for (int i = 0; i < a.ParameterCount; i++)
            if (a.Parameters[i] != b.Parameters[i]) return false;
        if (a.Body.Length != b.Body.Length) return false;
        const TokenFlags mask = TokenFlags.PrevWhite | TokenFlags.Stringify | TokenFlags.PasteLeft | TokenFlags.Digraph;
        for (int i = 0; i < a.Body.Length; i++)
        {
            ref readonly var x = ref a.Body[i];
            ref readonly var y = ref b.Body[i];
            if (x.Kind != y.Kind || x.Text != y.Text || (x.Flags & mask) != (y.Flags & mask)) return false;
        }
        return true;
    }
}
