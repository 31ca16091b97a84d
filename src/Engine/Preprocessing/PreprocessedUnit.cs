using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Source;

namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// The result of preprocessing one translation unit: its tokens (no padding, passthrough
/// directives such as #pragma included as <see cref="TokenKind.Other"/>-free pseudo tokens),
/// the spelling table, the location space and the provenance record.
/// </summary>
public sealed class PreprocessedUnit
{
    public PreprocessedUnit(Token[] tokens, int count, NameTable names, SourceManager sources,
        PreprocessingRecord record, DiagnosticBag diagnostics, int mainRegion)
    {
        Tokens = tokens;
        Count = count;
        Names = names;
        Sources = sources;
        Record = record;
        Diagnostics = diagnostics;
        MainRegion = mainRegion;
    }

    /// <summary>The unit's tokens; the first <see cref="Count"/> are valid, followed by one EndOfFile.</summary>
    public Token[] Tokens { get; }
    public int Count { get; }
    public NameTable Names { get; }
    public SourceManager Sources { get; }
    public PreprocessingRecord Record { get; }
    public DiagnosticBag Diagnostics { get; }
    /// <summary>Region id of the main file, -1 if it could not be read.</summary>
    public int MainRegion { get; }

    public string Spell(in Token t) => TokenSpelling.Spell(t, Names);
}
