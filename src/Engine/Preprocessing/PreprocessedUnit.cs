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

    /// <summary>Where a token was spelled (gcc style, 1-based column).</summary>
    public DiagnosticLocation? LocationOf(in Token t) => Sources.ToDiagnosticLocation(t.Loc);

    /// <summary>"in expansion of macro 'M' at F:L:C" for a token a macro produced, else null.</summary>
    public string? MacroContextOf(in Token t)
    {
        if (t.Expansion == 0) return null;
        ref var inv = ref Record.Invocation(t.Expansion);
        ref var top = ref Record.Invocation(inv.TopLevel);
        var name = Record.Macros[top.Macro].Name;
        var at = Sources.ToDiagnosticLocation(top.NameLoc);
        return at is null ? $"in expansion of macro '{name}'" : $"in expansion of macro '{name}' at {at}";
    }

    /// <summary>A diagnostic located at a token of the unit.</summary>
    public Diagnostic DiagnosticAt(int tokenIndex, Severity severity, string message)
    {
        ref readonly var t = ref Tokens[Math.Clamp(tokenIndex, 0, Count)];
        var loc = t.Kind == TokenKind.EndOfFile && Count > 0 ? Sources.ToDiagnosticLocation(Tokens[Count - 1].Loc) : LocationOf(t);
        return new Diagnostic(severity, message, loc, MacroContextOf(t));
    }
}
