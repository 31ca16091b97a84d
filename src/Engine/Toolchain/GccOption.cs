namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// One option of a gcc command line as gcc reads it: <see cref="Name"/> is the option's
/// spelling without its argument (<c>-I</c>, <c>-fno-PIE</c>, <c>-march=</c>, <c>-O</c>),
/// <see cref="Argument"/> the joined or separate argument if it has one (<c>./include</c>,
/// <c>x86-64</c>, <c>2</c>). <see cref="Position"/> is the index of its (first) word in the
/// argument array; <see cref="ViaPreprocessor"/> marks options that came through
/// <c>-Wp,</c> or <c>-Xpreprocessor</c>. <see cref="Known"/> is false for an option gcc
/// does not know (it was warned about and has no effect).
/// </summary>
public sealed record GccOption(string Name, string? Argument, int Position, bool ViaPreprocessor = false, bool Known = true)
{
    /// <summary>The option as one word, e.g. <c>-Iinclude</c>, <c>-march=x86-64</c>.</summary>
    public string Text => Argument is null ? Name : Name + Argument;

    public override string ToString() => Text;
}
