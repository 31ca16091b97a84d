using System.Diagnostics;
using System.Text;
using KlpCcp.Engine.Syntax;
using KlpCcp.Tests.Toolchain;
using Xunit.Abstractions;

namespace KlpCcp.Tests.Syntax;

/// <summary>
/// Timing helper, not a timed test: with KLPCCP_PARSE_BENCH=1 it preprocesses each kernel
/// case once, then parses it repeatedly (JIT-warm) and prints the median parse time, the
/// allocation per parse and the throughput. Run it alone:
/// <c>KLPCCP_PARSE_BENCH=1 dotnet test --filter FullyQualifiedName~ParseBenchmark -c Release --logger "console;verbosity=detailed"</c>.
/// </summary>
public class ParseBenchmark(ITestOutputHelper output)
{
    [Fact]
    public void Kernel_units()
    {
        if (Environment.GetEnvironmentVariable("KLPCCP_PARSE_BENCH") != "1")
        {
            output.WriteLine("set KLPCCP_PARSE_BENCH=1 to run the parse benchmark");
            return;
        }
        var only = Environment.GetEnvironmentVariable("KLPCCP_PARSE_BENCH_CASES");
        var sb = new StringBuilder();
        sb.AppendLine("case\ttokens\tpreprocess_ms\tparse_median_ms\tparse_min_ms\tMB_alloc\tMtok/s");
        double total = 0;
        foreach (var c in ToolchainTestSupport.KernelCaseNames())
        {
            if (only is not null && !only.Split(',').Any(o => c.StartsWith(o, StringComparison.Ordinal))) continue;
            var sw = Stopwatch.StartNew();
            var unit = KernelCaseParseTests.Preprocess(c);
            var ppMs = sw.Elapsed.TotalMilliseconds;
            for (int i = 0; i < 3; i++) Parser.Parse(unit);
            var times = new List<double>();
            long bytes = 0;
            for (int i = 0; i < 9; i++)
            {
                GC.Collect();
                long b0 = GC.GetAllocatedBytesForCurrentThread();
                sw.Restart();
                var r = Parser.Parse(unit);
                times.Add(sw.Elapsed.TotalMilliseconds);
                bytes = GC.GetAllocatedBytesForCurrentThread() - b0;
                if (r.HasErrors) throw new InvalidOperationException(c + " has errors");
            }
            times.Sort();
            double med = times[times.Count / 2];
            total += med;
            sb.AppendLine($"{c}\t{unit.Count}\t{ppMs:F0}\t{med:F1}\t{times[0]:F1}\t{bytes / 1e6:F1}\t{unit.Count / med / 1000:F1}");
        }
        sb.AppendLine($"total parse (median sum): {total:F0} ms");
        output.WriteLine(sb.ToString());
        File.WriteAllText(Environment.GetEnvironmentVariable("KLPCCP_PARSE_BENCH_REPORT") ?? "/tmp/parse-bench.txt", sb.ToString());
    }
}
