using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Changes;

/// <summary>
/// For each function of an analysed unit, the functions defined in the unit whose bodies refer
/// to it (calls and address-taking alike, evaluated or not: a caller that gcc may have inlined
/// it into must not be missed), and which functions gcc may inline at all.
/// </summary>
public sealed class FunctionCallers
{
    private readonly Dictionary<string, SortedSet<string>> _callers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inlinable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

    private FunctionCallers() { }

    public static FunctionCallers Of(SemanticModel model)
    {
        var result = new FunctionCallers();
        foreach (var f in model.FunctionDefinitions)
        {
            if (f.DefinitionNode is not { } def) continue;
            result._defined.Add(f.Name);
            if (f.Linkage == Linkage.Internal || f.IsInline) result._inlinable.Add(f.Name);
            foreach (var node in def.Body.DescendantsAndSelf())
            {
                if (node is not IdentifierExpression id || !model.IsAnalyzed(id)) continue;
                if (model.SymbolOf(id) is not FunctionSymbol callee || callee == f) continue;
                if (!result._callers.TryGetValue(callee.Name, out var set)) result._callers[callee.Name] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.Add(f.Name);
            }
        }
        return result;
    }

    /// <summary>The defined functions whose bodies refer to <paramref name="function"/>, sorted by name.</summary>
    public IReadOnlyCollection<string> CallersOf(string function) =>
        _callers.TryGetValue(function, out var set) ? set : (IReadOnlyCollection<string>)Array.Empty<string>();

    /// <summary>
    /// Whether gcc may have inlined <paramref name="function"/> into its callers without being
    /// asked to keep it whole: static and inline functions (internal linkage gives gcc a free hand).
    /// </summary>
    public bool MayBeInlined(string function) => _inlinable.Contains(function);

    public bool IsDefined(string function) => _defined.Contains(function);
}
