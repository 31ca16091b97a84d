namespace KlpCcp.Engine.Changes;

/// <summary>A function the live patch replaces, and why: changed by the fix, or a caller that carries an inlined copy of a changed function.</summary>
public sealed record PatchedFunction(string Name, string Reason, string? InlinedFunction = null)
{
    /// <summary>Patched only because gcc may have (or did) inline <see cref="InlinedFunction"/> into it.</summary>
    public bool IsInliningCaller => InlinedFunction is not null;
}
