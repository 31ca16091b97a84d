namespace KlpCcp.Engine.Changes;

/// <summary>
/// A change of one entity with its category, a short description, and whether a live patch can
/// carry it (<see cref="Reason"/> says why not, or what the caveat is).
/// </summary>
public sealed record ClassifiedChange(UnitChange Change, ChangeCategory Category, string Description, ChangeVerdict Verdict, string? Reason = null)
{
    public string Name => Change.Name;
    public DefinitionKind Kind => Change.Kind;

    /// <summary>The entity's place in the patched source, or in the unpatched one for a removed entity.</summary>
    public SourcePlace? Place => (Change.New ?? Change.Old)?.Places.FirstOrDefault();

    /// <summary>"function foo", "struct bar", "macro BAZ".</summary>
    public string Entity => $"{ChangeClassifier.KindName(Kind)} {Name}";

    /// <summary>A function whose code in the running kernel the fix changes (body or declaration).</summary>
    public bool IsChangedFunction => Kind == DefinitionKind.Function && Change.Change is ChangeKind.BodyChanged or ChangeKind.SignatureChanged;
}
