namespace KlpCcp.Engine.Semantics.Constants;

/// <summary>A floating constant as written: its typed value, and whether an <c>i</c>/<c>j</c> suffix made it imaginary.</summary>
public readonly record struct ParsedFloat(FloatConstant Value, bool IsImaginary);
