using System.Text.RegularExpressions;

namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>
/// The built-in policy for Linux kernel live patches (the default of <c>from-diff</c>):
/// <list type="bullet">
/// <item>public headers — under <c>include/</c> or <c>arch/*/include/</c> of the tree, generated
///   ones included — may be #included; private headers (next to a <c>.c</c> file) may not, nor
///   the tracepoint-definition machinery of <c>include/trace/</c> (<c>define_trace.h</c> and what
///   it pulls in): with <c>CREATE_TRACE_POINTS</c> it would define the unit's tracepoints again
///   in the live patch;</item>
/// <item>every function can be externalized, and externalizing is preferred unless the definition
///   comes from an eligible header (a static inline function of a public header is copied by
///   including the header);</item>
/// <item>objects are externalized: the running kernel's instance must be used;</item>
/// <item>externalized symbols become static pointers <c>klpe_NAME</c> filled from kallsyms by the
///   module's init code (<c>f()</c> → <c>(*klpe_f)()</c>);</item>
/// <item>patched functions are renamed <c>klpp_NAME</c> with external linkage (the livepatch glue
///   in another file refers to them); rewritten ones are renamed <c>klpr_NAME</c>.</item>
/// </list>
/// Nothing is patched unless named (the caller knows the patched set). On a name clash the
/// RETRY number is appended (<c>klpp_f1</c>).
/// </summary>
public sealed partial class KernelPolicy : ILivePatchPolicy
{
    [GeneratedRegex(@"^(arch/[^/]+/)?include/")]
    private static partial Regex PublicHeader();

    [GeneratedRegex(@"^include/trace/(define_trace\.h|trace_events\.h|trace_custom_events\.h|perf\.h|bpf_probe\.h|stages/)")]
    private static partial Regex TracepointDefinitionMachinery();

    public PolicyAnswer<bool> IsPatched(string name) => PolicyAnswer.Answer(false);

    public PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude) =>
        PolicyAnswer.Answer(IsPublicHeader(path));

    /// <summary>A header under the tree's include/ or arch/*/include/ (paths as the compiler formed them, "./" prefixes allowed).</summary>
    public static bool IsPublicHeader(string path)
    {
        var p = path;
        while (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        return PublicHeader().IsMatch(p) && !TracepointDefinitionMachinery().IsMatch(p);
    }

    public PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition) =>
        PolicyAnswer.Answer(true);

    public PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool definedInEligibleHeader, PolicyLocation definition) =>
        PolicyAnswer.Answer(!definedInEligibleHeader);

    public PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration) =>
        PolicyAnswer.Answer(true);

    public PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry) =>
        PolicyAnswer.Answer(new ExternalizedSymbolModification(new SymbolModification(WithRetry("klpe_" + name, retry), LinkageChange.MakeStatic), true));

    public PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry) =>
        PolicyAnswer.Answer(new SymbolModification(WithRetry("klpp_" + name, retry), LinkageChange.MakeExtern));

    public PolicyAnswer<string> RenameRewrittenFunction(string name, int retry) =>
        PolicyAnswer.Answer(WithRetry("klpr_" + name, retry));

    private static string WithRetry(string name, int retry) =>
        retry > 0 ? name + retry.ToString(System.Globalization.CultureInfo.InvariantCulture) : name;
}
