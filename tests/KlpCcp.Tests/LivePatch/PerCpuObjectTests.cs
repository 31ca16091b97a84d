using KlpCcp.Facts.Records;

namespace KlpCcp.Tests.LivePatch;

/// <summary>
/// Per-cpu objects are reached through their address as a constant plus the CPU's offset, so a
/// pointer cannot stand for them: externalized, they are declared extern under their own name.
/// </summary>
public class PerCpuObjectTests
{
    [Fact]
    public void APerCpuObjectIsDeclaredExternUnderItsOwnName()
    {
        using var h = LivePatchHarness.Create("__attribute__((__section__(\".data..percpu\"))) static int hits;\nint counter;\nint f(void)\n{\n\treturn *(&hits + 1) + counter;\n}\n", null, ["f"]);
        h.Result.Succeeded.ShouldBeTrue(string.Join("\n", h.Messages));
        // the section stays: the kernel's DECLARE_PER_CPU declares it the same way
        h.Result.Text.ShouldBe("/* klp-ccp: from main.c */\n__attribute__((__section__(\".data..percpu\"))) extern int hits;\nstatic int (*klpe_counter);\nint klpp_f(void)\n{\n\treturn *(&hits + 1) + (*klpe_counter);\n}\n");
        var d = h.Decision("hits").ShouldNotBeNull();
        d.Decision.ShouldBe(DecisionKind.Externalized);
        d.MadePointer.ShouldBeFalse();
        d.Reason.ShouldContain("per-cpu object");
        h.Decision("counter").ShouldNotBeNull().MadePointer.ShouldBeTrue();
    }
}
