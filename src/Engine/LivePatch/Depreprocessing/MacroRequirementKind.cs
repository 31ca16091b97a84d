namespace KlpCcp.Engine.LivePatch.Depreprocessing;

internal enum MacroRequirementKind : byte
{
    /// <summary>A kept invocation, an emitted #if or an #include needs this definition active.</summary>
    Defined,
    /// <summary>A plain identifier in emitted code (or a condition that saw the name undefined) needs no such macro.</summary>
    Undefined,
    /// <summary>An #include: the header's entry requirements, then its net effect.</summary>
    Include,
}
