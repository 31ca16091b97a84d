using KlpCcp.Cli;

namespace KlpCcp.Testsuite;

/// <summary>Runs the klp-ccp command in-process, as a user would from a directory.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string workingDirectory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = KlpCcpCli.Run(args, new CliContext(stdout, stderr, workingDirectory));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
