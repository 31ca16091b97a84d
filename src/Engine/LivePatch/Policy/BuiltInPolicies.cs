namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>The policies built into klp-ccp, selected with <c>--policy=NAME</c>.</summary>
public static class BuiltInPolicies
{
    /// <summary>The names <c>--policy</c> accepts, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["toy", "kernel"];

    /// <summary>
    /// The policy <paramref name="name"/>; null with <paramref name="error"/> when the name is unknown.
    /// </summary>
    public static ILivePatchPolicy? TryCreate(string name, out string? error)
    {
        error = null;
        switch (name)
        {
            case "toy":
                return new ToyPolicy();
            case "kernel":
                return new KernelPolicy();
            default:
                error = $"unrecognized policy '{name}' (expected {string.Join(" or ", Names)})";
                return null;
        }
    }
}
