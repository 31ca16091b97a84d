using KlpCcp.Facts;
using KlpCcp.Facts.Queries;
using KlpCcp.Facts.Records;

namespace KlpCcp.Tests.Facts;

public class FactStoreTests
{
    /// <summary>pu_f calls helper, helper reads espr_cnt; pu_f also uses sizeof(unused_obj).</summary>
    private static FactStore Sample()
    {
        var s = FactStore.InMemory();
        s.Insert(new[] { new UnitRecord(0, "t.c", "x86_64-gcc-12.2.0", "/w", new[] { "t.c" }) });
        s.Insert(new[]
        {
            new EntityRecord(0, 1, EntityKind.Function, "pu_f", new SourceSpan("t.c", 10, 4, 14)) { IsDefined = true, Linkage = Linkage.External },
            new EntityRecord(0, 2, EntityKind.Function, "helper", new SourceSpan("t.c", 3, 11, 6)) { IsDefined = true, Linkage = Linkage.Internal },
            new EntityRecord(0, 3, EntityKind.Object, "espr_cnt", new SourceSpan("t.c", 1, 5, 1)) { IsDefined = true, Linkage = Linkage.External },
            new EntityRecord(0, 4, EntityKind.Object, "unused_obj", new SourceSpan("t.c", 2, 5, 2)) { IsDefined = true, Linkage = Linkage.External },
            new EntityRecord(0, 5, EntityKind.Function, "other", new SourceSpan("t.c", 20, 5, 22)) { IsDefined = true, Linkage = Linkage.External },
        });
        s.Insert(new[]
        {
            new ReferenceRecord(0, 1, 2, ReferenceKind.Function, new SourceSpan("t.c", 12, 8, 12)) { Context = "callee of a call" },
            new ReferenceRecord(0, 2, 3, ReferenceKind.Object, new SourceSpan("t.c", 5, 2, 5)) { Context = "operand of ++" },
            new ReferenceRecord(0, 1, 4, ReferenceKind.DeclaredType, new SourceSpan("t.c", 13, 15, 13)) { Evaluated = false, Context = "sizeof operand" },
        });
        s.Insert(new[]
        {
            new DecisionRecord(0, 1, DecisionKind.Patched, "named by --patched-functions") { NewName = "klpp_pu_f" },
            new DecisionRecord(0, 2, DecisionKind.Rewritten, "references a renamed symbol") { ReachedFrom = 1, NewName = "klpr_helper" },
            new DecisionRecord(0, 3, DecisionKind.Externalized, "objects are externalized") { ReachedFrom = 2, NewName = "klpe_espr_cnt", MadePointer = true, PolicyAnswer = "shall-externalize-obj espr_cnt -> YES" },
            new DecisionRecord(0, 4, DecisionKind.DeclarationOnly, "only used in sizeof") { ReachedFrom = 1 },
        });
        return s;
    }

    [Fact]
    public void LooksUpByIndexedFields()
    {
        using var s = Sample();
        s.EntitiesNamed("helper").Single().Id.ShouldBe(2);
        s.ReferencesFrom(0, 1).Select(r => r.To).OrderBy(x => x).ShouldBe(new[] { 2, 4 });
        s.ReferencesTo(0, 3).Single().From.ShouldBe(2);
        s.Decision(0, 3)!.NewName.ShouldBe("klpe_espr_cnt");
    }

