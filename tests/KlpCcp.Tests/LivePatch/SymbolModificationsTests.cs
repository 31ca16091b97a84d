using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.LivePatch;
using KlpCcp.Engine.LivePatch.Closure;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Tests.LivePatch;

/// <summary>SPEC §2.7: renames with the RETRY loop, the rewrite fixpoint, clashes.</summary>
public class SymbolModificationsTests
{
    private static (FactStore Store, Func<string, int> Id) Facts(string[] functions, string[] objects, (string From, string To)[] refs)
    {
        var store = FactStore.InMemory();
        var entities = new List<EntityRecord>();
        foreach (var f in functions)
            entities.Add(new EntityRecord(0, entities.Count, EntityKind.Function, f, new SourceSpan("t.c", entities.Count + 1, 0, entities.Count + 1)) { IsDefined = true, Linkage = Linkage.External, Order = entities.Count });
        foreach (var o in objects)
            entities.Add(new EntityRecord(0, entities.Count, EntityKind.Object, o, new SourceSpan("t.c", entities.Count + 1, 0, entities.Count + 1)) { IsDefined = true, Linkage = Linkage.External, Order = entities.Count });
        store.Insert(entities);
        int Id(string n) => entities.First(e => e.Name == n).Id;
        if (refs.Length > 0)
            store.Insert(refs.Select(r => new ReferenceRecord(0, Id(r.From), Id(r.To),
                entities[Id(r.To)].Kind == EntityKind.Object ? ReferenceKind.Object : ReferenceKind.Function, new SourceSpan("t.c", 50, 1, 50))));
        return (store, Id);
    }

    private static (SymbolModifications.Result Result, DiagnosticBag Diags) Run(FactStore store, ClosureResult closure, ILivePatchPolicy? policy = null)
    {
        var diags = new DiagnosticBag();
        var sm = new SymbolModifications(store, 0, new PolicyGateway(policy ?? new ToyPolicy(), diags), diags);
        return (sm.Run(closure), diags);
    }

    [Fact]
    public void RewriteFixpointRenamesEveryFunctionOnTheWay()
    {
        var (store, id) = Facts(new[] { "helper", "other", "unrelated", "pu_main" }, new[] { "espr_cnt" },
            new[] { ("helper", "espr_cnt"), ("other", "helper"), ("pu_main", "other"), ("pu_main", "unrelated") });
        var closure = new ClosureResult();
        closure.Patched.Add(id("pu_main"));
        closure.Copied.UnionWith(new[] { id("helper"), id("other"), id("unrelated") });
        closure.ExternalizedObjects.Add(id("espr_cnt"));
        var (r, d) = Run(store, closure);
        d.Items.ShouldBeEmpty();
        r.Externalized[id("espr_cnt")].ShouldBe(new SymbolModifications.Modification("klpe_espr_cnt", LinkageChange.MakeStatic, true));
        r.Patched[id("pu_main")].ShouldBe(new SymbolModifications.Modification("klpp_pu_main", LinkageChange.None, false));
        r.Rewritten.OrderBy(kv => kv.Key).Select(kv => kv.Value).ShouldBe(new[] { "klpr_helper", "klpr_other" });
        r.Rewritten.ContainsKey(id("unrelated")).ShouldBeFalse();
    }

    [Fact]
    public void ClashingNewNameIsRetried()
    {
        var (store, id) = Facts(new[] { "klpp_pu_f", "pu_f" }, Array.Empty<string>(), Array.Empty<(string, string)>());
        var closure = new ClosureResult();
        closure.Patched.Add(id("pu_f"));
        var (r, _) = Run(store, closure);
        r.Patched[id("pu_f")].NewName.ShouldBe("klpp_pu_f1");
    }

