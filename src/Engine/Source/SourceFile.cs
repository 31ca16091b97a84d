using System.Text;

namespace KlpCcp.Engine.Source;

/// <summary>
/// One file's contents. Text is decoded as Latin-1 so that every byte is one char: offsets are
/// byte offsets (klp-ccp reports byte columns) and writing a range back as Latin-1 reproduces
/// the original bytes exactly, whatever the encoding of the file.
/// </summary>
public sealed class SourceFile
{
    private int[]? _lineStarts;

    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path as the preprocessor resolved it (relative paths stay relative).</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>Set when a <c>#pragma once</c> was seen in the file.</summary>
    public bool PragmaOnce { get; set; }

    /// <summary>Macro name of a detected include guard (<c>#ifndef G / #define G ... #endif</c>), or null.</summary>
    public string? GuardMacro { get; set; }

    public static readonly Encoding Latin1 = Encoding.Latin1;

    public static SourceFile Read(string path, string displayPath) =>
        new(displayPath, Latin1.GetString(File.ReadAllBytes(path)));

    public int LineCount => LineStarts.Length;

    public int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    /// <summary>1-based line and 0-based byte column of an offset.</summary>
    public (int Line, int Column) GetLineColumn(int offset)
    {
        var starts = LineStarts;
        int idx = Array.BinarySearch(starts, offset);
        if (idx < 0) idx = ~idx - 1;
        return (idx + 1, offset - starts[idx]);
    }

    public int GetLineStart(int line) => LineStarts[Math.Clamp(line - 1, 0, LineStarts.Length - 1)];

    private static int[] ComputeLineStarts(string text)
    {
        var list = new List<int>(text.Length / 32 + 1) { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') list.Add(i + 1);
            else if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                list.Add(i + 1);
            }
        }
        return list.ToArray();
    }
}