    [Fact]
    public void AFileWrittenByOneRunAnswersTheSameQueriesWhenReopened()
    {
        var path = Path.Combine(Path.GetTempPath(), $"klpccp-facts-{Guid.NewGuid():N}.db");
        try
        {
            using (var created = FactStore.OpenFile(path, create: true))
            {
                created.Insert(new[] { new EntityRecord(0, 1, EntityKind.Function, "f", new SourceSpan("t.c", 1, 5, 3)), new EntityRecord(0, 2, EntityKind.Object, "x", new SourceSpan("t.c", 4, 5, 4)) });
                created.Insert(new[] { new ReferenceRecord(0, 1, 2, ReferenceKind.Object, new SourceSpan("t.c", 2, 2, 2)) { Context = "operand of ++" } });
                created.Insert(new[] { new DecisionRecord(0, 2, DecisionKind.Copied, "first") });
                created.Upsert(new[] { new DecisionRecord(0, 2, DecisionKind.Externalized, "second") });
                created.Decision(0, 2)!.Reason.ShouldBe("second");
            }
            using var reopened = FactStore.OpenFile(path, create: false);
            reopened.EntitiesNamed("x").Single().Id.ShouldBe(2);
            reopened.ReferencesFrom(0, 1).Single().Context.ShouldBe("operand of ++");
            reopened.ReferencesTo(0, 2).Single().From.ShouldBe(1);
            reopened.Decisions(0).Single().Reason.ShouldBe("second");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnUpsertReplacesTheRecordInPlaceAndInItsLookups()
    {
        using var s = Sample();
        s.Decisions(0).Count.ShouldBe(4);
        s.Upsert(new[] { new DecisionRecord(0, 2, DecisionKind.Externalized, "changed"), new DecisionRecord(1, 9, DecisionKind.Copied, "other unit") });
        s.Decisions(0).Select(d => d.Reason).ShouldBe(["named by --patched-functions", "changed", "objects are externalized", "only used in sizeof"]);
        s.Decisions(1).Single().Entity.ShouldBe(9);
        s.Decision(0, 2)!.Decision.ShouldBe(DecisionKind.Externalized);
        s.EntitiesNamed("HELPER").ShouldBeEmpty(); // C names are case-sensitive
    }

    [Fact]
    public void WhyGivesTheChainFromThePatchedFunction()
    {
        using var s = Sample();
        WhyExplainer.Explain(s, "espr_cnt").Render().ShouldBe(
            "function pu_f (t.c:10): patched as klpp_pu_f: named by --patched-functions\n" +
            "  -> function helper (t.c:3) [called, callee of a call at line 12]: rewritten as klpr_helper: references a renamed symbol\n" +
            "    -> object espr_cnt (t.c:1) [used, operand of ++ at line 5]: externalized as klpe_espr_cnt (pointer): objects are externalized\n");
    }

    [Fact]
    public void WhyExplainsWhatIsNotInThePatch()
    {
        using var s = Sample();
        WhyExplainer.Explain(s, "other").Render().ShouldBe("function other (t.c:20): not in the live patch: no patched function reaches it\n");
        WhyExplainer.Explain(s, "nothing").Render().ShouldBe("nothing: no entity of that name in the unit\n");
    }

    [Fact]
    public void QueryLanguage()
    {
        using var s = Sample();
        string Q(string text) => FactQueryRunner.Run(s, FactQueryParser.TryParse(text, out var err) ?? throw new Exception(err));
        Q("closure").ShouldBe("patched\tfunction\tpu_f -> klpp_pu_f\tt.c:10-14\nrewritten\tfunction\thelper -> klpr_helper\tt.c:3-6\n");
        Q("externalized").ShouldBe("externalized\tobject\tespr_cnt -> klpe_espr_cnt (pointer)\tt.c:1:5\n");
        Q("refs from pu_f").ShouldBe("pu_f -> helper\tcalled, callee of a call\tt.c:12:8\npu_f -> unused_obj\tunevaluated use, sizeof operand (unevaluated)\tt.c:13:15\n");
        Q("refs to espr_cnt").ShouldBe("helper -> espr_cnt\tused, operand of ++\tt.c:5:2\n");
        Q("decision espr_cnt").ShouldBe("object espr_cnt: externalized as klpe_espr_cnt, pointer: objects are externalized [policy: shall-externalize-obj espr_cnt -> YES]\n");
        Q("entities object like *_obj").ShouldBe("object\tunused_obj\tt.c:2:5\n");
    }

    [Fact]
    public void QuerySyntaxErrorsAreOneLine()
    {
        FactQueryParser.TryParse("refs sideways x", out var err).ShouldBeNull();
        err.ShouldStartWith("query syntax error at column");
        FactQueryParser.TryParse("closure extra", out err).ShouldBeNull();
        err.ShouldNotBeNull();
    }

    [Fact]
    public void FileDatabaseSurvivesReopening()
    {
        var path = Path.Combine(Path.GetTempPath(), $"klp-facts-{Guid.NewGuid():N}.db");
        try
        {
            using (var s = FactStore.OpenFile(path, create: true))
                s.Insert(new[] { new UnitRecord(0, "t.c", "x86_64-gcc-12.2.0", "/w", new[] { "t.c" }) });
            using (var s = FactStore.OpenFile(path, create: false))
                s.Units().Single().InputFile.ShouldBe("t.c");
        }
        finally { File.Delete(path); }
    }
}
