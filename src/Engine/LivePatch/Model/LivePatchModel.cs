using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.LivePatch.Model;

/// <summary>
/// The unit as the live-patch stages see it: its external declarations in file order with the
/// dependencies of each part (SPEC §2.4), and per symbol where it is declared, defined and
/// what its body, initializer or tag body needs.
/// </summary>
public sealed class LivePatchModel
{
    internal LivePatchModel(SemanticModel semantics)
    {
        Semantics = semantics;
    }

    public SemanticModel Semantics { get; }
    public Preprocessing.PreprocessedUnit Unit => Semantics.Unit;

    public List<ExternalItem> Items { get; } = new();

    /// <summary>The declarator items declaring each object, function or typedef, in order.</summary>
    public Dictionary<Symbol, List<DeclaratorItem>> DeclarationsOf { get; } = new();

    /// <summary>Body dependencies of each defined function (its local statics' initializers are in <see cref="InitializerDepsOf"/>).</summary>
    public Dictionary<FunctionSymbol, ExternalItem> DefinitionOf { get; } = new();

    /// <summary>Initializer dependencies of objects (file-scope definitions and local statics).</summary>
    public Dictionary<ObjectSymbol, List<Dependency>> InitializerDepsOf { get; } = new();

    /// <summary>What a tag's body needs (member types, enumerator values).</summary>
    public Dictionary<TagSymbol, List<Dependency>> TagBodyDepsOf { get; } = new();

    /// <summary>The external item holding each tag's definition (the outermost item).</summary>
    public Dictionary<TagSymbol, ExternalItem> TagDefinitionItem { get; } = new();

    /// <summary>The symbol of each struct/union/enum type.</summary>
    public Dictionary<CType, TagSymbol> TagOfType { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Functions declared with gcc's <c>error</c> or <c>warning</c> attribute (the kernel's
    /// <c>__compiletime_assert_N</c>, <c>__bad_copy_from</c>...): a call that survives optimization
    /// is a build error, so references to them are compile-time checks, never symbols to bind.
    /// </summary>
    public HashSet<FunctionSymbol> CompileTimeChecks { get; } = new();

    /// <summary>
    /// Objects placed in a <c>.discard*</c> section (the kernel's <c>__ADDRESSABLE</c> helpers
    /// <c>__UNIQUE_ID___addressable_X</c>): the final link drops them, so the running kernel has
    /// no such object to bind to; they only exist to make a symbol look referenced.
    /// </summary>
    public HashSet<ObjectSymbol> DiscardedObjects { get; } = new();

    /// <summary>
    /// Objects in a <c>.data..percpu*</c> section (the kernel's per-cpu variables): the per-cpu
    /// accessors take their address as an assembler constant, so they cannot be reached through
    /// a pointer; externalized, they are declared <c>extern</c> under their own name.
    /// </summary>
    public HashSet<ObjectSymbol> PerCpuObjects { get; } = new();

    /// <summary>The external item that contains each token-index range start, for mapping back.</summary>
    public ExternalItem? ItemAt(int token)
    {
        int lo = 0, hi = Items.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var it = Items[mid];
            if (token < it.FirstToken) hi = mid - 1;
            else if (token > it.LastToken) lo = mid + 1;
            else return it;
        }
        return null;
    }
}
