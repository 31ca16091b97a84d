using System.Globalization;
using System.Text.RegularExpressions;

namespace KlpCcp.Diff;

/// <summary>
/// The line-by-line state machine behind <see cref="PatchReader"/>. Stops at the first error
/// (as GNU patch does): after a malformed line the rest cannot be trusted.
/// </summary>
internal sealed partial class PatchParser
{
    private readonly string _name;
    private readonly PatchReadOptions _options;
    private readonly string[] _lines;
    private readonly bool[] _hadCarriageReturn;
    private readonly List<FilePatch> _files = new();
    private readonly List<PatchDiagnostic> _diagnostics = new();
    private int _pos;
    private FileHeader? _file;

    /// <summary>The previous line ended a hunk: a further hunk-like line means the header's counts are wrong.</summary>
    private Hunk? _justEndedHunk;

    public PatchParser(string text, string name, PatchReadOptions options)
    {
        _name = name;
        _options = options;
        var lines = text.Split('\n');
        int count = lines.Length;
        if (count > 0 && lines[count - 1].Length == 0) count--; // the newline ending the last line starts no line
        _lines = new string[count];
        _hadCarriageReturn = new bool[count];
        for (int i = 0; i < count; i++)
        {
            var line = lines[i];
            bool cr = line.EndsWith('\r');
            _lines[i] = cr ? line[..^1] : line;
            _hadCarriageReturn[i] = cr;
        }
    }

    public PatchReadResult Run()
    {
        while (_pos < _lines.Length)
            if (!Step()) return Failed();
        if (!FinishFile()) return Failed();
        if (_files.Count == 0)
        {
            _diagnostics.Add(PatchDiagnostic.Error(_name, 0, "no file changes found (not a unified diff?)"));
            return Failed();
        }
        return new PatchReadResult(new Patch(_name, _files), _diagnostics);
    }

    private PatchReadResult Failed() => new(null, _diagnostics);

    private int LineNumber => _pos + 1;

    private bool Error(int line, string message)
    {
        _diagnostics.Add(PatchDiagnostic.Error(_name, line, message));
        return false;
    }

    /// <summary>Handles the line at <see cref="_pos"/> (and whatever belongs to it); false after an error.</summary>
    private bool Step()
    {
        string line = _lines[_pos];
        var endedHunk = _justEndedHunk;
        _justEndedHunk = null;

        if (line.StartsWith("diff --git ", StringComparison.Ordinal))
        {
            if (!FinishFile()) return false;
            _file = new FileHeader(LineNumber, isGit: true, _hadCarriageReturn[_pos]) { GitNames = line["diff --git ".Length..] };
            _pos++;
            return true;
        }
        if (IsPlainFileHeader(_pos)) return ReadPlainFileHeader();
        if (line.StartsWith("@@@", StringComparison.Ordinal))
            return Error(LineNumber, "combined diffs (@@@ hunks of a merge) are not supported");
        if (line.StartsWith("@@", StringComparison.Ordinal))
        {
            if (_file is not { AcceptsHunks: true })
                return Error(LineNumber, "hunk without a file header (no 'diff --git' or '---'/'+++' lines before it)");
            return ReadHunk();
        }
        if (endedHunk is not null && line.Length > 0 && (line[0] is '+' or ' ' || (line[0] == '-' && !IsSignatureSeparator(line))))
            return Error(LineNumber,
                $"line counts do not match the hunk header at line {endedHunk.PatchLine} ({endedHunk}): the hunk goes on past the lines it announces");
        if (_file is { InGitExtendedHeader: true } && ReadGitExtendedHeader(line)) return true;

        // Anything else is text between or after the diffs (mail text, a "-- " signature,
        // "Only in ..." lines of diff -r): ignored, and it ends the current file's hunks.
        if (_file is not null) _file.AcceptsHunks = _file.InGitExtendedHeader = false;
        if (line.StartsWith("Binary files ", StringComparison.Ordinal) && line.EndsWith(" differ", StringComparison.Ordinal))
            _diagnostics.Add(PatchDiagnostic.Error(_name, LineNumber, $"binary change is not supported ({line})"));
        _pos++;
        return true;
    }

