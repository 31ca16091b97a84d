namespace KlpCcp.Tests;

/// <summary>
/// What some tests need from outside the repository: ../shared (kernel cases, corpora) and the
/// aarch64 cross compiler. Missing in a user's clone: the test skips with a message. Under
/// CI=true it must be there (.ci/run installs the cross compiler), so a missing one fails.
/// </summary>
internal static class TestEnvironment
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void RequireShared()
    {
        var shared = Toolchain.ToolchainTestSupport.Shared;
        if (Directory.Exists(shared)) return;
        if (InCi) throw new InvalidOperationException($"{shared} is missing (required under CI=true)");
        Skip.If(true, $"{shared} is not present; test skipped");
    }

    public static void RequireFile(string path, string what)
    {
        if (File.Exists(path)) return;
        if (InCi) throw new InvalidOperationException($"{what} is missing at {path} (required under CI=true)");
        Skip.If(true, $"{what} is not installed ({path}); test skipped");
    }
}
