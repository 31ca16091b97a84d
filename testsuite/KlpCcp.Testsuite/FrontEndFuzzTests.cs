using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using KlpCcp.Engine;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Toolchain;
using Xunit.Abstractions;

namespace KlpCcp.Testsuite;

/// <summary>
/// Mutation fuzzing of the whole front end (preprocess, parse, analyse), deterministic seed:
/// a few thousand mutants (token deletion, duplication, swap, byte flips, truncation) of cparse
/// corpus files and kernel-style snippets. Every run must end in success or a diagnostic, within a
/// time bound: never an unhandled exception, a hang, a stack overflow, or an internal error caught
/// by the stages' safety nets.
/// </summary>
public partial class FrontEndFuzzTests(ITestOutputHelper output)
{
    /// <summary>KLPCCP_FUZZ_SEED and KLPCCP_FUZZ_MUTANTS run a longer campaign by hand.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("KLPCCP_FUZZ_SEED"), out var s) ? s : 20261126;
    private static readonly int Mutants = int.TryParse(Environment.GetEnvironmentVariable("KLPCCP_FUZZ_MUTANTS"), out var m) ? m : 3000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Kernel idioms, so that mutants exercise what the kernel's headers look like.</summary>
    private static readonly string[] KernelSnippets =
    [
        """
        #define container_of(ptr, type, member) ({ void *__mptr = (void *)(ptr); ((type *)(__mptr - __builtin_offsetof(type, member))); })
        #define __is_constexpr(x) (sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))
        #define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))
        #define max(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })
        struct list_head { struct list_head *next, *prev; };
        struct item { int key; struct list_head node; unsigned flags : 3; } __attribute__((aligned(16)));
        static inline int key_of(struct list_head *n) { return container_of(n, struct item, node)->key + BUILD_BUG_ON_ZERO(0); }
        int arr[__is_constexpr(3) ? 4 : 1];
        int pick(int a, int b) { return max(a, b) + __builtin_choose_expr(__builtin_types_compatible_p(typeof(a), int), 1, 2); }
        """,
        """
        typedef unsigned long size_t;
        typedef struct { int counter; } atomic_t;
        enum state { S_IDLE, S_RUN = 4, S_DONE };
        union u { long l; char c[8]; } __attribute__((packed));
        static const char *names[] = { [S_IDLE] = "idle", [S_RUN] = "run", [S_DONE] = "done" };
        #pragma pack(push, 1)
        struct hdr { char tag; int len; };
        #pragma pack(pop)
        static int counter(atomic_t *v) { return __atomic_load_n(&v->counter, 0) + __sync_fetch_and_add(&v->counter, 1); }
        int f(int n) { int buf[n]; static int calls; calls++; switch (n) { case 1 ... 3: return sizeof buf; default: break; }
          asm volatile("" : "+r"(n) : : "memory"); void *p = &&out; goto *p; out: return _Generic(n, int: 1, default: 0); }
        """,
        """
        struct ops { int (*open)(void *); void (*release)(void *); };
        static int my_open(void *d) { return d != (void *)0; }
        static void my_release(void *d) { (void)d; }
        static const struct ops fops = { .open = my_open, .release = my_release };
        extern int late_var[];
        int late_var[] = { 1, 2, 3 };
        int get(int i) { extern int late_var[]; return late_var[i] + (0 && my_open(0)) + sizeof(my_release); }
        void cleanup_fn(int *p) { }
        void g(void) { __label__ done; int __attribute__((cleanup(cleanup_fn))) x = 1; int nested(int y) { return y + x; } nested(2); done: ; }
        _Static_assert(sizeof(struct ops) == 16, "ops");
        """,
    ];

    private static string[] Sources()
    {
        var list = new List<string>(KernelSnippets);
        var files = Directory.GetFiles(SharedData.CparseCorpus, "*.c", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        for (int i = 0; i < files.Length; i += 40)
        {
            var text = File.ReadAllText(files[i], Encoding.Latin1);
            if (text.Contains("#include \"", StringComparison.Ordinal)) continue;
            list.Add(text);
        }
        return list.ToArray();
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*|\d[\w.]*|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])*'|\s+|.", RegexOptions.Singleline)]
    private static partial Regex TokenPattern();

