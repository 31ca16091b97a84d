namespace KlpCcp.Engine.Changes;

/// <summary>One item that differs between the unpatched and the patched unit.</summary>
public sealed record UnitChange(DefinitionKind Kind, string Name, ChangeKind Change, UnitDefinition? Old, UnitDefinition? New)
{
    /// <summary>A function's body changed and it declares a static local the old one did not.</summary>
    public bool AddsStaticLocal =>
        Kind == DefinitionKind.Function && Old is not null && New is not null && New.LocalStatics.Except(Old.LocalStatics).Any();

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Name}: {Change}";
}
