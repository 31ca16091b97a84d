namespace KlpCcp.Diff;

/// <summary>Which input of a <see cref="RegionMerger"/> merge an output line comes from.</summary>
public enum LineSource : byte
{
    /// <summary>The transformed and the patched versions agree on it (unchanged, or the same change in both).</summary>
    Both,
    /// <summary>From the transformed text ("ours"): a line the transformation rewrote, added, or kept where the patch changed nothing.</summary>
    Transformed,
    /// <summary>From the patched original ("theirs"): a line the patch added or changed; the caller re-applies its rewrites to it.</summary>
    Patched,
}