    /// <summary>A mail signature's "-- " line (its space sometimes lost): after a hunk, not one more removed line.</summary>
    private static bool IsSignatureSeparator(string line) => line is "-- " or "--";

    private bool IsPlainFileHeader(int i) =>
        i + 1 < _lines.Length
        && _lines[i].StartsWith("--- ", StringComparison.Ordinal)
        && _lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal);

    private bool ReadPlainFileHeader()
    {
        var (oldName, oldEpoch) = PatchPath.ParseHeaderName(_lines[_pos][4..]);
        var (newName, newEpoch) = PatchPath.ParseHeaderName(_lines[_pos + 1][4..]);
        if (oldName is null) return Error(LineNumber, "malformed file header: no file name after '---'");
        if (newName is null) return Error(LineNumber + 1, "malformed file header: no file name after '+++'");

        // git puts ---/+++ after its own header; a plain diff starts a new file here.
        if (_file is not { IsGit: true, HasMinusPlus: false, IsBinary: false } || _file.Hunks.Count > 0)
        {
            if (!FinishFile()) return false;
            _file = new FileHeader(LineNumber, isGit: false, _hadCarriageReturn[_pos]);
        }
        _file.MinusName = oldName;
        _file.PlusName = newName;
        _file.MinusEpoch = oldEpoch;
        _file.PlusEpoch = newEpoch;
        _file.HasMinusPlus = true;
        _file.PlusLine = LineNumber + 1;
        _file.InGitExtendedHeader = false;
        _file.AcceptsHunks = true;
        _pos += 2;
        return true;
    }

    /// <summary>git's extended header lines between <c>diff --git</c> and the hunks.</summary>
    private bool ReadGitExtendedHeader(string line)
    {
        var file = _file!;
        if (TryValue(line, "old mode ", out var v)) file.OldMode = v;
        else if (TryValue(line, "new mode ", out v)) file.NewMode = v;
        else if (TryValue(line, "deleted file mode ", out v)) { file.OldMode = v; file.DeletedFile = true; }
        else if (TryValue(line, "new file mode ", out v)) { file.NewMode = v; file.NewFile = true; }
        else if (TryValue(line, "rename from ", out v) || TryValue(line, "rename old ", out v)) file.RenameFrom = Name(v);
        else if (TryValue(line, "rename to ", out v) || TryValue(line, "rename new ", out v)) file.RenameTo = Name(v);
        else if (TryValue(line, "copy from ", out v)) file.CopyFrom = Name(v);
        else if (TryValue(line, "copy to ", out v)) file.CopyTo = Name(v);
        else if (TryValue(line, "similarity index ", out v)) file.Similarity = Percent(v);
        else if (TryValue(line, "dissimilarity index ", out v)) file.Similarity = Percent(v) is { } d ? 100 - d : null;
        else if (line.StartsWith("index ", StringComparison.Ordinal)) { }
        else if (line.StartsWith("Binary files ", StringComparison.Ordinal) && line.EndsWith(" differ", StringComparison.Ordinal))
            file.IsBinary = true;
        else if (line == "GIT binary patch")
        {
            file.IsBinary = true;
            // The base85 data runs up to the next file; none of it is text to read.
            while (_pos + 1 < _lines.Length && !_lines[_pos + 1].StartsWith("diff ", StringComparison.Ordinal)) _pos++;
        }
        else return false;
        _pos++;
        return true;

        static string Name(string v) => v.StartsWith('"') ? PatchPath.Unquote(v, 0).Name ?? v : v;
        static int? Percent(string v) =>
            int.TryParse(v.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
    }

    private static bool TryValue(string line, string prefix, out string value)
    {
        value = line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..] : "";
        return value.Length > 0;
    }

    private bool ReadHunk()
    {
        var file = _file!;
        int headerLine = LineNumber;
        var m = HunkHeader().Match(_lines[_pos]);
        if (!m.Success
            || !TryNumber(m.Groups["os"], 0, out int oldStart) || !TryNumber(m.Groups["oc"], 1, out int oldCount)
            || !TryNumber(m.Groups["ns"], 0, out int newStart) || !TryNumber(m.Groups["nc"], 1, out int newCount))
            return Error(headerLine, "malformed hunk header (expected '@@ -LINE[,COUNT] +LINE[,COUNT] @@')");
        if ((oldStart == 0 && oldCount > 0) || (newStart == 0 && newCount > 0))
            return Error(headerLine, "malformed hunk header: a non-empty range cannot start at line 0");
        string heading = m.Groups["heading"].Value;
        if (heading.StartsWith(' ')) heading = heading[1..];
        string shown = $"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@";

        file.InGitExtendedHeader = false;
        var lines = new List<HunkLine>(oldCount + newCount);
        int oldLeft = oldCount, newLeft = newCount;
        _pos++;
        while (oldLeft > 0 || newLeft > 0)
        {
            if (_pos >= _lines.Length)
                return Error(_lines.Length,
                    $"the patch ends inside the hunk at line {headerLine} ({shown}): {oldLeft} old and {newLeft} new lines missing");
            string line = _lines[_pos];
            // A blank line is an empty context line whose leading space a mailer or editor removed.
            char marker = line.Length == 0 ? ' ' : line[0];
            string text = line.Length == 0 ? "" : line[1..];
            switch (marker)
            {
                case ' ' when oldLeft > 0 && newLeft > 0:
                    lines.Add(new HunkLine(HunkLineKind.Context, text, LineNumber));
                    oldLeft--;
                    newLeft--;
                    break;
                case '-' when oldLeft > 0:
                    lines.Add(new HunkLine(HunkLineKind.Removed, text, LineNumber));
                    oldLeft--;
                    break;
                case '+' when newLeft > 0:
                    lines.Add(new HunkLine(HunkLineKind.Added, text, LineNumber));
                    newLeft--;
                    break;
                case ' ' or '-' or '+':
                    return Error(LineNumber,
                        $"line counts do not match the hunk header at line {headerLine} ({shown}): one more {(marker == ' ' ? "context" : marker == '-' ? "removed" : "added")} line than it announces");
                case '\\':
                    if (!MarkNoNewline(lines)) return false;
                    break;
                default:
                    bool nextHeader = line.StartsWith("diff ", StringComparison.Ordinal) || line.StartsWith("@@", StringComparison.Ordinal);
                    return Error(LineNumber, nextHeader
                        ? $"line counts do not match the hunk header at line {headerLine} ({shown}): {oldLeft} old and {newLeft} new lines missing"
                        : $"malformed hunk: unexpected line inside the hunk at line {headerLine} ({shown}; {oldLeft} old and {newLeft} new lines still to come)");
            }
            if (marker != '\\') file.CountContentLine(lines[^1].Kind, _hadCarriageReturn[_pos]);
            _pos++;
        }
        while (_pos < _lines.Length && _lines[_pos].StartsWith('\\'))
        {
            if (!MarkNoNewline(lines)) return false;
            _pos++;
        }
        if (!CheckNoNewlineMarkers(lines, headerLine)) return false;

        var hunk = new Hunk(file.Hunks.Count + 1, oldStart, oldCount, newStart, newCount, heading, headerLine, lines);
        if (file.Hunks.Count > 0 && hunk.OldFirstLine < file.Hunks[^1].OldFirstLine + file.Hunks[^1].OldCount)
            return Error(headerLine, $"hunk {shown} starts before the end of the previous hunk (misordered or overlapping hunks)");
        file.Hunks.Add(hunk);
        _justEndedHunk = hunk;
        return true;
    }

    private bool MarkNoNewline(List<HunkLine> lines)
    {
        if (lines.Count == 0) return Error(LineNumber, "'\\ No newline at end of file' before any line of the hunk");
        lines[^1] = lines[^1] with { NoNewlineAtEnd = true };
        return true;
    }

    /// <summary>A line without a newline must be the last of its side(s) in the hunk.</summary>
    private bool CheckNoNewlineMarkers(List<HunkLine> lines, int headerLine)
    {
        bool oldEnded = false, newEnded = false;
        foreach (var line in lines)
        {
            if ((line.InOld && oldEnded) || (line.InNew && newEnded))
                return Error(line.PatchLine, $"line after '\\ No newline at end of file' in the hunk at line {headerLine}");
            if (line.NoNewlineAtEnd)
            {
                oldEnded |= line.InOld;
                newEnded |= line.InNew;
            }
        }
        return true;
    }

    private static bool TryNumber(Group g, int absent, out int value)
    {
        if (!g.Success) { value = absent; return true; }
        return int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Turns the collected header into a <see cref="FilePatch"/>; false after an error.</summary>
    private bool FinishFile()
    {
        var f = _file;
        _file = null;
        if (f is null) return true;

        string? rawOld, rawNew;
        bool prefixless = false; // git's rename/copy lines carry names without a/ b/
        if (f.HasMinusPlus) (rawOld, rawNew) = (f.MinusName, f.PlusName);
        else if (f.RenameFrom is not null || f.CopyFrom is not null)
        {
            (rawOld, rawNew) = (f.RenameFrom ?? f.CopyFrom, f.RenameTo ?? f.CopyTo);
            prefixless = true;
        }
        else if (PatchPath.SplitGitHeaderNames(f.GitNames!) is { } names)
        {
            (rawOld, rawNew) = names;
            if (f.NewFile) rawOld = PatchPath.DevNull;
            if (f.DeletedFile) rawNew = PatchPath.DevNull;
        }
        else return Error(f.HeaderLine, $"cannot tell the file names in 'diff --git {f.GitNames}'");
        if (rawOld is null || rawNew is null) return Error(f.HeaderLine, "malformed git header: a rename or copy names only one side");

        if (f.Hunks.Count == 0 && f.HasMinusPlus && !f.IsBinary)
            return Error(f.PlusLine + 1, $"file header for '{rawNew}' is not followed by a hunk");

        bool oldMissing = rawOld == PatchPath.DevNull || (!f.IsGit && f.MinusEpoch && f.Hunks.All(h => h.OldCount == 0));
        bool newMissing = rawNew == PatchPath.DevNull || (!f.IsGit && f.PlusEpoch && f.Hunks.All(h => h.NewCount == 0));
        if (oldMissing && newMissing) return Error(f.HeaderLine, "malformed file header: both names are /dev/null");
        var kind =
            f.NewFile || oldMissing ? FileChangeKind.Added
            : f.DeletedFile || newMissing ? FileChangeKind.Deleted
            : f.RenameFrom is not null ? FileChangeKind.Renamed
            : f.CopyFrom is not null ? FileChangeKind.Copied
            : FileChangeKind.Modified;

        int level = _options.StripLevel ?? AutoStripLevel(f, oldMissing ? null : rawOld, newMissing ? null : rawNew, prefixless);
        int nameLevel = prefixless ? Math.Max(0, level - 1) : level;
        string? oldPath = null, newPath = null;
        if (kind != FileChangeKind.Added && (oldPath = PatchPath.Strip(rawOld, nameLevel)) is null)
            return Error(f.HeaderLine, $"cannot strip {nameLevel} leading components from '{rawOld}'");
        if (kind != FileChangeKind.Deleted && (newPath = PatchPath.Strip(rawNew, nameLevel)) is null)
            return Error(f.HeaderLine, $"cannot strip {nameLevel} leading components from '{rawNew}'");

        foreach (var h in f.Hunks)
        {
            if (kind == FileChangeKind.Added && h.OldCount != 0)
                return Error(h.PatchLine, $"hunk {h} of the new file '{newPath}' has old lines");
            if (kind == FileChangeKind.Deleted && h.NewCount != 0)
                return Error(h.PatchLine, $"hunk {h} of the deleted file '{oldPath}' has new lines");
        }

        var file = new FilePatch(_name, f.HeaderLine, kind, oldPath, newPath, rawOld, rawNew, level, f.IsGit, f.IsBinary,
            f.OldMode, f.NewMode, f.Similarity, f.NewFileLineEnding, f.Hunks);
        if (f.IsBinary)
            _diagnostics.Add(PatchDiagnostic.Error(_name, f.HeaderLine, $"binary patch for '{file.DisplayPath}' is not supported"));
        _files.Add(file);
        return true;
    }

    /// <summary>git-style prefixes (<c>a/</c> <c>b/</c>, or git's one-letter mnemonic ones) are stripped; bare names are not.</summary>
    private static int AutoStripLevel(FileHeader f, string? oldName, string? newName, bool prefixless)
    {
        if (prefixless)
        {
            // Only rename/copy names: the diff --git line tells whether prefixes were used.
            var names = PatchPath.SplitGitHeaderNames(f.GitNames!);
            return names is { } n && HasOneLetterPrefix(n.Old) && HasOneLetterPrefix(n.New) ? 1 : 0;
        }
        if (f.IsGit)
            return (oldName is null || HasOneLetterPrefix(oldName)) && (newName is null || HasOneLetterPrefix(newName)) ? 1 : 0;
        return (oldName is null || oldName.StartsWith("a/", StringComparison.Ordinal))
            && (newName is null || newName.StartsWith("b/", StringComparison.Ordinal)) ? 1 : 0;

        static bool HasOneLetterPrefix(string name) => name.Length > 2 && name[1] == '/' && char.IsAsciiLetterLower(name[0]);
    }

    [GeneratedRegex(@"^@@ -(?<os>\d+)(?:,(?<oc>\d+))? \+(?<ns>\d+)(?:,(?<nc>\d+))? @@(?<heading>.*)$")]
    private static partial Regex HunkHeader();

    /// <summary>What has been read of one file's header and hunks so far.</summary>
    private sealed class FileHeader(int headerLine, bool isGit, bool headerHadCarriageReturn)
    {
        public int HeaderLine { get; } = headerLine;
        public bool IsGit { get; } = isGit;
        public string? GitNames { get; init; }
        public bool InGitExtendedHeader { get; set; } = isGit;
        public bool AcceptsHunks { get; set; } = isGit;
        public bool HasMinusPlus { get; set; }
        public string? MinusName { get; set; }
        public string? PlusName { get; set; }
        public bool MinusEpoch { get; set; }
        public bool PlusEpoch { get; set; }
        public int PlusLine { get; set; }
        public string? RenameFrom { get; set; }
        public string? RenameTo { get; set; }
        public string? CopyFrom { get; set; }
        public string? CopyTo { get; set; }
        public bool NewFile { get; set; }
        public bool DeletedFile { get; set; }
        public string? OldMode { get; set; }
        public string? NewMode { get; set; }
        public int? Similarity { get; set; }
        public bool IsBinary { get; set; }
        public List<Hunk> Hunks { get; } = new();

        private int _newSideLines, _newSideLinesWithCr;

        public void CountContentLine(HunkLineKind kind, bool hadCarriageReturn)
        {
            if (kind == HunkLineKind.Removed) return;
            _newSideLines++;
            if (hadCarriageReturn) _newSideLinesWithCr++;
        }

        /// <summary>CRLF when every new-side line carried a CR that the header lines did not (a CRLF file in a LF patch).</summary>
        public string NewFileLineEnding =>
            _newSideLines > 0 && _newSideLinesWithCr == _newSideLines && !headerHadCarriageReturn ? "\r\n" : "\n";
    }
}
