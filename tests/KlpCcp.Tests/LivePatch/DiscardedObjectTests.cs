using KlpCcp.Facts.Records;

namespace KlpCcp.Tests.LivePatch;

/// <summary>
/// Objects in a .discard section (the kernel's __ADDRESSABLE, used by static_call()) are dropped
/// by the final link: they are copied, never externalized, and what their initializer refers
/// to is not pulled into the live patch by them.
/// </summary>
public class DiscardedObjectTests
{
    private const string Addressable =
        "void __SCK__cond_resched(void);\n" +
        "#define __ADDRESSABLE(sym) static void * __attribute__((__used__)) __attribute__((__section__(\".discard.addressable\"))) __UNIQUE_ID_addr = (void *)&sym;\n" +
        "int f(void) { __ADDRESSABLE(__SCK__cond_resched); return 0; }\n";

    [Fact]
    public void LocalStaticInADiscardSectionIsCopiedAndItsInitializerNotFollowed()
    {
        using var h = LivePatchHarness.Create(Addressable, null, ["f"]);
        h.Result.Succeeded.ShouldBeTrue(string.Join("\n", h.Messages));
        var d = h.Decision("__UNIQUE_ID_addr").ShouldNotBeNull();
        d.Decision.ShouldBe(DecisionKind.Copied);
        d.Reason.ShouldBe("copied: it lies in a .discard section, which the final link drops, so the running kernel has no such object");
        d.PolicyAnswer.ShouldBeNull();
        h.Decision("__SCK__cond_resched").ShouldBeNull();
        h.Messages.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("__attribute__((section(\".discard\")))", true)]
    [InlineData("__attribute__((__section__(\".discard\" \".text\")))", true)]
    [InlineData("__attribute__((section(\".data..percpu\")))", false)]
    [InlineData("__attribute__((section(\".discarded\")))", false)]
    public void OnlyDiscardSectionsCount(string attribute, bool discarded)
    {
        using var h = LivePatchHarness.Create($"int counter {attribute} = 1;\nint f(void) {{ return counter; }}\n", null, ["f"]);
        h.Decision("counter").ShouldNotBeNull().Decision.ShouldBe(discarded ? DecisionKind.Copied : DecisionKind.Externalized);
    }
}
