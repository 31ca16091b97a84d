namespace KlpCcp.Engine.Semantics.Constants;

/// <summary>An integer constant as written: its typed value, and whether an <c>i</c>/<c>j</c> suffix made it imaginary (type <c>_Complex T</c>).</summary>
public readonly record struct ParsedInteger(IntegerConstant Value, bool IsImaginary);
