namespace KlpCcp.Engine.LivePatch.Depreprocessing;

/// <summary>
/// A #define, #undef or #error line the depreprocessor puts before timeline entry
/// <see cref="Entry"/>. <see cref="Key"/> orders it among the directive lines there (the
/// original position for copied directives). <see cref="Region"/>: the file an original line
/// comes from (for the origin marker), -1 when synthesized. <see cref="Event"/>: the macro
/// event whose original line this is, or -1.
/// </summary>
internal sealed record DirectivePlacement(int Entry, long Key, string Text, int Region, int Event, int Order);
