namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// A #define or #undef (or -D/-U, pragma push/pop), in the order they took effect.
/// <see cref="OutputIndex"/> is the number of unit tokens produced before the event, so the
/// active definition at any token of the unit can be recovered.
/// </summary>
public readonly record struct MacroEvent(
    MacroEventKind Kind,
    int NameId,
    /// <summary>The definition defined, or (for #undef) the one removed; -1 when nothing was defined.</summary>
    int Macro,
    int DirectiveLoc,
    int EndLoc,
    int OutputIndex,
    /// <summary>Position among all recorded directives of the unit (see <see cref="PreprocessingRecord.NextSequence"/>).</summary>
    int Sequence);
