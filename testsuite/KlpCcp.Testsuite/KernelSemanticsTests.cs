using System.Diagnostics;
using System.Text;
using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Semantics.Analysis;
using KlpCcp.Engine.Semantics.Types;
using Xunit.Abstractions;

namespace KlpCcp.Testsuite;

/// <summary>
/// Every kernel case's unit is preprocessed, parsed and analysed without an error; then its
/// layout is checked against gcc: for every complete file-scope struct and union (tagged, or an
/// anonymous one named by a typedef) the size, the alignment and the offset of every named
/// non-bit-field member (also through anonymous members) the analyzer computed are appended to
/// the unit's preprocessed text as <c>_Static_assert</c>s, which gcc compiles with the case's flags.
/// </summary>
public class KernelSemanticsTests(ITestOutputHelper output)
{
    public static readonly KnownFailures Known = KnownFailures.None;

    public static IEnumerable<object[]> CaseNames() => SharedData.Cases(SharedData.KernelCaseNames);

    [SkippableTheory]
    [MemberData(nameof(CaseNames))]
    public void Analyses_without_errors_and_layout_agrees_with_gcc(string caseName)
    {
        SharedData.Require();
        var sw = Stopwatch.StartNew();
        var r = FrontEndRunner.Run("x86_64-gcc-12.2.0", KernelCommandLine.Arguments(caseName), SharedData.KernelSources);
        sw.Stop();
        var errors = FrontEndRunner.Errors(r);
        if (errors.Length > 0 || r.Model is null)
        {
            Known.Check(caseName, false, $"{caseName}: front-end errors:\n{errors}");
            return;
        }
        var model = r.Model;
        var (asserts, count) = LayoutAssertions(model);
        output.WriteLine($"{caseName}: {r.Unit.Count} tokens, {model.Symbols.Count} symbols, {count} layout checks, front end {sw.ElapsedMilliseconds} ms");

        var text = new StringBuilder(1 << 22);
        for (int i = 0; i < r.Unit.Count; i++)
        {
            var t = r.Unit.Tokens[i];
            if (t.Kind == TokenKind.Directive) text.Append("\n#").Append(r.Unit.Names[t.Text]).Append('\n');
            else
            {
                text.Append((t.Flags & TokenFlags.StartOfLine) != 0 ? '\n' : ' ');
                text.Append(r.Unit.Spell(t));
            }
        }
        text.Append(asserts);
        var file = Path.Combine(Path.GetTempPath(), $"klpccp-layout-{caseName}.i");
        File.WriteAllText(file, text.ToString(), Encoding.Latin1);
        var args = ReferenceFlags(caseName);
        args.AddRange(["-fsyntax-only", "-w", "-x", "cpp-output", file]);
        var gcc = ProcessRunner.Run("gcc", args, SharedData.KernelSources);
        var failed = gcc.Stderr.Split('\n').Where(l => l.Contains("error:")).ToList();
        Known.Check(caseName, gcc.ExitCode == 0 && failed.Count == 0,
            $"{caseName}: {failed.Count} layout disagreements with gcc (of {count} checks), exit {gcc.ExitCode}; source {file}\n{string.Join("\n", failed.Take(20))}");
        File.Delete(file);
    }

    /// <summary>The case's flags for compiling its preprocessed text: no input file, no -include, no -Werror.</summary>
    private static List<string> ReferenceFlags(string caseName)
    {
        var args = KernelCommandLine.ForReferenceRun(caseName);
        var result = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "-include") { i++; continue; }
            if (a == "-Werror" || a.StartsWith("-Werror=", StringComparison.Ordinal)) continue;
            if (i == args.Count - 1 && a.EndsWith(".c", StringComparison.Ordinal)) continue;
            result.Add(a);
        }
        return result;
    }

    /// <summary>The <c>_Static_assert</c>s checking every file-scope complete struct/union the model knows a name for.</summary>
    public static (string Text, int Count) LayoutAssertions(SemanticModel model)
    {
        var sb = new StringBuilder("\n");
        int count = 0;
        var ctx = model.Types;
        var done = new HashSet<RecordType>(ReferenceEqualityComparer.Instance);
        void Check(string spelled, RecordType r)
        {
            if (!r.IsDefined || !done.Add(r)) return;
            var layout = r.Layout;
            sb.Append($"_Static_assert(sizeof({spelled}) == {layout.Size}, \"size {spelled}\");\n");
            sb.Append($"_Static_assert(__alignof__({spelled}) == {layout.Alignment}, \"align {spelled}\");\n");
            count += 2;
            foreach (var name in MemberNames(r))
            {
                if (!r.TryFindMember(name, out var path) || path.Member.IsBitField) continue;
                sb.Append($"_Static_assert(__builtin_offsetof({spelled}, {name}) == {path.ByteOffset}, \"offset {spelled}.{name}\");\n");
                count++;
            }
        }
        foreach (var s in model.Symbols)
        {
            if (s is TagSymbol { IsFileScope: true, IsAnonymous: false } tag && tag.TagType is RecordType r)
                Check((r.IsUnion ? "union " : "struct ") + tag.Name, r);
        }
        foreach (var s in model.Symbols)
        {
            if (s is TypedefSymbol { IsFileScope: true, IsBuiltin: false } td && td.TypedefType.Underlying.Type is RecordType { Tag: null } ar
                && ReferenceEquals(model.LookupFileScope(td.Name), td))
                Check(td.Name, ar);
        }
        return (sb.ToString(), count);
    }

    private static IEnumerable<string> MemberNames(RecordType r)
    {
        foreach (var m in r.Members)
        {
            if (m.Name is not null) yield return m.Name;
            else if (m.IsAnonymousRecord && m.Type.CanonicalType is RecordType inner)
                foreach (var n in MemberNames(inner)) yield return n;
        }
    }
}
