namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>
/// The policy of a classic invocation: the functions named by <c>-i/--patched-functions</c> are
/// patched; every question is answered by its policy command when one was given, else by the
/// built-in policy (<c>--policy=…</c>) when there is one. Without either, is-patched answers NO
/// (SPEC 2.5: only <c>-i</c> then); the other questions must have a command or a built-in
/// policy (the command line guarantees it), else asking is a bug (<see cref="InvalidOperationException"/>).
/// </summary>
public sealed class CompositePolicy : ILivePatchPolicy
{
    private readonly HashSet<string> _patched;

    public CompositePolicy(ILivePatchPolicy? builtIn, ShellCommandPolicy? commands, IEnumerable<string>? patchedFunctions = null)
    {
        BuiltIn = builtIn;
        Commands = commands;
        _patched = new HashSet<string>(patchedFunctions ?? [], StringComparer.Ordinal);
    }

    public ILivePatchPolicy? BuiltIn { get; }
    public ShellCommandPolicy? Commands { get; }
    public IReadOnlyCollection<string> PatchedFunctions => _patched;

    /// <summary>Whether <paramref name="question"/> has someone to answer it.</summary>
    public bool Answers(PolicyQuestion question) =>
        question == PolicyQuestion.IsPatched || BuiltIn is not null || Commands?.Answers(question) == true;

    public PolicyAnswer<bool> IsPatched(string name)
    {
        if (_patched.Contains(name)) return PolicyAnswer.Answer(true);
        if (Commands?.Answers(PolicyQuestion.IsPatched) == true) return Commands.IsPatched(name);
        if (BuiltIn is not null) return BuiltIn.IsPatched(name);
        return PolicyAnswer.Answer(false);
    }

    public PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude) =>
        For(PolicyQuestion.MayIncludeHeader).MayIncludeHeader(path, isPreInclude);

    public PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition) =>
        For(PolicyQuestion.CanExternalizeFunction).CanExternalizeFunction(name, linkage, definition);

    public PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool definedInEligibleHeader, PolicyLocation definition) =>
        For(PolicyQuestion.ShallExternalizeFunction).ShallExternalizeFunction(name, linkage, definedInEligibleHeader, definition);

    public PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration) =>
        For(PolicyQuestion.ShallExternalizeObject).ShallExternalizeObject(name, linkage, declaration);

    public PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry) =>
        For(PolicyQuestion.ModifyExternalizedSymbol).ModifyExternalizedSymbol(kind, name, retry);

    public PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry) =>
        For(PolicyQuestion.ModifyPatchedFunctionSymbol).ModifyPatchedFunctionSymbol(name, retry);

    public PolicyAnswer<string> RenameRewrittenFunction(string name, int retry) =>
        For(PolicyQuestion.RenameRewrittenFunction).RenameRewrittenFunction(name, retry);

    private ILivePatchPolicy For(PolicyQuestion question)
    {
        if (Commands?.Answers(question) == true) return Commands;
        return BuiltIn ?? throw new InvalidOperationException($"no policy command and no built-in policy for question {question}");
    }
}
