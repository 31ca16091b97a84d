using System.Text;
using KlpCcp.Engine.LivePatch.Output;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Tests.Preprocessing;

namespace KlpCcp.Tests.LivePatch;

/// <summary>Original text from token ranges: layout kept, macro invocations kept or rewritten or expanded.</summary>
public class ChunkTextWriterTests
{
    private static (PreprocessedUnit Unit, Func<string, int, int> Index) Unit(string src)
    {
        var unit = PreprocessorHarness.Run(src).Unit;
        int Index(string spelling, int nth)
        {
            for (int i = 0; i < unit.Count; i++)
                if (unit.Spell(unit.Tokens[i]) == spelling && nth-- == 0) return i;
            throw new ArgumentException(spelling);
        }
        return (unit, Index);
    }

    private static string Write(PreprocessedUnit unit, TokenEdits edits, params ChunkPiece[] pieces)
    {
        var sb = new StringBuilder();
        var w = new ChunkTextWriter(unit, edits, sb);
        foreach (var p in pieces) w.Write(p);
        return sb.ToString();
    }

    [Fact]
    public void CopiesOriginalBytesWithCommentsAndLayout()
    {
        var (u, _) = Unit("int  f(void) /* keep */\n{\n\treturn 1;\n}\nint other;");
        Write(u, TokenEdits.None, new ChunkPiece.Tokens(0, 9)).ShouldBe("int  f(void) /* keep */\n{\n\treturn 1;\n}");
    }

    [Fact]
    public void RenamesAndInsertsStorageClass()
    {
        var (u, ix) = Unit("void pu_f(void)\n{\n\thelper();\n}");
        var e = new TokenEdits();
        e.Replace(ix("pu_f", 0), "klpp_pu_f");
        e.Replace(ix("helper", 0), "(*klpe_helper)");
        e.InsertBefore(0, "static ");
        Write(u, e, new ChunkPiece.Tokens(0, u.Count - 1)).ShouldBe("static void klpp_pu_f(void)\n{\n\t(*klpe_helper)();\n}");
    }

    [Fact]
    public void KeepsUnmodifiedInvocations()
    {
        var (u, _) = Unit("#define TWICE(x) (2 * (x))\nint f(int v) { return TWICE( v ); }");
        var w = new List<int>();
        var sb = new StringBuilder();
        var writer = new ChunkTextWriter(u, TokenEdits.None, sb);
        writer.Write(new ChunkPiece.Tokens(0, u.Count - 1));
        sb.ToString().ShouldBe("int f(int v) { return TWICE( v ); }");
        writer.KeptInvocations.Count.ShouldBe(1);
    }

    [Fact]
    public void RewritesArgumentsOfKeptInvocations()
    {
        var (u, ix) = Unit("#define TWICE(x) (2 * (x))\nint espr_val;\nint f(void) { return TWICE(espr_val) + 1; }");
        var e = new TokenEdits();
        e.Replace(ix("espr_val", 1), "(*klpe_espr_val)");
        Write(u, e, new ChunkPiece.Tokens(ix("int", 1), u.Count - 1)).ShouldBe("int f(void) { return TWICE((*klpe_espr_val)) + 1; }");
    }

    [Fact]
    public void ExpandsInvocationsWhoseArgumentIsStringified()
    {
        var (u, ix) = Unit("#define LBL(v) (sizeof(#v) + v)\nint espr_k;\nint f(void) { return LBL(espr_k); }");
        var e = new TokenEdits();
        e.Replace(ix("espr_k", 1), "(*klpe_espr_k)");
        Write(u, e, new ChunkPiece.Tokens(ix("int", 1), u.Count - 1)).ShouldBe("int f(void) { return (sizeof(\"espr_k\") + (*klpe_espr_k)); }");
    }

    [Fact]
    public void PurgesInitializers()
    {
        var (u, ix) = Unit("long espr_cnt = 1;");
        var e = new TokenEdits();
        e.Purge(ix("=", 0), ix("1", 0));
        e.Replace(ix("espr_cnt", 0), "(*klpe_espr_cnt)");
        e.InsertBefore(0, "static ");
        Write(u, e, new ChunkPiece.Tokens(0, u.Count - 1)).ShouldBe("static long (*klpe_espr_cnt);");
    }
}
