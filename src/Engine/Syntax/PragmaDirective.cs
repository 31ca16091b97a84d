namespace KlpCcp.Engine.Syntax;

/// <summary>A <c>#pragma</c> left in the token stream: its token index and its spelling id (<c>"pragma pack(push, 1)"</c>).</summary>
public readonly record struct PragmaDirective(int Token, int Text);
