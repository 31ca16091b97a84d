namespace KlpCcp.Engine.Preprocessing;

/// <summary>How an included file was found.</summary>
public enum IncludeLookup : byte
{
    NotFound,
    /// <summary>An absolute path.</summary>
    Absolute,
    /// <summary>The directory of the including file ("..." includes).</summary>
    CurrentDirectory,
    /// <summary>A search-path directory; see <see cref="IncludeRecord.SearchDirectory"/>.</summary>
    SearchPath,
    /// <summary>A -include/-imacros file resolved against the working directory.</summary>
    WorkingDirectory,
}
