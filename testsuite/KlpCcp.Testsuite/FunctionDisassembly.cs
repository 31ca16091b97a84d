using System.Text.RegularExpressions;

namespace KlpCcp.Testsuite;

/// <summary>
/// The disassembly of the functions of an object file (objdump -d -r), normalised for comparing a
/// patched function with its live-patch twin: addresses dropped, branch targets inside the
/// function made relative, relocation symbols stripped of the live patch's renames (klpp_,
/// klpr_, klpe_), gcc's clone suffixes and local label numbers.
/// </summary>
public static partial class FunctionDisassembly
{
    /// <summary>Each function symbol of the object with its normalised instructions and relocation lines.</summary>
    public static Dictionary<string, List<string>> Read(string objectFile)
    {
        var objdump = ProcessRunner.Run("objdump", ["-d", "-r", "--no-show-raw-insn", objectFile], Path.GetTempPath());
        var functions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        string? name = null;
        foreach (var raw in objdump.Stdout.Split('\n'))
        {
            var header = FunctionHeader().Match(raw);
            if (header.Success)
            {
                name = header.Groups[1].Value;
                functions[name] = current = new List<string>();
                continue;
            }
            if (current is null || raw.Trim().Length == 0) continue;
            var reloc = Relocation().Match(raw);
            if (reloc.Success)
            {
                current.Add("reloc " + reloc.Groups[1].Value + " " + Symbol(reloc.Groups[2].Value));
                continue;
            }
            var insn = Instruction().Match(raw);
            if (!insn.Success) continue;
            var text = insn.Groups[1].Value.Trim();
            // "jmp 3a <f+0x3a>" -> "jmp <+0x3a>" inside the function, "call 0 <g>" -> "call <g>"
            text = Target().Replace(text, m => m.Groups[2].Value == name ? $"<+{m.Groups[3].Value}>" : $"<{Symbol(m.Groups[2].Value)}{(m.Groups[3].Success ? "+" + m.Groups[3].Value : "")}>");
            current.Add(Regex.Replace(text, @"\s+", " "));
        }
        // the padding up to the next function's alignment is not part of the function
        foreach (var list in functions.Values)
            while (list.Count > 0 && Padding().IsMatch(list[^1])) list.RemoveAt(list.Count - 1);
        return functions;
    }

    /// <summary>A symbol as the comparison sees it: no klp prefix, no clone suffix, no label number, no addend.</summary>
    public static string Symbol(string symbol)
    {
        var s = Addend().Replace(symbol, "");
        s = KlpPrefix().Replace(s, "");
        s = CloneSuffix().Replace(s, "");
        return LabelNumber().Replace(s, "$1");
    }

    /// <summary>The symbol of function <paramref name="name"/> in <paramref name="functions"/>: itself or a clone of it.</summary>
    public static string? Find(Dictionary<string, List<string>> functions, string name) =>
        functions.ContainsKey(name) ? name : functions.Keys.Where(k => k.StartsWith(name + ".", StringComparison.Ordinal) && !k.EndsWith(".cold", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();

    [GeneratedRegex(@"^((cs |data16 )*nop[wl]?\b.*|int3|xchg %ax,%ax)$")]
    private static partial Regex Padding();

    [GeneratedRegex(@"^[0-9a-f]+ <([^>]+)>:$")]
    private static partial Regex FunctionHeader();

    [GeneratedRegex(@"^\s+[0-9a-f]+: (R_\w+)\s+(\S+)")]
    private static partial Regex Relocation();

    [GeneratedRegex(@"^\s+[0-9a-f]+:\s+(.*)$")]
    private static partial Regex Instruction();

    [GeneratedRegex(@"([0-9a-f]+ )?<([^>+]+)(?:\+(0x[0-9a-f]+))?>")]
    private static partial Regex Target();

    [GeneratedRegex(@"[+-]0x[0-9a-f]+$")]
    private static partial Regex Addend();

    [GeneratedRegex(@"^klp[epr]_")]
    private static partial Regex KlpPrefix();

    [GeneratedRegex(@"\.(isra|constprop|part|cold|lto_priv)(\.\d+)*")]
    private static partial Regex CloneSuffix();

    [GeneratedRegex(@"^(\.L\w*?)\d+$|^(\.rodata\.str[\d.]*)")]
    private static partial Regex LabelNumber();
}
