using System.Text;
using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// Splits a command line written for <c>sh -c</c> (a kbuild <c>cmd.txt</c>) into words the way
/// a POSIX shell does: blanks separate words, <c>'...'</c> is literal, <c>"..."</c> is literal
/// except <c>\$ \` \" \\</c> and backslash-newline, an unquoted backslash quotes the next
/// character, a <c>#</c> starting a word starts a comment. No expansion is performed: an
/// unquoted <c>$</c>, backquote or shell operator draws a warning and is kept as text.
/// </summary>
public static class ShellCommandLine
{
    /// <summary>All words of <paramref name="text"/>, the program name included.</summary>
    public static List<string> SplitWords(string text, DiagnosticBag diags)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;      // a word has started (even if empty, as with '')
        var warnedExpansion = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                EndWord();
                i++;
                continue;
            }
            if (c == '#' && !inWord)
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            inWord = true;
            switch (c)
            {
                case '\\':
                    if (i + 1 >= text.Length) { word.Append('\\'); i++; break; }
                    if (text[i + 1] == '\n') { i += 2; if (word.Length == 0) inWord = false; break; } // line continuation
                    word.Append(text[i + 1]);
                    i += 2;
                    break;
                case '\'':
                    {
                        var end = text.IndexOf('\'', i + 1);
                        if (end < 0)
                        {
                            diags.Error("unterminated single quote in command line");
                            word.Append(text, i + 1, text.Length - i - 1);
                            i = text.Length;
                            break;
                        }
                        word.Append(text, i + 1, end - i - 1);
                        i = end + 1;
                        break;
                    }
                case '"':
                    i = ReadDoubleQuoted(text, i + 1, word, diags, ref warnedExpansion);
                    break;
                case '$' or '`' or ';' or '|' or '&' or '<' or '>' or '(' or ')':
                    if (!warnedExpansion)
                    {
                        diags.Warning($"shell syntax '{c}' in command line is not interpreted");
                        warnedExpansion = true;
                    }
                    word.Append(c);
                    i++;
                    break;
                default:
                    word.Append(c);
                    i++;
                    break;
            }
        }
        EndWord();
        return words;

        void EndWord()
        {
            if (inWord) words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
    }

    /// <summary>
    /// The arguments of a compiler command (program name dropped), as
    /// <see cref="CompilerInvocation.Parse"/> wants them. An empty command is an error.
    /// </summary>
    public static string[] SplitCompilerCommand(string text, DiagnosticBag diags)
    {
        var words = SplitWords(text, diags);
        if (words.Count == 0)
        {
            diags.Error("missing compiler invocation");
            return [];
        }
        return words.Skip(1).ToArray();
    }

    private static int ReadDoubleQuoted(string text, int i, StringBuilder word, DiagnosticBag diags, ref bool warned)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '$' or '`' or '"' or '\\' or '\n')
            {
                if (text[i + 1] != '\n') word.Append(text[i + 1]);
                i += 2;
                continue;
            }
            if (c is '$' or '`' && !warned)
            {
                diags.Warning($"shell syntax '{c}' in command line is not interpreted");
                warned = true;
            }
            word.Append(c);
            i++;
        }
        diags.Error("unterminated double quote in command line");
        return i;
    }
}
