namespace KlpCcp.Engine.Diagnostics;

public enum Severity : byte
{
    Note,
    Warning,
    Error,
}
