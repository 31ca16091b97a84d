namespace KlpCcp.Engine.Semantics.Constants;

/// <summary>The IEEE class of a floating constant.</summary>
public enum FloatClass : byte
{
    Zero,
    Finite,
    Infinity,
    NaN,
}
