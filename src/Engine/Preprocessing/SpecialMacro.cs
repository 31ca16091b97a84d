namespace KlpCcp.Engine.Preprocessing;

/// <summary>Macros whose expansion the preprocessor computes.</summary>
public enum SpecialMacro : byte
{
    None,
    File,
    BaseFile,
    Line,
    Counter,
    IncludeLevel,
    Date,
    Time,
    Timestamp,
    HasAttribute,
    HasCAttribute,
    HasCppAttribute,
    HasBuiltin,
    HasInclude,
    HasIncludeNext,
    /// <summary>The _Pragma operator.</summary>
    Pragma,
}
