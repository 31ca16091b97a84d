using KlpCcp.Engine.LivePatch.Policy;

namespace KlpCcp.Tests.Policy;

public class ToyPolicyTests
{
    private static readonly ToyPolicy Toy = new();
    private static readonly PolicyLocation Loc = new("t.c", 1, 0);

    [Theory]
    [InlineData("pu_f", true)]
    [InlineData("ps_f", true)]
    [InlineData("pe_f", true)]
    [InlineData("pu_", true)]
    [InlineData("pa_f", false)]
    [InlineData("pu", false)]
    [InlineData("cpu_x", false)] // the 2019 shell policy matched anywhere; the current one at the start
    [InlineData("Pu_f", false)]
    [InlineData("f", false)]
    public void IsPatched(string name, bool expected) => Toy.IsPatched(name).Value.ShouldBe(expected);

    [Theory]
    [InlineData("t.h", true)]
    [InlineData("headers-1-internal.h", false)]
    [InlineData("internal/x.h", false)] // anywhere in the path, not only the basename
    [InlineData("/a/b/c-internal-d/x.h", false)]
    [InlineData("INTERNAL.h", true)]
    public void MayIncludeHeader(string path, bool expected)
    {
        Toy.MayIncludeHeader(path, false).Value.ShouldBe(expected);
        Toy.MayIncludeHeader(path, true).Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("eu_f", true)]
    [InlineData("es_f", true)]
    [InlineData("ee_f", true)]
    [InlineData("esp_f", true)]
    [InlineData("esr_f", true)]
    [InlineData("espr_f", true)]
    [InlineData("pu_espr_cb", true)]
    [InlineData("pe_eu_f", true)]
    [InlineData("esrp_f", false)]
    [InlineData("ea_f", false)]
    [InlineData("eu", false)]
    [InlineData("eupr", false)]
    [InlineData("pu_f", false)]
    [InlineData("pu_pu_eu_f", false)]
    [InlineData("f", false)]
    [InlineData("x_eu_f", false)]
    public void CanExternalizeFunction(string name, bool expected)
    {
        Toy.CanExternalizeFunction(name, PolicyLinkage.External, Loc).Value.ShouldBe(expected);
        Toy.CanExternalizeFunction(name, PolicyLinkage.None, null).Value.ShouldBe(expected);
    }

    [Fact]
    public void ShallExternalizeFunction()
    {
        Toy.ShallExternalizeFunction("eu_f", PolicyLinkage.Internal, definedInEligibleHeader: false, Loc).Value.ShouldBeTrue();
        Toy.ShallExternalizeFunction("eu_f", PolicyLinkage.Internal, definedInEligibleHeader: true, Loc).Value.ShouldBeFalse();
    }

    [Theory]
    [InlineData("eu_o", true)]
    [InlineData("espr_cnt", true)]
    [InlineData("eep_o", true)]
    [InlineData("pu_eu_o", false)] // no patched prefix for objects
    [InlineData("o", false)]
    [InlineData("epr_o", false)]
    public void ShallExternalizeObject(string name, bool expected) =>
        Toy.ShallExternalizeObject(name, PolicyLinkage.External, Loc).Value.ShouldBe(expected);

    [Theory]
    [InlineData("pu_f", 0, "klpp_pu_f", LinkageChange.None)]
    [InlineData("ps_f", 0, "klpp_ps_f", LinkageChange.MakeStatic)]
    [InlineData("pe_f", 0, "klpp_pe_f", LinkageChange.MakeExtern)]
    [InlineData("pu_f", 1, "klpp_pu_f1", LinkageChange.None)]
    [InlineData("ps_f", 12, "klpp_ps_f12", LinkageChange.MakeStatic)]
    public void ModifyPatchedFunctionSymbol(string name, int retry, string newName, LinkageChange linkage) =>
        Toy.ModifyPatchedFunctionSymbol(name, retry).Value.ShouldBe(new SymbolModification(newName, linkage));

    [Fact]
    public void ModifyPatchedFunctionSymbolOutsideTheScheme()
    {
        var a = Toy.ModifyPatchedFunctionSymbol("f", 0);
        a.Kind.ShouldBe(PolicyAnswerKind.PolicyError);
        a.Errors.ShouldBe(["logic error: function \"f\" is not to be patched"]);
    }

    [Theory]
    [InlineData("eu_x", 0, "eu_x", LinkageChange.None, false)]
    [InlineData("es_x", 0, "es_x", LinkageChange.MakeStatic, false)]
    [InlineData("ee_x", 0, "ee_x", LinkageChange.MakeExtern, false)]
    [InlineData("eep_x", 0, "eep_x", LinkageChange.MakeExtern, true)]
    [InlineData("esr_x", 0, "klpe_esr_x", LinkageChange.MakeStatic, false)]
    [InlineData("espr_cnt", 0, "klpe_espr_cnt", LinkageChange.MakeStatic, true)]
    [InlineData("espr_cnt", 3, "klpe_espr_cnt3", LinkageChange.MakeStatic, true)]
    [InlineData("eu_x", 5, "eu_x", LinkageChange.None, false)] // a kept name stays kept
    [InlineData("pu_espr_cb", 0, "klpe_pu_espr_cb", LinkageChange.MakeStatic, true)]
    [InlineData("pe_eu_cb", 0, "pe_eu_cb", LinkageChange.None, false)]
    public void ModifyExternalizedSymbol(string name, int retry, string newName, LinkageChange linkage, bool pointer)
    {
        var expected = new ExternalizedSymbolModification(new SymbolModification(newName, linkage), pointer);
        Toy.ModifyExternalizedSymbol(ExternalizedSymbolKind.Function, name, retry).Value.ShouldBe(expected);
        Toy.ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, name, retry).Value.ShouldBe(expected);
    }

    [Fact]
    public void ModifyExternalizedSymbolOutsideTheScheme()
    {
        Toy.ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, "o", 0).Errors.ShouldBe(["logic error: object \"o\" is not to be externalized"]);
        Toy.ModifyExternalizedSymbol(ExternalizedSymbolKind.Function, "pu_f", 0).Errors.ShouldBe(["logic error: function \"pu_f\" is not to be externalized"]);
    }

    [Theory]
    [InlineData("g", 0, "klpr_g")]
    [InlineData("helper", 1, "klpr_helper1")]
    [InlineData("pu_f", 10, "klpr_pu_f10")]
    public void RenameRewrittenFunction(string name, int retry, string expected) =>
        Toy.RenameRewrittenFunction(name, retry).Value.ShouldBe(expected);

    [Fact]
    public void NoWarnings()
    {
        Toy.IsPatched("pu_f").Warnings.ShouldBeEmpty();
        Toy.ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, "espr_x", 0).Warnings.ShouldBeEmpty();
    }
}
