namespace KlpCcp.Engine.Preprocessing;

public enum ConditionalDirectiveKind : byte
{
    If,
    Ifdef,
    Ifndef,
    Elif,
    Elifdef,
    Elifndef,
    Else,
}
