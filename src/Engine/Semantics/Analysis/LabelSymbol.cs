using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>A label of a function (function scope), or a block's <c>__label__</c> local label.</summary>
public sealed class LabelSymbol : Symbol
{
    internal LabelSymbol(string name, int nameId, QualifiedType voidType) : base(SymbolKind.Label, name, nameId) => _void = voidType;
    private readonly QualifiedType _void;

    public override QualifiedType Type => _void;
    /// <summary>The labeled statement, or null if the label is only used.</summary>
    public LabeledStatement? Definition { get; internal set; }
    public FunctionSymbol? Function { get; internal set; }
    /// <summary>Its address is taken (<c>&amp;&amp;label</c>).</summary>
    public bool IsAddressTaken { get; internal set; }
    public bool IsLocal { get; internal set; }
}
