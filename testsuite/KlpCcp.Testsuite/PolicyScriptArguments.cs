namespace KlpCcp.Testsuite;

/// <summary>The classic options that hand every policy question to the scripts of a testsuite/ policy directory.</summary>
public static class PolicyScriptArguments
{
    /// <param name="policy">The directory under testsuite/: toy-policy or kernel-policy.</param>
    public static string[] For(string policy)
    {
        var dir = Path.Combine(SharedData.RepositoryRoot, "testsuite", policy);
        return
        [
            "-I", Path.Combine(dir, "is-patched.sh"),
            "-H", Path.Combine(dir, "may-include-header.sh"),
            "-F", Path.Combine(dir, "can-externalize-fun.sh"),
            "-S", Path.Combine(dir, "shall-externalize-fun.sh"),
            "-O", Path.Combine(dir, "shall-externalize-obj.sh"),
            "-P", Path.Combine(dir, "modify-patched-fun-sym.sh"),
            "-E", Path.Combine(dir, "modify-externalized-sym.sh"),
            "-R", Path.Combine(dir, "rename-rewritten-fun.sh"),
        ];
    }
}
