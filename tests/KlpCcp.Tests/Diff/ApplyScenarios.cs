namespace KlpCcp.Tests.Diff;

/// <summary>Small files and patches exercising the applier; each is also checked against GNU patch.</summary>
internal static class ApplyScenarios
{
    /// <summary>"L1\n" … "L30\n".</summary>
    public static string Numbered(int count = 30, int from = 1) =>
        string.Concat(Enumerable.Range(from, count).Select(i => $"L{i}\n"));

    private const string TwoHunks =
        "--- a/f\n+++ b/f\n" +
        "@@ -10,7 +10,7 @@\n L10\n L11\n L12\n-L13\n+NEW13\n L14\n L15\n L16\n" +
        "@@ -20,7 +20,8 @@\n L20\n L21\n L22\n-L23\n+NEW23\n+NEW23b\n L24\n L25\n L26\n";

    /// <summary>Name → (original text, patch text).</summary>
    public static readonly Dictionary<string, (string Original, string Patch)> All = new()
    {
        ["exact"] = (Numbered(), TwoHunks),
        ["offset down"] = ("X1\nX2\nX3\nX4\nX5\n" + Numbered(), TwoHunks),
        ["offset up"] = (Numbered(27, 4), TwoHunks),
        ["second hunk moved further"] = (Numbered(18) + "Y1\nY2\n" + Numbered(12, 19), TwoHunks),
        ["fuzz 1"] = (Numbered().Replace("L10\n", "changed10\n"), TwoHunks),
        ["fuzz 2"] = (Numbered().Replace("L25\n", "Q25\n"), TwoHunks),
        ["fuzz with offset"] = ("X1\nX2\n" + Numbered().Replace("L26\n", "Q26\n"), TwoHunks),
        ["failed hunk"] = (Numbered().Replace("L23\n", "other23\n"), TwoHunks),
        ["already applied"] = (Numbered().Replace("L13\n", "NEW13\n"), TwoHunks),
        ["context too far off"] = (Numbered().Replace("L12\n", "Q12\n"), TwoHunks),
        ["fuzz 2 at both ends"] = (Numbered().Replace("L11\n", "Q11\n").Replace("L15\n", "Q15\n"), TwoHunks),
        ["start of file only"] = ("X0\n" + Numbered(6), "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-L1\n+N1\n L2\n L3\n L4\n"),
        ["start of file exact"] = (Numbered(6), "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-L1\n+N1\n L2\n L3\n L4\n"),
        ["end of file only"] = (Numbered(6) + "X7\n", "--- a/f\n+++ b/f\n@@ -3,4 +3,4 @@\n L3\n L4\n L5\n-L6\n+N6\n"),
        ["insertion without context"] = (Numbered(6), "--- a/f\n+++ b/f\n@@ -2,0 +3,2 @@\n+I1\n+I2\n@@ -5 +6,0 @@\n-L5\n"),
        ["no newline: add it"] = ("a\nb\nc", "--- a/f\n+++ b/f\n@@ -2,2 +2,2 @@\n b\n-c\n\\ No newline at end of file\n+c\n"),
        ["no newline: remove it"] = ("a\nb\nc\n", "--- a/f\n+++ b/f\n@@ -2,2 +2,2 @@\n b\n-c\n+c\n\\ No newline at end of file\n"),
        ["no newline: kept while changing before"] = ("a\nb\nc", "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n\\ No newline at end of file\n"),
        ["no newline: append lines"] = ("a\nb", "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n"),
        ["crlf patch on lf file"] = (Numbered(5), "--- a/f\r\n+++ b/f\r\n@@ -2,3 +2,4 @@\r\n L2\r\n-L3\r\n+N3\r\n+N3b\r\n L4\r\n"),
        ["crlf file with crlf content"] = ("L1\r\nL2\r\nL3\r\nL4\r\n", "--- a/f\n+++ b/f\n@@ -2,2 +2,3 @@\n L2\r\n-L3\r\n+N3\r\n+N3b\r\n"),
        ["new file"] = ("", "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+x\n+y\n"),
        ["deleted file"] = ("x\ny\n", "--- a/f\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-x\n-y\n"),
    };
}
