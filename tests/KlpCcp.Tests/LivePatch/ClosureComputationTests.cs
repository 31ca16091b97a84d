using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.LivePatch;
using KlpCcp.Engine.LivePatch.Closure;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Facts;
using KlpCcp.Facts.Records;

namespace KlpCcp.Tests.LivePatch;

/// <summary>SPEC §2.6 on small entity graphs, with the toy policy (names decide the answers).</summary>
public class ClosureComputationTests
{
    /// <summary>Builds a unit's facts: entities get ids in declaration order (which is also file order).</summary>
    private sealed class Graph
    {
        public readonly FactStore Store = FactStore.InMemory();
        private readonly List<EntityRecord> _entities = new();
        private readonly List<ReferenceRecord> _refs = new();
        public readonly HashSet<int> InEligibleHeader = new();

        public int Fn(string name, bool defined = true, bool inHeader = false, bool compileTimeCheck = false)
        {
            int id = _entities.Count;
            _entities.Add(new EntityRecord(0, id, EntityKind.Function, name, new SourceSpan(inHeader ? "t.h" : "t.c", id + 1, 0, id + 1))
            { IsDefined = defined, Linkage = Linkage.External, Order = id, DefinitionOrder = defined ? id : -1, InHeader = inHeader, IsCompileTimeCheck = compileTimeCheck });
            if (inHeader) InEligibleHeader.Add(id);
            return id;
        }

        public int Obj(string name, int owner = -1)
        {
            int id = _entities.Count;
            _entities.Add(new EntityRecord(0, id, EntityKind.Object, name, new SourceSpan("t.c", id + 1, 0, id + 1))
            { IsDefined = true, Linkage = owner >= 0 ? Linkage.None : Linkage.External, Order = id, Owner = owner });
            return id;
        }

        public void Call(int from, int to) => Ref(from, to, ReferenceKind.Function, escapes: false);
        public void AddressOf(int from, int to) => Ref(from, to, ReferenceKind.Function, escapes: true);
        public void Use(int from, int to) => Ref(from, to, ReferenceKind.Object, escapes: false);

        private void Ref(int from, int to, ReferenceKind kind, bool escapes) =>
            _refs.Add(new ReferenceRecord(0, from, to, kind, new SourceSpan("t.c", 100 + _refs.Count, 4, 100 + _refs.Count))
            {
                AddressEscapes = escapes,
                Part = _entities[from].Kind == EntityKind.Object ? ReferencePart.Initializer : ReferencePart.Body,
            });

        public (ClosureResult Result, DiagnosticBag Diags) Close(params int[] patched)
        {
            Store.Insert(_entities);
            if (_refs.Count > 0) Store.Insert(_refs);
            var diags = new DiagnosticBag();
            var gateway = new PolicyGateway(new ToyPolicy(), diags);
            var c = new ClosureComputation(Store, 0, gateway, diags, id => InEligibleHeader.Contains(id));
            return (c.Run(patched), diags);
        }
    }

    [Fact]
    public void ExternalizableCalleeIsExternalizedAndNotEntered()
    {
        var g = new Graph();
        int h = g.Fn("h"), eeG = g.Fn("ee_g"), puF = g.Fn("pu_f");
        g.Call(h, eeG); g.Call(eeG, h); g.Call(puF, eeG);
        var (r, d) = g.Close(puF);
        r.Patched.ShouldBe(new[] { puF });
        r.Copied.ShouldBeEmpty();
        r.ExternalizedFunctions.ShouldBe(new[] { eeG });
        d.Items.ShouldBeEmpty();
    }

    [Fact]
    public void EachExternalizationKeepsTheReasonOfTheWalkThatDecidedIt()
    {
        var g = new Graph();
        int eeG = g.Fn("ee_g"), eeH = g.Fn("ee_h"), puF = g.Fn("pu_f");
        g.Call(puF, eeG); g.AddressOf(puF, eeH);
        var (r, _) = g.Close(puF);
        // ee_h's escaping address makes the resolution walk again, where ee_g is met already externalized
        r.Reasons[eeG].ShouldBe("the policy prefers externalizing it");
        r.Reasons[eeH].ShouldBe("its address is taken");
    }

    [Fact]
    public void NonExternalizableCalleeIsCopiedAndItsCalleesFollowed()
    {
        var g = new Graph();
        int helper = g.Fn("helper"), api = g.Fn("eu_api"), puF = g.Fn("pu_f");
        g.Call(helper, api); g.Call(api, helper); g.Call(puF, api); g.Call(puF, helper);
        var (r, _) = g.Close(puF);
        r.Copied.ShouldBe(new[] { helper });
        r.ExternalizedFunctions.ShouldBe(new[] { api });
        r.ReachedFrom[helper].ShouldBe(puF);
    }