    /// <summary>Always answers the same taken name.</summary>
    private sealed class StubbornPolicy : ILivePatchPolicy
    {
        private readonly ToyPolicy _toy = new();
        public PolicyAnswer<bool> IsPatched(string name) => _toy.IsPatched(name);
        public PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude) => _toy.MayIncludeHeader(path, isPreInclude);
        public PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition) => _toy.CanExternalizeFunction(name, linkage, definition);
        public PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool h, PolicyLocation definition) => _toy.ShallExternalizeFunction(name, linkage, h, definition);
        public PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration) => _toy.ShallExternalizeObject(name, linkage, declaration);
        public PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry) => _toy.ModifyExternalizedSymbol(kind, name, retry);
        public PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry) =>
            PolicyAnswer.Answer(new SymbolModification("taken", LinkageChange.None));
        public PolicyAnswer<string> RenameRewrittenFunction(string name, int retry) => _toy.RenameRewrittenFunction(name, retry);
    }

    [Fact]
    public void UnresolvableClashIsAnErrorNamingBothSymbols()
    {
        var (store, id) = Facts(new[] { "taken", "pu_f" }, Array.Empty<string>(), Array.Empty<(string, string)>());
        var closure = new ClosureResult();
        closure.Patched.Add(id("pu_f"));
        var diags = new DiagnosticBag();
        var sm = new SymbolModifications(store, 0, new PolicyGateway(new StubbornPolicy(), diags), diags);
        Should.Throw<LivePatchAbort>(() => sm.Run(closure)).Kind.ShouldBe(LivePatchFailureKind.Creation);
        diags.Items.Single().ToString().ShouldBe("t.c:2:1: error: exceeded maximum retries for renaming patched \"pu_f\" (\"taken\" is already taken by \"taken\")");
    }

    [Fact]
    public void PatchedAndExternalizedWithoutRenameIsAClash()
    {
        var (store, id) = Facts(new[] { "pu_f", "pu_cb" }, Array.Empty<string>(), Array.Empty<(string, string)>());
        var closure = new ClosureResult();
        closure.Patched.UnionWith(new[] { id("pu_f"), id("pu_cb") });
        closure.PatchedAndExternalized.Add(id("pu_cb"));
        var diags = new DiagnosticBag();
        // the toy policy refuses externalizing pu_cb ("logic error"); a stub keeping both names shows the clash
        var sm = new SymbolModifications(store, 0, new PolicyGateway(new KeepNamesPolicy(), diags), diags);
        Should.Throw<LivePatchAbort>(() => sm.Run(closure));
        diags.Items.Single().Message.ShouldBe("name clash for patched and externalized function");
    }

    private sealed class KeepNamesPolicy : ILivePatchPolicy
    {
        public PolicyAnswer<bool> IsPatched(string name) => PolicyAnswer.Answer(false);
        public PolicyAnswer<bool> MayIncludeHeader(string path, bool isPreInclude) => PolicyAnswer.Answer(true);
        public PolicyAnswer<bool> CanExternalizeFunction(string name, PolicyLinkage linkage, PolicyLocation? definition) => PolicyAnswer.Answer(true);
        public PolicyAnswer<bool> ShallExternalizeFunction(string name, PolicyLinkage linkage, bool h, PolicyLocation definition) => PolicyAnswer.Answer(true);
        public PolicyAnswer<bool> ShallExternalizeObject(string name, PolicyLinkage linkage, PolicyLocation declaration) => PolicyAnswer.Answer(true);
        public PolicyAnswer<ExternalizedSymbolModification> ModifyExternalizedSymbol(ExternalizedSymbolKind kind, string name, int retry) =>
            PolicyAnswer.Answer(new ExternalizedSymbolModification(new SymbolModification(name, LinkageChange.None), false));
        public PolicyAnswer<SymbolModification> ModifyPatchedFunctionSymbol(string name, int retry) => PolicyAnswer.Answer(new SymbolModification(name, LinkageChange.None));
        public PolicyAnswer<string> RenameRewrittenFunction(string name, int retry) => PolicyAnswer.Answer(name);
    }
}
