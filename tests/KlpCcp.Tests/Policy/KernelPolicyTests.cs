using KlpCcp.Engine.LivePatch.Policy;

namespace KlpCcp.Tests.Policy;

public class KernelPolicyTests
{
    private static readonly KernelPolicy P = new();

    [Theory]
    [InlineData("./include/linux/kernel.h", true)]
    [InlineData("include/linux/kernel.h", true)]
    [InlineData("./arch/x86/include/asm/bug.h", true)]
    [InlineData("./arch/x86/include/generated/asm/rwonce.h", true)]
    [InlineData("kernel/sched/sched.h", false)]
    [InlineData("kernel/time/tick-internal.h", false)]
    [InlineData("./kernel/../include/linux/x.h", false)]
    [InlineData("drivers/net/include/x.h", false)]
    public void PublicHeadersAreEligible(string path, bool eligible) =>
        P.MayIncludeHeader(path, false).Value.ShouldBe(eligible);

    [Fact]
    public void Answers()
    {
        P.IsPatched("f").Value.ShouldBeFalse();
        P.CanExternalizeFunction("f", PolicyLinkage.Internal, null).Value.ShouldBeTrue();
        P.ShallExternalizeFunction("f", PolicyLinkage.Internal, definedInEligibleHeader: true, new("a.h", 1, 0)).Value.ShouldBeFalse();
        P.ShallExternalizeFunction("f", PolicyLinkage.Internal, definedInEligibleHeader: false, new("a.c", 1, 0)).Value.ShouldBeTrue();
        P.ShallExternalizeObject("o", PolicyLinkage.External, new("a.c", 1, 0)).Value.ShouldBeTrue();
        P.ModifyExternalizedSymbol(ExternalizedSymbolKind.Object, "o", 0).Value
            .ShouldBe(new ExternalizedSymbolModification(new SymbolModification("klpe_o", LinkageChange.MakeStatic), true));
        P.ModifyPatchedFunctionSymbol("f", 2).Value.ShouldBe(new SymbolModification("klpp_f2", LinkageChange.MakeExtern));
        P.RenameRewrittenFunction("g", 0).Value.ShouldBe("klpr_g");
    }
}
