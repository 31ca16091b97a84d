namespace KlpCcp.Tests.LivePatch;

/// <summary>
/// An externalized object becomes a pointer: the object's attributes (section, alignment,
/// used) are not the pointer's and go, <c>unused</c> stays (it applies to the pointer too).
/// </summary>
public class ExternalizedAttributesTests
{
    private static string Output(string main, string patched, IReadOnlyDictionary<string, string>? headers = null) =>
        LivePatchHarness.Text(main, patched, headers);

    [Fact]
    public void ALocalStaticKeepsUnusedAndLosesItsSection()
    {
        Output("void g(void *);\nvoid f(void)\n{\n\tstatic __attribute__((__unused__)) int key;\n\tstatic int __attribute__((__section__(\".data.once\"))) once;\n\tg(&once);\n}\n", "f")
            .ShouldBe("/* klp-ccp: from main.c */\nstatic void (*klpe_g)(void *);\nvoid klpp_f(void)\n{\n\textern __attribute__((__unused__)) int (*klpe_key);\n\textern int (*klpe_once);\n\t(*klpe_g)(&(*klpe_once));\n}\n");
    }
}
