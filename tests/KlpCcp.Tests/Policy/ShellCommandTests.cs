using KlpCcp.Engine.LivePatch.Policy;

namespace KlpCcp.Tests.Policy;

public class ShellCommandTests
{
    private const string Wd = "/work/dir";

    [Theory]
    [InlineData("/bin/pol", new[] { "/bin/pol" })]
    [InlineData("  /bin/pol\ta\nb  ", new[] { "/bin/pol", "a", "b" })]
    [InlineData("/bin/pol 'a b' \"c d\"", new[] { "/bin/pol", "a b", "c d" })]
    [InlineData("/bin/pol 'a\\b\"c'", new[] { "/bin/pol", "a\\b\"c" })]
    [InlineData("/bin/pol \"a\\\"b\\\\c\\n$x\"", new[] { "/bin/pol", "a\"b\\c\\n$x" })]
    [InlineData("/bin/pol a\\ b \\'c", new[] { "/bin/pol", "a b", "'c" })]
    [InlineData("/bin/pol a'b'\"c\"d", new[] { "/bin/pol", "abcd" })]
    [InlineData("/bin/pol '' \"\"", new[] { "/bin/pol", "", "" })]
    [InlineData("/bin/pol $HOME ; | *", new[] { "/bin/pol", "$HOME", ";", "|", "*" })]
    public void SplitsIntoWords(string text, string[] words)
    {
        var cmd = ShellCommand.TryParse(text, Wd, out var error);
        error.ShouldBeNull();
        cmd.ShouldNotBeNull();
        cmd.Words.ShouldBe(words);
        cmd.Text.ShouldBe(text);
        cmd.Program.ShouldBe(words[0]);
    }

    [Theory]
    [InlineData("pol", "/work/dir/pol")]
    [InlineData("./sub/pol x", "/work/dir/sub/pol")]
    [InlineData("../pol", "/work/pol")]
    [InlineData("/abs/pol", "/abs/pol")]
    public void RelativeProgramResolvesAgainstTheWorkingDirectory(string text, string program)
    {
        ShellCommand.TryParse(text, Wd, out _)!.Program.ShouldBe(program);
    }

    [Theory]
    [InlineData("/bin/pol 'abc", "failed to parse policy command '/bin/pol 'abc': unterminated quotation in command")]
    [InlineData("/bin/pol \"abc", "failed to parse policy command '/bin/pol \"abc': unterminated quotation in command")]
    [InlineData("/bin/pol \"abc\\\"", "failed to parse policy command '/bin/pol \"abc\\\"': unterminated quotation in command")]
    [InlineData("/bin/pol abc\\", "failed to parse policy command '/bin/pol abc\\': escape character at end of command")]
    [InlineData("/bin/pol \"abc\\", "failed to parse policy command '/bin/pol \"abc\\': escape character at end of command")]
    [InlineData("", "failed to parse policy command '': no command given")]
    [InlineData(" \t\n ", "failed to parse policy command ' \t\n ': no command given")]
    public void SplittingErrors(string text, string message)
    {
        ShellCommand.TryParse(text, Wd, out var error).ShouldBeNull();
        error.ShouldBe(message);
    }

    [Theory]
    [InlineData(new[] { "/bin/pol", "pu_f" }, "/bin/pol pu_f")]
    [InlineData(new[] { "/bin/pol", "a b" }, "/bin/pol \"a b\"")]
    [InlineData(new[] { "/bin/pol", "a\\b" }, "/bin/pol \"a\\\\b\"")]
    [InlineData(new[] { "/bin/pol", "a\"b" }, "/bin/pol \"a\\\"b\"")]
    [InlineData(new[] { "/bin/pol", "a\nb" }, "/bin/pol \"a\nb\"")]
    [InlineData(new[] { "/bin/pol", "a\tb", "'q'", "$x" }, "/bin/pol a\tb 'q' $x")]
    [InlineData(new[] { "/my dir/pol", "x" }, "\"/my dir/pol\" x")]
    public void QuotesWordsForMessages(string[] argv, string quoted)
    {
        ShellCommand.Quote(argv).ShouldBe(quoted);
    }
}
