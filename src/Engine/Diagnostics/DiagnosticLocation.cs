namespace KlpCcp.Engine.Diagnostics;

/// <summary>A resolved place in a file: 1-based line, 1-based column (gcc convention).</summary>
public readonly record struct DiagnosticLocation(string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
