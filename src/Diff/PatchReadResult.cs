namespace KlpCcp.Diff;

/// <summary>
/// What reading a patch gave: the patch, or null when it is malformed (then an error in
/// <see cref="Diagnostics"/> names the line). A well-formed patch may still carry errors for
/// parts that cannot be used (a binary file); check <see cref="Succeeded"/>.
/// </summary>
public sealed class PatchReadResult
{
    public PatchReadResult(Patch? patch, IReadOnlyList<PatchDiagnostic> diagnostics)
    {
        Patch = patch;
        Diagnostics = diagnostics;
    }

    public Patch? Patch { get; }

    public IReadOnlyList<PatchDiagnostic> Diagnostics { get; }

    public bool Succeeded => Patch is not null && !Diagnostics.Any(d => d.IsError);
}
