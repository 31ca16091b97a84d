namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>
/// The name-based toy policy of klp-ccp's test suite (SPEC 3.2), in its current (Python,
/// Oct 2024) form, which generated the expected outputs of the ccp corpus:
/// <list type="bullet">
/// <item>header eligible ⇔ the path does not contain <c>internal</c> (anywhere, not only the basename);</item>
/// <item>patched ⇔ the name starts with <c>pu_</c>, <c>ps_</c> or <c>pe_</c>; the copy is renamed
///   <c>klpp_NAME</c> with the linkage change of the second letter (<c>u</c> keep, <c>s</c> make
///   static, <c>e</c> make extern);</item>
/// <item>function externalizable ⇔ after an optional <c>p[use]_</c> prefix the name starts with
///   <c>e[use]p?r?_</c>; externalization preferred ⇔ not defined in an eligible header;</item>
/// <item>object externalized ⇔ the name starts with <c>e[use]p?r?_</c>;</item>
/// <item>externalized modification: second letter of the <c>e[use]p?r?_</c> part → linkage change
///   as above, <c>p</c> → pointer, <c>r</c> → rename <c>klpe_NAME</c> (no <c>r</c>: keep the name);</item>
/// <item>rewritten rename: <c>klpr_NAME</c>.</item>
/// </list>
/// RETRY: the Python policy has no retry loop; like the 2019 shell scripts, this one appends
/// RETRY to the new name when it is greater than 0 (<c>klpp_pu_f1</c>, <c>klpe_espr_x2</c>,
/// <c>klpr_g3</c>). An answer that keeps the name keeps it on every retry (the engine accepts
/// an unchanged name at RETRY 0, so it never asks again).
/// Requests the scheme cannot answer (modifying a patched symbol whose name lacks
/// <c>p[use]_</c>, an externalized one lacking <c>e[use]p?r?_</c>) are policy errors
/// <c>logic error: …</c>, the shell variant's text. The policy is stateless and gives no warnings.
/// </summary>
public sealed class ToyPolicy : ILivePatchPolicy
{
    public PolicyAnswer<bool> IsPatched(string name) => PolicyAnswer.Answer(PatchedLinkage(name) is not null);

    public PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude) =>
        PolicyAnswer.Answer(!path.Contains("internal", StringComparison.Ordinal));

    public PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition) =>
        PolicyAnswer.Answer(ExternalizationFlags(StripPatchedPrefix(name)) is not null);

    public PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool definedInEligibleHeader, PolicyLocation definition) =>
        PolicyAnswer.Answer(!definedInEligibleHeader);

    public PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration) =>
        PolicyAnswer.Answer(ExternalizationFlags(name) is not null);

    public PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry)
    {
        if (ExternalizationFlags(StripPatchedPrefix(name)) is not { } f)
            return PolicyAnswer.PolicyError<ExternalizedSymbolModification>($"logic error: {KindText(kind)} \"{name}\" is not to be externalized");
        var newName = f.Rename ? WithRetry("klpe_" + name, retry) : name;
        return PolicyAnswer.Answer(new ExternalizedSymbolModification(new SymbolModification(newName, f.Linkage), f.Pointer));
    }

    public PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry)
    {
        if (PatchedLinkage(name) is not { } linkage)
            return PolicyAnswer.PolicyError<SymbolModification>($"logic error: function \"{name}\" is not to be patched");
        return PolicyAnswer.Answer(new SymbolModification(WithRetry("klpp_" + name, retry), linkage));
    }

    public PolicyAnswer<string> RenameRewrittenFunction(string name, int retry) =>
        PolicyAnswer.Answer(WithRetry("klpr_" + name, retry));

    private static string KindText(ExternalizedSymbolKind kind) => kind == ExternalizedSymbolKind.Function ? "function" : "object";

    private static string WithRetry(string name, int retry) => retry > 0 ? name + retry.ToString(System.Globalization.CultureInfo.InvariantCulture) : name;

    private static LinkageChange? LinkageLetter(char c) => c switch
    {
        'u' => LinkageChange.None,
        's' => LinkageChange.MakeStatic,
        'e' => LinkageChange.MakeExtern,
        _ => null,
    };

    /// <summary><c>p[use]_…</c>: the linkage change of the patched copy, else null.</summary>
    private static LinkageChange? PatchedLinkage(string name) =>
        name.Length >= 3 && name[0] == 'p' && name[2] == '_' ? LinkageLetter(name[1]) : null;

    private static string StripPatchedPrefix(string name) => PatchedLinkage(name) is not null ? name[3..] : name;

    /// <summary><c>e[use]p?r?_…</c>: linkage change, pointer, rename; else null.</summary>
    private static (LinkageChange Linkage, bool Pointer, bool Rename)? ExternalizationFlags(string name)
    {
        if (name.Length < 3 || name[0] != 'e' || LinkageLetter(name[1]) is not { } linkage) return null;
        var i = 2;
        var pointer = i < name.Length && name[i] == 'p';
        if (pointer) i++;
        var rename = i < name.Length && name[i] == 'r';
        if (rename) i++;
        if (i >= name.Length || name[i] != '_') return null;
        return (linkage, pointer, rename);
    }
}
