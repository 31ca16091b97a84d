namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// What one place of the output needs from the macro state. <see cref="Definition"/> is the
/// definition for <see cref="MacroRequirementKind.Defined"/> and the include record id for
/// <see cref="MacroRequirementKind.Include"/>. <see cref="FunctionLikeAllowed"/>: a
/// function-like macro of the name may stay (no '(' follows the identifier).
/// <see cref="Key"/> orders a requirement of a directive line among the lines written at the
/// same place (long.MaxValue: the token itself, after all lines).
/// </summary>
internal readonly record struct MacroRequirement(
    MacroRequirementKind Kind,
    int Name,
    int Definition = -1,
    bool FunctionLikeAllowed = false,
    long Key = long.MaxValue);
