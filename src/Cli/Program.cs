using KlpCcp.Cli;

var ctx = CliContext.ForProcess();
int code;
try
{
    code = KlpCcpCli.Run(args, ctx);
}
catch (Exception e)
{
    // never a stack trace: an internal failure is one line and a distinct status
    ctx.Error.WriteLine($"klp-ccp: internal error: {e.GetType().Name}: {e.Message}");
    code = 70;
}
finally
{
    ctx.Out.Flush();
    ctx.Error.Flush();
}
return code;