    [Fact]
    public void EligibleHeaderDefinitionIsCopiedNotPreferred()
    {
        var g = new Graph();
        int sq = g.Fn("eu_sq", inHeader: true), puF = g.Fn("pu_f");
        g.Call(puF, sq);
        var (r, _) = g.Close(puF);
        r.Copied.ShouldBe(new[] { sq });
    }

    [Fact]
    public void EscapingAddressExternalizesEvenFromAHeader()
    {
        var g = new Graph();
        int eeG = g.Fn("ee_g", inHeader: true), puF = g.Fn("pu_f");
        g.AddressOf(puF, eeG);
        g.Call(puF, eeG);
        var (r, _) = g.Close(puF);
        r.Copied.ShouldBeEmpty();
        r.ExternalizedFunctions.ShouldBe(new[] { eeG });
    }

    [Fact]
    public void AddressTakingCycleExternalizesTheLastDefined()
    {
        var g = new Graph();
        int a = g.Fn("eu_a", inHeader: true), b = g.Fn("eu_b", inHeader: true), puF = g.Fn("pu_f");
        g.AddressOf(a, b); g.AddressOf(b, a); g.Call(puF, a); g.Call(puF, b);
        var (r, _) = g.Close(puF);
        r.Copied.ShouldBe(new[] { a });
        r.ExternalizedFunctions.ShouldBe(new[] { b });
    }

    [Fact]
    public void ImpossibleRequiredExternalizationWarnsAndCopies()
    {
        var g = new Graph();
        int cb = g.Fn("callback"), puF = g.Fn("pu_f");
        g.AddressOf(puF, cb);
        var (r, d) = g.Close(puF);
        r.Copied.ShouldBe(new[] { cb });
        d.Items.Select(x => x.ToString()).ShouldBe(new[] { "t.c:100:5: warning: required function externalization of \"callback\" is impossible" });
    }

    [Fact]
    public void AddressOfAPatchedFunctionExternalizesTheOriginalToo()
    {
        var g = new Graph();
        int cb = g.Fn("pu_espr_cb"), puF = g.Fn("pu_f");
        g.AddressOf(puF, cb); g.Call(puF, cb);
        var (r, _) = g.Close(puF, cb);
        r.Patched.OrderBy(x => x).ShouldBe(new[] { cb, puF });
        r.PatchedAndExternalized.ShouldBe(new[] { cb });
    }

    [Fact]
    public void DeclaredOnlyFunctions()
    {
        var g = new Graph();
        int ext = g.Fn("eu_decl", defined: false), local = g.Fn("undefined_here", defined: false), puF = g.Fn("pu_f");
        g.Call(puF, ext); g.Call(puF, local);
        var (r, d) = g.Close(puF);
        r.ExternalizedFunctions.ShouldBe(new[] { ext });
        r.DeclaredOnlyFunctions.ShouldBe(new[] { local });
        d.Items.Single().Message.ShouldBe("function \"undefined_here\" without definition cannot get externalized");
    }

    [Fact]
    public void ObjectsAreExternalizedOrCopiedWithTheirInitializers()
    {
        var g = new Graph();
        int cnt = g.Obj("espr_cnt"), cb = g.Fn("ee_cb", inHeader: true), ops = g.Obj("ops"), puF = g.Fn("pu_f");
        g.AddressOf(ops, cb);
        g.Use(puF, cnt); g.Use(puF, ops);
        var (r, d) = g.Close(puF);
        r.ExternalizedObjects.ShouldBe(new[] { cnt });
        r.CopiedObjects.ShouldBe(new[] { ops });
        r.ExternalizedFunctions.ShouldBe(new[] { cb });
        d.Items.Single().Message.ShouldBe("referenced object \"ops\" cannot get externalized");
    }

    [Fact]
    public void CompileTimeCheckIsKeptDeclaredWithoutAskingOrWarning()
    {
        var g = new Graph();
        // ee_ names are externalizable for the toy policy: the flag, not the policy, decides
        int check = g.Fn("ee_check", defined: false, compileTimeCheck: true), plain = g.Fn("ee_plain", defined: false), puF = g.Fn("pu_f");
        g.Call(puF, check); g.Call(puF, plain);
        var (r, d) = g.Close(puF);
        r.DeclaredOnlyFunctions.ShouldBe(new[] { check });
        r.ExternalizedFunctions.ShouldBe(new[] { plain });
        r.Reasons[check].ShouldBe("a compile-time check (declared with the error or warning attribute): its declaration is kept, nothing is bound");
        r.CanExternalize.ContainsKey(check).ShouldBeFalse();
        d.Items.ShouldBeEmpty();
    }
}
