using KlpCcp.Engine.Preprocessing;

namespace KlpCcp.Tests.Preprocessing;

/// <summary>What the record keeps about directives for the depreprocessor: exact line ranges, order, header extents, guards.</summary>
public class DirectiveRecordTests
{
    private static string Text(PreprocessedUnit u, int loc, int end)
    {
        var r = u.Sources.GetRegion(loc)!;
        return r.File.Text.Substring(loc - r.Base, end - loc);
    }

    [Fact]
    public void MacroEventsCoverExactlyTheirLines()
    {
        var u = PreprocessorHarness.Run("#define A hello\n\n#define S(a) #a\n#define T(a) S(a)\n#undef A\nint x;\n").Unit;
        var ev = u.Record.MacroEvents.Where(e => e.DirectiveLoc > 0 && u.Sources.GetRegion(e.DirectiveLoc)!.File.Path.EndsWith("main.c")).ToList();
        ev.Select(e => Text(u, e.DirectiveLoc, e.EndLoc)).ShouldBe(new[] { "#define A hello", "#define S(a) #a", "#define T(a) S(a)", "#undef A" });
    }

    [Fact]
    public void MultiLineDefinitionsKeepTheirContinuations()
    {
        var u = PreprocessorHarness.Run("#define A 1 + \\\n  2\nint x;\n").Unit;
        var e = u.Record.MacroEvents.Last();
        Text(u, e.DirectiveLoc, e.EndLoc).ShouldBe("#define A 1 + \\\n  2");
    }

    [Fact]
    public void DirectivesAreNumberedInProcessingOrderAcrossFiles()
    {
        var u = PreprocessorHarness.Run("#define A\n#include \"h.h\"\n#if 1\n#endif\n",
            new Dictionary<string, string> { ["h.h"] = "#define B\n" }).Unit;
        var main = u.Record.MacroEvents.Where(e => e.DirectiveLoc > 0).ToList();
        var inc = u.Record.Includes.Single(i => i.Spelling == "\"h.h\"");
        var g = u.Record.Conditionals.Single();
        main[0].Sequence.ShouldBeLessThan(inc.Sequence);
        inc.Sequence.ShouldBeLessThan(main[1].Sequence);
        main[1].Sequence.ShouldBeLessThan(g.Branches[0].Sequence);
        g.Branches[0].Sequence.ShouldBeLessThan(g.EndifSequence);
        g.Branches[0].EventIndex.ShouldBe(u.Record.MacroEvents.Count);
    }

    [Fact]
    public void IncludesKnowTheEventsInvocationsAndGroupsInside()
    {
        var u = PreprocessorHarness.Run("#define M 1\n#include \"h.h\"\nint y = M;\n",
            new Dictionary<string, string> { ["h.h"] = "#ifdef M\n#define N M\n#endif\nint x = N;\n" }).Unit;
        var inc = u.Record.Includes.Single(i => i.Spelling == "\"h.h\"");
        var inside = u.Record.MacroEvents.Skip(inc.EventStart).Take(inc.EventEnd - inc.EventStart).ToList();
        inside.Select(e => u.Names[e.NameId]).ShouldBe(new[] { "N" });
        (inc.ConditionalEnd - inc.ConditionalStart).ShouldBe(1);
        var names = Enumerable.Range(inc.InvocationStart, inc.InvocationEnd - inc.InvocationStart)
            .Select(i => u.Record.Macros[u.Record.Invocation(i).Macro].Name).ToList();
        names.ShouldBe(new[] { "N", "M" });
    }

    [Fact]
    public void ConditionsRecordTheIdentifiersTheyConsulted()
    {
        var u = PreprocessorHarness.Run("#define A 1\n#if A && !defined(B) && C\n#endif\n").Unit;
        u.Record.Conditionals.Single().Branches[0].MacrosUsed.Select(n => u.Names[n]).Order().ShouldBe(new[] { "A", "B", "C" });
    }

    [Fact]
    public void IncludeGuardsAreMarked()
    {
        var u = PreprocessorHarness.Run("#include \"g.h\"\n#include \"n.h\"\n",
            new Dictionary<string, string>
            {
                ["g.h"] = "#ifndef G_H\n#define G_H\nint g;\n#endif\n",
                ["n.h"] = "#ifndef N_H\n#define N_H\n#endif\nint n;\n",
            }).Unit;
        u.Record.Conditionals.Select(c => c.IsIncludeGuard).ShouldBe(new[] { true, false });
    }

    [Fact]
    public void ConditionalAndIncludeLinesAreExact()
    {
        var u = PreprocessorHarness.Run("#if 1 /* a */\n#ifdef X\n#elif defined(Y)\n#else\n#endif\n#endif /* b */\n#include \"h.h\"\nint z;\n",
            new Dictionary<string, string> { ["h.h"] = "int h;\n" }).Unit;
        var lines = u.Record.Conditionals.SelectMany(g => g.Branches.Select(b => Text(u, b.DirectiveLoc, b.DirectiveEndLoc)).Append(Text(u, g.EndifLoc, g.EndifEndLoc))).ToList();
        lines.ShouldBe(new[] { "#if 1 /* a */", "#endif /* b */", "#ifdef X", "#elif defined(Y)", "#else", "#endif" });
        var inc = u.Record.Includes.Single(i => i.Spelling == "\"h.h\"");
        Text(u, inc.DirectiveLoc, inc.DirectiveEndLoc).ShouldBe("#include \"h.h\"");
    }
}
