namespace KlpCcp.Engine.Source;

public enum SourceRegionKind : byte
{
    /// <summary>One inclusion of a file (the main file, a pre-include, or a #include).</summary>
    File,
    /// <summary>gcc's predefined macros.</summary>
    Builtin,
    /// <summary>-D/-U options.</summary>
    CommandLine,
    /// <summary>Text synthesized during expansion: stringification, pasting, __LINE__ and friends.</summary>
    Scratch,
}
