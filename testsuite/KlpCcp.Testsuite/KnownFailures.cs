namespace KlpCcp.Testsuite;

/// <summary>
/// A corpus runner's explicit list of cases known to fail, each with its reason. Every other
/// case must pass; a listed case that passes fails the run so that it leaves the list.
/// </summary>
public sealed class KnownFailures
{
    private readonly IReadOnlyDictionary<string, string> _reasons;

    public KnownFailures(IReadOnlyDictionary<string, string> reasons) => _reasons = reasons;

    public static readonly KnownFailures None = new(new Dictionary<string, string>());

    public bool IsListed(string caseName, out string reason) => _reasons.TryGetValue(caseName, out reason!);

    /// <summary>Asserts a case's outcome against the list.</summary>
    public void Check(string caseName, bool passed, string failureDetail)
    {
        if (IsListed(caseName, out var reason))
        {
            if (passed)
                throw new Xunit.Sdk.XunitException($"{caseName} is listed as a known failure ({reason}) but now passes: remove it from the list");
            Skip.If(true, $"known failure: {reason}");
        }
        if (!passed) throw new Xunit.Sdk.XunitException(failureDetail);
    }
}
