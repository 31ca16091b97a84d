using KlpCcp.Engine.Changes;

namespace KlpCcp.Tests.FromDiff;

/// <summary>gcc's -fdump-ipa-clones dump (format as gcc 12 writes it).</summary>
public class IpaClonesTests
{
    private const string Dump =
        "Callgraph clone;helper;0;t.c;1;12;api;2;t.c;3;5;inlining to\n" +
        "Callgraph clone;helper;0;t.c;1;12;api2;3;t.c;4;5;inlining to\n" +
        "Callgraph removal;helper;0;t.c;1;12\n" +
        "Callgraph clone;big;1;t.c;2;38;big.constprop.0;5;t.c;2;38;constprop\n" +
        "Callgraph clone;small;6;t.c;9;1;big.constprop.0;5;t.c;2;38;inlining to\n" +
        "Callgraph removal;big.constprop.0;5;t.c;2;38\n";

    [Fact]
    public void Inlining_clones_and_removals()
    {
        var c = IpaClones.Parse(Dump);
        c.Error.ShouldBeNull();
        c.InlinedInto("helper").ShouldBe(["api", "api2"]);
        c.WasRemoved("helper").ShouldBeTrue();
        c.HasClones("big").ShouldBeTrue();
        c.WasRemoved("big").ShouldBeFalse(); // only its clone went away
        c.InlinedInto("small").ShouldBe(["big"]); // inlined into a clone: the source function carries it
        c.InlinedInto("api").ShouldBeEmpty();
    }

    [Fact]
    public void A_foreign_line_is_an_error_with_its_number() =>
        IpaClones.Parse("Callgraph removal;x;1;t.c;1;1\n\nsomething else\n").Error.ShouldBe((3, "not a line of gcc's -fdump-ipa-clones dump: \"something else\""));
}
