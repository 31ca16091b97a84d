namespace KlpCcp.Engine.Toolchain;

/// <summary>Which command-line list an include directory came from.</summary>
public enum IncludeDirectoryOrigin
{
    /// <summary>-iquote (or -I before -I-): searched for <c>"f"</c> only.</summary>
    Quote,
    /// <summary>-I</summary>
    Bracket,
    /// <summary>-isystem</summary>
    System,
    /// <summary>The compiler's built-in directories (absent with -nostdinc).</summary>
    Default,
    /// <summary>-idirafter</summary>
    After,
}

/// <summary>
/// One directory of the search chain. <see cref="IsSystem"/> marks a system header
/// directory (-isystem, the defaults, -idirafter): headers found there are system headers
/// (no warnings; gcc's linemarker flag 3).
/// </summary>
public sealed record IncludeDirectory(string Path, IncludeDirectoryOrigin Origin)
{
    public bool IsSystem => Origin is IncludeDirectoryOrigin.System or IncludeDirectoryOrigin.Default or IncludeDirectoryOrigin.After;
}
