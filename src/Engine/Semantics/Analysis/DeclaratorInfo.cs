using KlpCcp.Engine.Semantics.Types;

namespace KlpCcp.Engine.Semantics.Analysis;

/// <summary>What a declaring node declares: the symbol (null for members), its type, its declaration record, its member.</summary>
public readonly record struct DeclaratorInfo(Symbol? Symbol, QualifiedType Type, DeclarationRecord? Record, RecordMember? Member);
