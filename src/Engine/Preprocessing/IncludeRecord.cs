namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// One #include / #include_next / #import directive or -include / -imacros option, resolved.
/// </summary>
public sealed class IncludeRecord
{
    public int Id { get; init; }
    /// <summary>Location of the '#' (0 for command-line pre-includes).</summary>
    public int DirectiveLoc { get; init; }
    /// <summary>Location just past the directive line (before the newline).</summary>
    public int DirectiveEndLoc { get; init; }
    /// <summary>The header name as written after expansion, with its quotes or angle brackets.</summary>
    public required string Spelling { get; init; }
    public bool Angled { get; init; }
    public bool IsIncludeNext { get; init; }
    public bool IsImport { get; init; }
    public bool IsPreInclude { get; init; }
    public bool IsIMacros { get; init; }
    /// <summary>The header name came from macro expansion (#include MACRO).</summary>
    public bool Computed { get; init; }
    /// <summary>Region of the file containing the directive (-1 for command-line ones).</summary>
    public int ParentRegion { get; init; }
    public string? ResolvedPath { get; init; }
    public IncludeLookup Lookup { get; init; }
    /// <summary>Index of the search-path directory it was found in (when <see cref="Lookup"/> is SearchPath).</summary>
    public int SearchDirectory { get; init; } = -1;
    /// <summary>The region of the included file, or -1 when it was not entered.</summary>
    public int Region { get; set; } = -1;
    /// <summary>Not entered because its include guard macro was defined or it had #pragma once.</summary>
    public bool SkippedAsAlreadyIncluded { get; set; }
    /// <summary>Position among the unit's recorded directives (<see cref="PreprocessingRecord.NextSequence"/>).</summary>
    public int Sequence { get; init; }
    /// <summary>First invocation recorded while expanding the directive's header name (#include MACRO).</summary>
    public int DirectiveInvocationStart { get; init; }
    /// <summary>Macro events, invocations and conditional groups recorded inside the included file: [Start, End).</summary>
    public int EventStart { get; set; }
    public int EventEnd { get; set; }
    public int InvocationStart { get; set; }
    public int InvocationEnd { get; set; }
    public int ConditionalStart { get; set; }
    public int ConditionalEnd { get; set; }
    public int OutputStart { get; set; }
    public int OutputEnd { get; set; }
}
