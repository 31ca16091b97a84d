namespace KlpCcp.Engine.Semantics.Types;

/// <summary>The C type qualifiers. <c>_Atomic</c> is a qualifier as in gcc (it also changes alignment).</summary>
[Flags]
public enum TypeQualifiers : byte
{
    None = 0,
    Const = 1,
    Volatile = 2,
    Restrict = 4,
    Atomic = 8,
}
