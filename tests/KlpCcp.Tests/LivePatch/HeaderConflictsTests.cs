namespace KlpCcp.Tests.LivePatch;

/// <summary>SPEC §2.8 on small units with the kernel policy: which declarations make a header non-eligible.</summary>
public class HeaderConflictsTests
{
    private static readonly Dictionary<string, string> AsmHeader = new()
    {
        ["inc/asm.h"] = "register unsigned long current_stack_pointer asm(\"rsp\");\n" +
                        "static inline unsigned long sp(void) { return current_stack_pointer; }\n",
    };

    [Fact]
    public void GlobalRegisterVariableDefinesNothingAndKeepsItsHeaderEligible()
    {
        using var h = LivePatchHarness.Create("#include <asm.h>\nint f(void) { return 0; }\n", AsmHeader, ["f"]);
        h.Result.Succeeded.ShouldBeTrue(string.Join("\n", h.Messages));
        h.Header("asm.h").ShouldBe((true, "the policy allows including it"));
    }

    [Fact]
    public void GlobalRegisterVariableUsedByThePatchComesFromItsHeader()
    {
        using var h = LivePatchHarness.Create("#include <asm.h>\nunsigned long f(void) { return sp() + current_stack_pointer; }\n", AsmHeader, ["f"]);
        h.Result.Succeeded.ShouldBeTrue(string.Join("\n", h.Messages));
        h.Header("asm.h").Eligible.ShouldBeTrue();
        // SPEC §2.6: a file-scope register variable is never externalized
        h.Messages.ShouldBe(["referenced object \"current_stack_pointer\" cannot get externalized"]);
    }

    [Fact]
    public void UnusedExternalObjectDefinitionStillMakesItsHeaderNonEligible()
    {
        var headers = new Dictionary<string, string> { ["inc/obj.h"] = "int counter;\n" };
        using var h = LivePatchHarness.Create("#include <obj.h>\nint f(void) { return 0; }\n", headers, ["f"]);
        h.Header("obj.h").ShouldBe((false, "including it would clash: it defines the object \"counter\""));
    }
}
