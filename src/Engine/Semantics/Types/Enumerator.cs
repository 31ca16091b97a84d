using KlpCcp.Engine.Semantics.Constants;

namespace KlpCcp.Engine.Semantics.Types;

/// <summary>
/// An enumeration constant. gcc 12 types it <c>int</c> when its value fits in int; otherwise,
/// inside the enum body, the (promoted) type of its value, and after the closing brace the
/// enum type itself (whose <see cref="EnumType.CompatibleType"/> is then <see cref="Value"/>'s type).
/// </summary>
public sealed class Enumerator
{
    internal Enumerator(EnumType owner, string name, IntegerConstant value, QualifiedType type)
    {
        Owner = owner;
        Name = name;
        Value = value;
        Type = type;
    }

    public EnumType Owner { get; }
    public string Name { get; }
    public IntegerConstant Value { get; internal set; }
    public QualifiedType Type { get; internal set; }
    /// <summary>The declaration node, for the semantic analyzer (opaque here).</summary>
    public object? Declaration { get; set; }

    public override string ToString() => $"{Name} = {Value}";
}
