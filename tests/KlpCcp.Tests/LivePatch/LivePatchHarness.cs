using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.LivePatch;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Syntax;
using KlpCcp.Engine.Toolchain;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;
using KlpCcp.Tests.Preprocessing;

namespace KlpCcp.Tests.LivePatch;

/// <summary>
/// Creates a live patch from inline C (main.c plus in-memory headers found through <c>inc/</c>,
/// x86_64 gcc 12) and gives access to what the stages decided: the decisions and the header
/// eligibility as facts, and the diagnostics. Tests assert on decisions rather than on the
/// output text, which the depreprocessor owns.
/// </summary>
internal sealed class LivePatchHarness : IDisposable
{
    private LivePatchHarness(FactStore facts, LivePatchResult result, SemanticModel model)
    {
        Facts = facts;
        Result = result;
        Model = model;
    }

    public FactStore Facts { get; }
    public LivePatchResult Result { get; }
    public SemanticModel Model { get; }

    /// <summary>Runs the whole creation; the policy defaults to the built-in kernel policy.</summary>
    public static LivePatchHarness Create(string main, IReadOnlyDictionary<string, string>? headers, IReadOnlyCollection<string> patched, ILivePatchPolicy? policy = null,
        IReadOnlyList<string>? commandLineDirectives = null)
    {
        var pp = PreprocessorHarness.Run(main, headers, commandLineDirectives: commandLineDirectives);
        pp.Unit.Diagnostics.HasErrors.ShouldBeFalse(string.Join("\n", pp.Unit.Diagnostics.Items));
        var parse = Parser.Parse(pp.Unit, new DiagnosticBag(), ParserOptions.ForArchitecture("x86_64"));
        parse.HasErrors.ShouldBeFalse(string.Join("\n", parse.Diagnostics.Items));
        var model = SemanticAnalyzer.Analyze(parse, new TypeContext(TargetInfo.For(TargetArch.X86_64), default), new AnalyzerOptions { Arch = TargetArch.X86_64 });
        model.Diagnostics.Items.Where(d => d.Severity == Severity.Error).ShouldBeEmpty();
        var facts = FactStore.InMemory();
        var unit = new UnitRecord(0, "main.c", "x86_64-gcc-12.2.0", PreprocessorHarness.Root, ["main.c"]);
        var composite = new CompositePolicy(policy ?? new KernelPolicyForTests(), null, patched);
        var result = LivePatchCreation.Create(new LivePatchRequest(model, composite, patched, facts, unit));
        return new LivePatchHarness(facts, result, model);
    }

    public string[] Messages => Result.Diagnostics.Items.Select(d => d.Message).ToArray();

    /// <summary>The live patch's text for one patched function with the built-in kernel policy; the creation must succeed.</summary>
    public static string Text(string main, string patched, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var h = Create(main, headers, [patched]);
        h.Result.Succeeded.ShouldBeTrue(string.Join("\n", h.Messages));
        return h.Result.Text!;
    }

    /// <summary>The decision about the function or object <paramref name="name"/> (file scope, or the first of that name).</summary>
    public DecisionRecord? Decision(string name)
    {
        var e = Facts.Entities(0).Where(x => x.Name == name).OrderBy(x => x.Owner >= 0).FirstOrDefault();
        return e is null ? null : Facts.Decision(0, e.Id);
    }

    /// <summary>Eligibility of the header whose path ends with <paramref name="file"/>, with the reason.</summary>
    public (bool Eligible, string Reason) Header(string file)
    {
        var f = Facts.Files(0).Single(x => x.Path.EndsWith("/" + file, StringComparison.Ordinal) || x.Path == file);
        return (f.Eligible ?? false, f.EligibilityReason ?? "");
    }

    public void Dispose() => Facts.Dispose();

    /// <summary>The kernel policy, except that headers are eligible unless their path contains "internal" (the in-memory headers live in inc/).</summary>
    public sealed class KernelPolicyForTests : ILivePatchPolicy
    {
        private readonly KernelPolicy _kernel = new();

        public PolicyAnswer<bool> IsPatched(string name) => _kernel.IsPatched(name);
        public PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude) => PolicyAnswer.Answer(!path.Contains("internal", StringComparison.Ordinal));
        public PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition) => _kernel.CanExternalizeFunction(name, linkage, definition);
        public PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool definedInEligibleHeader, PolicyLocation definition) =>
            _kernel.ShallExternalizeFunction(name, linkage, definedInEligibleHeader, definition);
        public PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration) => _kernel.ShallExternalizeObject(name, linkage, declaration);
        public PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry) => _kernel.ModifyExternalizedSymbol(kind, name, retry);
        public PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry) => _kernel.ModifyPatchedFunctionSymbol(name, retry);
        public PolicyAnswer<string> RenameRewrittenFunction(string name, int retry) => _kernel.RenameRewrittenFunction(name, retry);
    }
}
