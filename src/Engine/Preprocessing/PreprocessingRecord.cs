namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// The provenance of a preprocessed unit, recorded once while preprocessing: macro
/// definitions and their #define/#undef events, every macro invocation with its argument
/// ranges, every include, every conditional group. The depreprocessor rebuilds source text
/// from this; nothing is re-preprocessed.
/// </summary>
public sealed class PreprocessingRecord
{
    private MacroInvocation[] _invocations = new MacroInvocation[1024];

    public PreprocessingRecord()
    {
        InvocationCount = 1; // id 0 means "no invocation"
    }

    /// <summary>
    /// Numbers the recorded directives (macro events, conditional directives, includes) in the
    /// order they were processed; with the output index it orders directives against tokens.
    /// </summary>
    public int NextSequence() => _sequence++;
    private int _sequence = 1;

    public List<MacroDefinition> Macros { get; } = new();
    public List<MacroEvent> MacroEvents { get; } = new();
    public List<ArgumentRange> ArgumentRanges { get; } = new();
    public List<IncludeRecord> Includes { get; } = new();
    public List<ConditionalGroup> Conditionals { get; } = new();

    /// <summary>
    /// Spelling locations of argument tokens that an expansion stringified (#) or pasted (##):
    /// such a token cannot be rewritten in a kept macro invocation, since the stringified or
    /// pasted copy would not follow the rewrite.
    /// </summary>
    public HashSet<int> StringifiedOrPastedLocs { get; } = new();

    /// <summary>Number of invocation slots used (ids are 1 .. InvocationCount-1).</summary>
    public int InvocationCount { get; private set; }

    public ref MacroInvocation Invocation(int id) => ref _invocations[id];

    public ReadOnlySpan<MacroInvocation> Invocations => _invocations.AsSpan(0, InvocationCount);

    /// <summary>The first invocation recorded when at least <paramref name="outputIndex"/> tokens were out (ids are in that order).</summary>
    public int FirstInvocationAtOrAfter(int outputIndex)
    {
        int lo = 1, hi = InvocationCount;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_invocations[mid].OutputStart < outputIndex) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    internal int AddInvocation(in MacroInvocation inv)
    {
        if (InvocationCount == _invocations.Length) Array.Resize(ref _invocations, _invocations.Length * 2);
        _invocations[InvocationCount] = inv;
        return InvocationCount++;
    }

    public ReadOnlySpan<ArgumentRange> ArgumentsOf(in MacroInvocation inv) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ArgumentRanges).Slice(inv.FirstArgument, inv.ArgumentCount);
}
