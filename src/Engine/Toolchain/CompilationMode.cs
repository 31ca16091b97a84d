namespace KlpCcp.Engine.Toolchain;

/// <summary>What the gcc driver is asked to do.</summary>
public enum CompilationMode
{
    /// <summary>No -c/-S/-E: compile and link.</summary>
    Link,
    /// <summary>-c</summary>
    Compile,
    /// <summary>-S</summary>
    Assemble,
    /// <summary>-E</summary>
    Preprocess,
}
