namespace KlpCcp.Engine.Preprocessing;

public enum MacroEventKind : byte
{
    Define,
    Undef,
}
