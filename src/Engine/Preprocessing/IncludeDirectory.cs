namespace KlpCcp.Engine.Preprocessing;

/// <summary>A directory of the include search path as given (the path is used as a prefix, like gcc does).</summary>
public readonly record struct IncludeDirectory(string Path, bool IsSystem);
