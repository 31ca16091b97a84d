using KlpCcp.Facts.Records;

namespace KlpCcp.Tests.LivePatch;

/// <summary>
/// Functions declared with gcc's error or warning attribute (the kernel's BUILD_BUG_ON and
/// READ_ONCE size checks) are never externalized, whatever the policy says: no such symbol
/// exists in the running kernel, and the check needs the attributed declaration.
/// </summary>
public class CompileTimeCheckTests
{
    private const string BlockScopeCheck =
        "#define BUILD_BUG_ON(c) do { extern void __compiletime_assert_0(void) __attribute__((__error__(\"BUILD_BUG_ON failed\"))); if (c) __compiletime_assert_0(); } while (0)\n" +
        "int f(int x) { BUILD_BUG_ON(sizeof(x) != 4); return x; }\n";

    [Fact]
    public void BlockScopeCheckIsKeptDeclared()
    {
        using var h = LivePatchHarness.Create(BlockScopeCheck, null, ["f"]);
        h.Result.Succeeded.ShouldBeTrue(string.Join("\n", h.Messages));
        var d = h.Decision("__compiletime_assert_0").ShouldNotBeNull();
        d.Decision.ShouldBe(DecisionKind.DeclarationOnly);
        d.Reason.ShouldBe("a compile-time check (declared with the error or warning attribute): its declaration is kept, nothing is bound");
        h.Messages.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("extern void __attribute__((error(\"too small\"))) bad_copy(void);")]
    [InlineData("extern void bad_copy(void) __attribute__((__warning__(\"too small\")));")]
    [InlineData("__attribute__((__noreturn__)) extern void other(void), bad_copy(void) __attribute__((__error__(\"too small\")));")]
    public void FileScopeCheckIsKeptDeclared(string declaration)
    {
        using var h = LivePatchHarness.Create(declaration + "\nvoid g(void);\nint f(int n) { if (n > 4) bad_copy(); g(); return n; }\n", null, ["f"]);
        h.Result.Succeeded.ShouldBeTrue(string.Join("\n", h.Messages));
        h.Decision("bad_copy").ShouldNotBeNull().Decision.ShouldBe(DecisionKind.DeclarationOnly);
        h.Decision("g").ShouldNotBeNull().Decision.ShouldBe(DecisionKind.Externalized);
    }

    [Fact]
    public void OtherAttributesDoNotMakeACheck()
    {
        using var h = LivePatchHarness.Create("extern void report(void) __attribute__((cold, noreturn));\nint f(int n) { if (n) report(); return n; }\n", null, ["f"]);
        h.Decision("report").ShouldNotBeNull().Decision.ShouldBe(DecisionKind.Externalized);
    }
}
