namespace KlpCcp.Tests.Syntax;

public class ScratchDump
{
    [Fact]
    public void Dump()
    {
        var path = Environment.GetEnvironmentVariable("KLPCCP_SCRATCH");
        if (path is null) return;
        var src = File.ReadAllText(path);
        var sb = new System.Text.StringBuilder();
        foreach (var chunk in src.Split("\n====\n"))
        {
            var r = SyntaxHarness.Parse(chunk);
            sb.AppendLine("// " + chunk.Replace("\n", "\n// "));
            foreach (var d in r.Root.Declarations) sb.AppendLine(r.Print(d));
            foreach (var m in r.Full) sb.AppendLine("  ! " + m);
            sb.AppendLine();
        }
        File.WriteAllText(path + ".out", sb.ToString());
    }
}
