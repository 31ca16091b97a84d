using System.Globalization;
using System.Numerics;
using KlpCcp.Engine.Toolchain;
using KlpCcp.Tests.Toolchain;

namespace KlpCcp.Tests.Semantics;

/// <summary>
/// Compiles C with gcc (or the aarch64 cross gcc) to assembly and reads back the bytes of
/// the initialised global objects, so tests can compare values gcc computed (sizeof,
/// offsetof, bit-field positions) without running target code.
/// </summary>
internal static class GccObjectData
{
    public static string? CompilerFor(TargetArch arch)
    {
        var path = arch == TargetArch.X86_64 ? ToolchainTestSupport.Gcc : ToolchainTestSupport.CrossGccAArch64;
        return File.Exists(path) ? path : null;
    }

    /// <summary>Compiles <paramref name="source"/> with <c>-S</c> and returns each global's bytes by label.</summary>
    public static Dictionary<string, byte[]> Compile(TargetArch arch, string source, params string[] flags)
    {
        var gcc = CompilerFor(arch) ?? throw new InvalidOperationException($"no gcc for {arch}");
        var dir = Directory.CreateTempSubdirectory("klpccp-layout-");
        try
        {
            var c = Path.Combine(dir.FullName, "t.c");
            var s = Path.Combine(dir.FullName, "t.s");
            File.WriteAllText(c, source);
            var (exit, _, err) = ToolchainTestSupport.Run(gcc, [.. flags, "-std=gnu11", "-w", "-S", "-o", s, c]);
            if (exit != 0) throw new InvalidOperationException("gcc failed:\n" + string.Join('\n', err.Split('\n').Take(40)));
            return ParseAssembly(File.ReadAllLines(s), arch);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    public static long ReadInt64(byte[] data, int index) => BitConverter.ToInt64(data, index * 8);

    private static Dictionary<string, byte[]> ParseAssembly(string[] lines, TargetArch arch)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? label = null;
        var bytes = new List<byte>();
        void Flush()
        {
            if (label is not null && bytes.Count > 0) result[label] = bytes.ToArray();
            label = null;
            bytes.Clear();
        }
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (line.EndsWith(':') && !line.StartsWith('.'))
            {
                Flush();
                label = line[..^1];
                continue;
            }
            if (line.EndsWith(':')) { Flush(); continue; }
            if (label is null) continue;
            var sp = line.IndexOfAny([' ', '\t']);
            var directive = sp < 0 ? line : line[..sp];
            var operand = sp < 0 ? "" : line[(sp + 1)..].Trim();
            int width;
            switch (directive)
            {
                case ".byte": width = 1; break;
                case ".value" or ".short" or ".hword" or ".2byte": width = 2; break;
                case ".long" or ".int" or ".4byte": width = 4; break;
                case ".word": width = arch == TargetArch.AArch64 ? 4 : 2; break;
                case ".quad" or ".xword" or ".8byte": width = 8; break;
                case ".zero" or ".skip":
                    bytes.AddRange(new byte[int.Parse(operand, CultureInfo.InvariantCulture)]);
                    continue;
                case ".ascii" or ".string":
                    throw new InvalidOperationException("unexpected string data: " + line);
                default:
                    Flush();
                    continue;
            }
            foreach (var item in operand.Split(','))
            {
                var v = BigInteger.Parse(item.Trim(), CultureInfo.InvariantCulture);
                var mask = (BigInteger.One << (8 * width)) - 1;
                var u = v & mask;
                for (var i = 0; i < width; i++) bytes.Add((byte)((u >> (8 * i)) & 0xff));
            }
        }
        Flush();
        return result;
    }
}