    private static string Mutate(string text, Random rng)
    {
        var tokens = TokenPattern().Matches(text).Select(m => m.Value).ToList();
        int steps = 1 + rng.Next(3);
        for (int s = 0; s < steps && tokens.Count > 1; s++)
        {
            int i = rng.Next(tokens.Count);
            switch (rng.Next(5))
            {
                case 0: tokens.RemoveAt(i); break;
                case 1: tokens.Insert(i, tokens[i]); break;
                case 2:
                    if (i + 2 < tokens.Count) (tokens[i], tokens[i + 2]) = (tokens[i + 2], tokens[i]);
                    break;
                case 3:
                {
                    var t = tokens[i].ToCharArray();
                    t[rng.Next(t.Length)] = (char)rng.Next(rng.Next(2) == 0 ? 128 : 256);
                    tokens[i] = new string(t);
                    break;
                }
                default:
                    tokens.RemoveRange(i, tokens.Count - i);
                    break;
            }
        }
        return string.Concat(tokens);
    }

    [SkippableFact]
    public void Every_mutant_ends_in_success_or_a_diagnostic()
    {
        SharedData.Require();
        var sources = Sources();
        var rng = new Random(Seed);
        var dir = Path.Combine(Path.GetTempPath(), $"klpccp-fuzz-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "null.h"), "#define NULL ((void *)0)\n");
        var diags = new DiagnosticBag();
        var spec = CompilerSpec.Parse("x86_64-gcc-12.2.0", diags)!;
        var inv = CompilerInvocation.Parse(["-include", "null.h", "fuzz.c"], diags, spec.Arch);
        var failures = new List<string>();
        // the snippets themselves are valid GNU C
        foreach (var snippet in KernelSnippets)
        {
            File.WriteAllText(Path.Combine(dir, "fuzz.c"), snippet);
            var r = FrontEnd.RunOnLargeStack(() => FrontEnd.Run(spec, inv, PreprocessorConfiguration.Create(spec, inv, dir, new DiagnosticBag())));
            r.HasErrors.ShouldBeFalse(string.Join("\n", r.Diagnostics.Items));
        }
        int accepted = 0, rejected = 0;
        var sw = Stopwatch.StartNew();
        for (int n = 0; n < Mutants && failures.Count < 5; n++)
        {
            var source = sources[rng.Next(sources.Length)];
            var mutant = Mutate(source, rng);
            File.WriteAllText(Path.Combine(dir, "fuzz.c"), mutant, Encoding.Latin1);
            FrontEndResult? result = null;
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    var opts = PreprocessorConfiguration.Create(spec, inv, dir, new DiagnosticBag());
                    result = FrontEnd.Run(spec, inv, opts);
                }
                catch (Exception e) { failure = e; }
            }, FrontEnd.LargeStackSize) { IsBackground = true };
            thread.Start();
            if (!thread.Join(Bound))
            {
                failures.Add($"mutant {n}: no result within {Bound.TotalSeconds} s\n{mutant}");
                break;
            }
            if (failure is not null)
            {
                failures.Add($"mutant {n}: {failure.GetType().Name}: {failure.Message}\n{failure.StackTrace}\n--- source\n{mutant}");
                continue;
            }
            var internalError = result!.Diagnostics.Items.FirstOrDefault(d => d.Message.Contains("internal", StringComparison.Ordinal) && d.Message.Contains("error", StringComparison.Ordinal));
            if (internalError is not null)
            {
                failures.Add($"mutant {n}: {internalError}\n--- source\n{mutant}");
                continue;
            }
            if (result.HasErrors) rejected++;
            else accepted++;
        }
        output.WriteLine($"{Mutants} mutants: {accepted} accepted, {rejected} rejected with a diagnostic, {failures.Count} failures, {sw.Elapsed.TotalSeconds:F1} s");
        try { Directory.Delete(dir, true); } catch (IOException) { }
        failures.ShouldBeEmpty();
    }
}
