namespace KlpCcp.Engine.LivePatch.Depreprocessing;

internal enum DirectiveLineKind : byte
{
    /// <summary>#if, #ifdef, #ifndef, #elif, #elifdef, #elifndef or #else of a group met in live code.</summary>
    Branch,
    Endif,
    /// <summary>#define or #undef.</summary>
    MacroEvent,
    Include,
}
