namespace KlpCcp.Cli.Commands;

/// <summary>Runs a command without garbage collections while its working set stays small.</summary>
public static class CollectionAvoidance
{
    /// <summary>
    /// A unit's front end allocates 100–250 MB that all stays alive until the process ends, so
    /// every collection is a full one that finds nothing to free (measured: three gen2 collections
    /// doubled the analysis time). The run asks for no collection at all: a no-GC region of 1 GiB,
    /// which reserves, not commits; past it the collector simply runs as usual.
    /// </summary>
    public static void Start()
    {
        try
        {
            GC.TryStartNoGCRegion(1L << 30, disallowFullBlockingGC: true);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // not available here: collections as usual
        }
    }
}
