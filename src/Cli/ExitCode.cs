namespace KlpCcp.Cli;

/// <summary>Exit statuses, as klp-ccp defines them (SPEC 1.1).</summary>
public static class ExitCode
{
    public const int Success = 0;
    /// <summary>A command-line error (klp-ccp's own options or the compiler's).</summary>
    public const int CommandLine = 1;
    /// <summary>A preprocessing, parse or semantic error in the input.</summary>
    public const int InputError = 2;
    /// <summary>The live patch cannot be created (policy answer, name clash, retries exhausted).</summary>
    public const int LivePatchCreation = 3;
    /// <summary>A policy command failed.</summary>
    public const int PolicyCommand = 4;
    /// <summary>An operating-system error (a file that cannot be written, a process that cannot start).</summary>
    public const int SystemError = 5;
}
