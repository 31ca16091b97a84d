namespace KlpCcp.Engine.Preprocessing;

public enum MacroOrigin : byte
{
    /// <summary>Special macros implemented by the preprocessor (__FILE__, __LINE__, __has_include, ...).</summary>
    Special,
    /// <summary>gcc's predefined macros for the selected compiler and flags.</summary>
    Predefined,
    /// <summary>-D on the command line.</summary>
    CommandLine,
    /// <summary>A #define in a source file (including -include and -imacros files).</summary>
    Source,
}
