using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch.Model;

/// <summary>One dependency of an owner (a declaration part, a body, an initializer, a tag body) on a symbol (SPEC §2.4).</summary>
public readonly record struct Dependency(ReferenceKind Kind, Symbol Target, DependencyFlags Flags, int Token, string Context)
{
    public bool IsEvaluated => (Flags & DependencyFlags.Evaluated) != 0;
    public bool Escapes => (Flags & DependencyFlags.Escapes) != 0;
}
