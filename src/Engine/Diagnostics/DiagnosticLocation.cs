namespace KlpCcp.Engine.Diagnostics;

/// <summary>
/// A resolved place in a file: 1-based line, 1-based display column (gcc's convention: tabs to
/// multiples of 8). <see cref="ByteColumn"/> is the 0-based byte column that klp-ccp's own
/// message format uses (-1 when unknown).
/// </summary>
public readonly record struct DiagnosticLocation(string File, int Line, int Column, int ByteColumn = -1)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
