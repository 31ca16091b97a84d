using System.Text;
using KlpCcp.Engine.Semantics.Types;
using KlpCcp.Engine.Toolchain;
using Xunit.Abstractions;

namespace KlpCcp.Tests.Semantics;

/// <summary>
/// The layout engine against the real compilers: thousands of generated structs and unions
/// (fixed seeds), each checked for sizeof, _Alignof, offsetof of every named member and the
/// exact bits of every named bit-field, on x86_64 (/usr/bin/gcc) and aarch64 (the Debian
/// cross gcc, skipped when absent). Zero disagreements expected.
/// </summary>
public class LayoutVsGccTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(TargetArch.X86_64, 1, 2500, false, 0)]
    [InlineData(TargetArch.AArch64, 1, 2500, false, 0)]
    [InlineData(TargetArch.X86_64, 2, 400, true, 0)]
    [InlineData(TargetArch.AArch64, 2, 400, true, 0)]
    [InlineData(TargetArch.X86_64, 3, 400, false, 4)]
    [InlineData(TargetArch.AArch64, 3, 400, false, 2)]
    [InlineData(TargetArch.X86_64, 4, 400, false, 0, "-mavx")]
    public void GeneratedRecordsAgreeWithGcc(TargetArch arch, int seed, int count, bool packStruct, int packStructN, string? extraFlag = null)
    {
        if (GccObjectData.CompilerFor(arch) is null)
        {
            output.WriteLine($"skipped: no gcc for {arch}");
            return;
        }
        var target = TargetInfo.For(arch);
        if (extraFlag == "-mavx") target = target with { BiggestAlignment = 32 };
        var ctx = new TypeContext(target, new StructPackingOptions(packStruct, packStructN));
        var gen = new LayoutCaseGenerator(ctx, seed);
        var c = new StringBuilder(LayoutCaseGenerator.Preamble);
        var cases = new List<LayoutCaseGenerator.Case>();
        for (var i = 0; i < count; i++) cases.Add(gen.Next(i, c));
        string.Join("\n", gen.EngineDiagnostics.Where(d => d.Severity == KlpCcp.Engine.Diagnostics.Severity.Error).Take(5)).ShouldBeEmpty();

        var flags = new List<string>();
        if (packStruct) flags.Add("-fpack-struct");
        if (packStructN != 0) flags.Add($"-fpack-struct={packStructN}");
        if (extraFlag is not null) flags.Add(extraFlag);
        var data = GccObjectData.Compile(arch, c.ToString(), [.. flags]);

        var failures = new List<string>();
        var checks = 0;
        foreach (var k in cases)
        {
            var values = data["L_" + k.Name];
            for (var i = 0; i < k.Expected.Length; i++)
            {
                checks++;
                var actual = GccObjectData.ReadInt64(values, i);
                if (actual != k.Expected[i])
                    failures.Add($"{k.Name}: {k.ValueNames[i]} gcc {actual}, engine {k.Expected[i]}\n{k.Definition}");
            }
            foreach (var (obj, bitOffset, width) in k.BitFields)
            {
                checks++;
                var bytes = data[obj];
                var set = new List<long>();
                for (var b = 0; b < bytes.Length * 8; b++)
                    if ((bytes[b / 8] >> (b % 8) & 1) != 0) set.Add(b);
                var ok = set.Count == width && set[0] == bitOffset && set[^1] == bitOffset + width - 1;
                if (!ok)
                    failures.Add($"{k.Name}: {obj} gcc bits {(set.Count > 0 ? $"{set[0]}..{set[^1]}" : "none")}, engine {bitOffset}..{bitOffset + width - 1}\n{k.Definition}");
            }
        }
        output.WriteLine($"{arch}: {cases.Count} records, {checks} checks, {failures.Count} disagreements");
        foreach (var f in failures.Take(15)) output.WriteLine(f);
        if (failures.Count > 0)
        {
            var dump = Path.Combine(Path.GetTempPath(), $"klpccp-layout-{arch}-{seed}.c");
            File.WriteAllText(dump, c.ToString());
            output.WriteLine("source: " + dump);
        }
        failures.Count.ShouldBe(0, string.Join("\n", failures.Take(8)));
    }
}
