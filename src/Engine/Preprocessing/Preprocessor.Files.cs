using System.Text;
using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.Source;
using KlpCcp.Engine.Toolchain;

namespace KlpCcp.Engine.Preprocessing;

// Files: the start of the unit (predefined macros, -D/-U, -imacros, -include, the main file),
// #include resolution in gcc's search order, entering and leaving files, include guards,
// #pragma once, and the presumed line numbers of #line.
public sealed partial class Preprocessor
{
    /// <summary>One file being read.</summary>
    private sealed class FileState
    {
        public required SourceRegion Region;
        public required Lexer Lexer;
        /// <summary>Directory prefix of the file's path as gcc forms it ("kernel/" for "kernel/sys.c"), for "..." includes.</summary>
        public required string Dir;
        /// <summary>Index of the search-path directory the file was found in, -1 otherwise (for #include_next).</summary>
        public int FoundDir = -1;
        public bool FoundInCurrentDir;
        public int IncludeLevel;
        public IncludeRecord? Include;
        public bool IsMain;
        public bool IsBuiltin;
        public readonly List<CondState> Conds = new();
    }

    /// <summary>A #line change: from <see cref="Loc"/> on, presumed line = physical line + <see cref="Delta"/>.</summary>
    private readonly record struct LineMapEntry(int Loc, long Delta, string File);

    private readonly Dictionary<int, List<LineMapEntry>> _lineMaps = new();
    private readonly Dictionary<string, SourceFile?> _fileCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _existsCache = new(StringComparer.Ordinal);
    private readonly HashSet<SourceFile> _seenFiles = new();
    private string? _mainFileName;

    /// <summary>Sets up the unit and enters the first file; false when the unit cannot be read.</summary>
    private bool Begin()
    {
        _mainFileName = _opts.MainFile;
        string mainFull = FullPath(_opts.MainFile);
        var main = LoadFile(mainFull, _opts.MainFile);
        if (main is null)
        {
            _diags.Add(Diagnostic.Error($"{_opts.MainFile}: No such file or directory"));
            return false;
        }

        // <built-in>: gcc's predefined macros
        if (_opts.PredefinedMacros.Length > 0)
            RunBuffer(new SourceFile("<built-in>", _opts.PredefinedMacros), SourceRegionKind.Builtin, MacroOrigin.Predefined);

        // <command-line>: -D and -U in order
        if (_opts.CommandLineDirectives.Count > 0)
        {
            var sb = new StringBuilder();
            foreach (var d in _opts.CommandLineDirectives) sb.Append(d).Append('\n');
            RunBuffer(new SourceFile("<command-line>", sb.ToString()), SourceRegionKind.CommandLine, MacroOrigin.CommandLine);
        }

        // -imacros: only their macros are kept
        foreach (var im in _opts.IMacros)
        {
            if (_fatal) return false;
            if (!EnterCommandLineInclude(im, isIMacros: true)) return false;
            while (_file is not null && !_fatal)
            {
                GetToken(out var t);
                if (t.Kind == TokenKind.EndOfFile) break;
            }
        }

        if (_opts.ImplicitPreInclude is { } implicitPre)
            _pendingRoots.Enqueue(() => EnterImplicitPreInclude(implicitPre));
        foreach (var pi in _opts.PreIncludes)
        {
            var name = pi;
            _pendingRoots.Enqueue(() => EnterCommandLineInclude(name, isIMacros: false));
        }
        _pendingRoots.Enqueue(() =>
        {
            EnterFile(main, _opts.MainFile, DirectoryPrefix(_opts.MainFile), 0, null, isMain: true);
            return true;
        });
        while (_pendingRoots.Count > 0 && _file is null && !_fatal)
            _pendingRoots.Dequeue()();
        return !_fatal;
    }

    /// <summary>Region of the main file once it is entered (pre-includes come first).</summary>
    private int _mainRegionId = -1;

    /// <summary>Reads a synthesized buffer of directives (predefined macros, -D/-U).</summary>
    private void RunBuffer(SourceFile file, SourceRegionKind kind, MacroOrigin origin)
    {
        var region = _sm.AddRegion(kind, file, -1);
        var lexer = new Lexer(region, _names, _opts.Lexer, LexerReport);
        var fs = new FileState { Region = region, Lexer = lexer, Dir = "", IsBuiltin = true };
        _files.Add(fs);
        _file = fs;
        _lexer = lexer;
        _bufferOrigin = origin;
        while (!_fatal)
        {
            GetToken(out var t);
            if (t.Kind == TokenKind.EndOfFile) break;
            if (t.Kind != TokenKind.Padding)
                Error(t.Loc, $"unexpected token '{TokenSpelling.Spell(t, _names)}' in {file.Path}");
        }
        _bufferOrigin = MacroOrigin.Source;
    }

    private MacroOrigin _bufferOrigin = MacroOrigin.Source;

    private bool EnterCommandLineInclude(string name, bool isIMacros)
    {
        // gcc: -include and -imacros search the #include "..." chain with the working directory first
        string? path = null;
        var lookup = IncludeLookup.NotFound;
        int dirIndex = -1;
        if (Path.IsPathRooted(name))
        {
            if (Exists(name)) { path = name; lookup = IncludeLookup.Absolute; }
        }
        else
        {
            string candidate = AppendToDir("./", name);
            if (Exists(candidate)) { path = candidate; lookup = IncludeLookup.WorkingDirectory; }
            else path = SearchDirectories(name, 0, out dirIndex, out lookup);
        }
        if (path is null)
        {
            Fatal(0, $"{name}: No such file or directory");
            return false;
        }
        var file = LoadFile(FullPath(path), path);
        if (file is null)
        {
            Fatal(0, $"{name}: cannot read file");
            return false;
        }
        var rec = new IncludeRecord
        {
            Id = _rec.Includes.Count,
            Spelling = "\"" + name + "\"",
            IsPreInclude = !isIMacros,
            IsIMacros = isIMacros,
            ParentRegion = -1,
            ResolvedPath = path,
            Lookup = lookup,
            SearchDirectory = dirIndex,
            OutputStart = _outCount,
            Sequence = _rec.NextSequence(),
        };
        _rec.Includes.Add(rec);
        var fs = EnterFile(file, path, DirectoryPrefix(path), 1, rec, isMain: false);
        fs.FoundDir = dirIndex;
        return true;
    }

    /// <summary>stdc-predef.h: searched like &lt;f&gt;; its absence is not an error.</summary>
    private bool EnterImplicitPreInclude(string name)
    {
        string? path = SearchDirectories(name, _opts.SearchPath.BracketStart, out int dirIndex, out var lookup);
        if (path is null || LoadFile(FullPath(path), path) is not { } file) return false;
        var rec = new IncludeRecord
        {
            Id = _rec.Includes.Count,
            Spelling = "<" + name + ">",
            Angled = true,
            IsPreInclude = true,
            ParentRegion = -1,
            ResolvedPath = path,
            Lookup = lookup,
            SearchDirectory = dirIndex,
            OutputStart = _outCount,
            Sequence = _rec.NextSequence(),
        };
        _rec.Includes.Add(rec);
        var fs = EnterFile(file, path, DirectoryPrefix(path), 1, rec, isMain: false);
        fs.FoundDir = dirIndex;
        return true;
    }

    private FileState EnterFile(SourceFile file, string path, string dir, int level, IncludeRecord? include, bool isMain, int includedFrom = -1)
    {
        var region = _sm.AddRegion(SourceRegionKind.File, file, includedFrom);
        var lexer = new Lexer(region, _names, _opts.Lexer, LexerReport);
        var fs = new FileState
        {
            Region = region,
            Lexer = lexer,
            Dir = dir,
            IncludeLevel = level,
            Include = include,
            IsMain = isMain,
        };
        if (include is not null)
        {
            include.Region = region.Id;
            include.EventStart = _rec.MacroEvents.Count;
            include.InvocationStart = _rec.InvocationCount;
            include.ConditionalStart = _rec.Conditionals.Count;
        }
        if (isMain) _mainRegionId = region.Id;
        _files.Add(fs);
        _file = fs;
        _lexer = lexer;
        _miValid = true;
        _miCmacro = -1;
        _seenFiles.Add(file);
        return fs;
    }

    private void LeaveFile(FileState f)
    {
        // gcc's multiple-include optimization: a file whose only content outside one
        // #ifndef G ... #endif group is whitespace is not re-read while G is defined
        if (_miValid && f.Region.File.GuardMacro is null && _miCmacro >= 0 && !f.IsBuiltin)
            f.Region.File.GuardMacro = _names[_miCmacro];
        if (_miValid && _miCmacro >= 0 && _miGroup is not null && !f.IsBuiltin) _miGroup.IsIncludeGuard = true;
        _miValid = false;
        if (f.Include is not null)
        {
            f.Include.OutputEnd = _outCount;
            f.Include.EventEnd = _rec.MacroEvents.Count;
            f.Include.InvocationEnd = _rec.InvocationCount;
            f.Include.ConditionalEnd = _rec.Conditionals.Count;
        }
        _files.RemoveAt(_files.Count - 1);
        _file = _files.Count > 0 ? _files[^1] : null;
        _lexer = _file?.Lexer;
        if (_lexer is not null) _lexer.ParsingArgs = _parsingArgs == 2;
    }

    // ---------------------------------------------------------------- #include

    private void DoInclude(in Token hash, bool isNext, bool isImport)
    {
        var lexer = _lexer!;
        int directiveInvocations = _rec.InvocationCount;
        string dirName = isNext ? "include_next" : isImport ? "import" : "include";
        lexer.AngledHeaders = true;
        _directiveWantsPadding = true;
        GetTokenNoPadding(out var header);
        lexer.AngledHeaders = false;
        string name;
        bool angled;
        bool computed = header.Expansion != 0;
        string spelling;
        if ((header.Kind == TokenKind.String && !_names[header.Text].StartsWith('R')) || header.Kind == TokenKind.HeaderName)
        {
            string text = _names[header.Text];
            int q = header.Kind == TokenKind.String ? text.IndexOf('"') : 0;
            name = text.Substring(q + 1, text.Length - q - 2);
            angled = header.Kind == TokenKind.HeaderName;
            spelling = angled ? text : "\"" + name + "\"";
            GetTokenNoPadding(out var rest);
            if (rest.Kind != TokenKind.EndOfDirective) Warning(rest.Loc, $"extra tokens at end of #{dirName} directive");
        }
        else if (header.Kind == TokenKind.Less)
        {
            name = GlueHeaderName();
            angled = true;
            computed = true;
            spelling = "<" + name + ">";
        }
        else
        {
            Error(header.Loc, $"#{dirName} expects \"FILENAME\" or <FILENAME>");
            return;
        }
        if (name.Length == 0)
        {
            Error(header.Loc, $"empty filename in #{dirName}");
            return;
        }

        var f = _file!;
        if (isNext && f.IsMain)
        {
            Warning(hash.Loc, "#include_next in primary source file");
            isNext = false;
        }
        if (_files.Count > _opts.MaxIncludeDepth)
        {
            Fatal(hash.Loc, $"#include nested depth {_files.Count} exceeds maximum of {_opts.MaxIncludeDepth}");
            return;
        }

        string? path = Resolve(name, angled, isNext, f, out var lookup, out int dirIndex);
        int endLoc = DirectiveEndLoc();
        var rec = new IncludeRecord
        {
            Id = _rec.Includes.Count,
            DirectiveLoc = hash.Loc,
            DirectiveEndLoc = endLoc,
            Spelling = spelling,
            Angled = angled,
            IsIncludeNext = isNext,
            IsImport = isImport,
            Computed = computed,
            ParentRegion = f.Region.Id,
            ResolvedPath = path,
            Lookup = lookup,
            SearchDirectory = dirIndex,
            OutputStart = _outCount,
            OutputEnd = _outCount,
            Sequence = _rec.NextSequence(),
            DirectiveInvocationStart = directiveInvocations,
        };
        _rec.Includes.Add(rec);
        if (path is null)
        {
            Fatal(header.Loc, $"{name}: No such file or directory");
            return;
        }
        var file = LoadFile(FullPath(path), path);
        if (file is null)
        {
            Fatal(header.Loc, $"{name}: cannot read file");
            return;
        }
        if (isImport) file.PragmaOnce = true;
        if ((file.PragmaOnce && _seenFiles.Contains(file))
            || (file.GuardMacro is { } guard && IsDefined(guard)))
        {
            rec.SkippedAsAlreadyIncluded = true;
            return;
        }
        // the directive's line ends before the new file starts
        lexer.EndDirective();
        var fs = EnterFile(file, path, DirectoryPrefix(path), f.IncludeLevel + 1, rec, isMain: false, includedFrom: hash.Loc);
        fs.FoundDir = dirIndex;
        fs.FoundInCurrentDir = lookup == IncludeLookup.CurrentDirectory;
    }

    /// <summary>gcc's glue_header_name: the spelling of the tokens up to '>' (#include MACRO giving &lt;...&gt;).</summary>
    private string GlueHeaderName()
    {
        var sb = new StringBuilder();
        while (true)
        {
            GetTokenNoPadding(out var t);
            if (t.Kind == TokenKind.Greater) break;
            if (t.Kind is TokenKind.EndOfDirective or TokenKind.EndOfFile)
            {
                Error(t.Loc, "missing terminating > character");
                break;
            }
            if ((t.Flags & TokenFlags.PrevWhite) != 0) sb.Append(' ');
            TokenSpelling.Append(sb, t, _names);
        }
        return sb.ToString();
    }

    /// <summary>gcc's search: "..." first in the including file's directory, then the chains.</summary>
    private string? Resolve(string name, bool angled, bool isNext, FileState? from, out IncludeLookup lookup, out int dirIndex)
    {
        dirIndex = -1;
        lookup = IncludeLookup.NotFound;
        if (Path.IsPathRooted(name))
        {
            if (Exists(name)) { lookup = IncludeLookup.Absolute; return name; }
            return null;
        }
        int start;
        if (isNext && from is not null && (from.FoundDir >= 0 || from.FoundInCurrentDir))
        {
            start = from.FoundDir + 1; // a file found in the current directory continues with the quote chain
        }
        else if (angled)
        {
            start = _opts.SearchPath.BracketStart;
        }
        else
        {
            if (_opts.SearchPath.SearchIncludingFileDirectory)
            {
                string candidate = (from?.Dir ?? "") + name;
                if (Exists(candidate)) { lookup = IncludeLookup.CurrentDirectory; return candidate; }
            }
            start = 0;
        }
        return SearchDirectories(name, start, out dirIndex, out lookup);
    }

    private string? SearchDirectories(string name, int start, out int dirIndex, out IncludeLookup lookup)
    {
        var dirs = _opts.SearchPath.Directories;
        for (int i = start; i < dirs.Count; i++)
        {
            string candidate = AppendToDir(dirs[i].Path, name);
            if (Exists(candidate))
            {
                dirIndex = i;
                lookup = IncludeLookup.SearchPath;
                return candidate;
            }
        }
        dirIndex = -1;
        lookup = IncludeLookup.NotFound;
        return null;
    }

    /// <summary>Does a header exist (for __has_include)?</summary>
    private bool HasHeader(string name, bool angled, bool isNext)
    {
        var f = _file;
        if (isNext && f is not null && f.IsMain) isNext = false;
        return Resolve(name, angled, isNext, f, out _, out _) is not null;
    }

    private static string AppendToDir(string dir, string name)
    {
        if (dir.Length == 0) return name;
        return dir[^1] == '/' ? dir + name : dir + "/" + name;
    }

    /// <summary>The directory part of a path including the final '/', "" when there is none.</summary>
    private static string DirectoryPrefix(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path.Substring(0, slash + 1);
    }

    private string FullPath(string path) => Path.GetFullPath(path, _opts.WorkingDirectory);

    private bool Exists(string path)
    {
        if (_existsCache.TryGetValue(path, out bool e)) return e;
        e = _opts.ReadFile is { } read ? LoadFile(FullPath(path), path) is not null : File.Exists(FullPath(path));
        _existsCache[path] = e;
        return e;
    }

    private SourceFile? LoadFile(string fullPath, string displayPath)
    {
        if (_fileCache.TryGetValue(fullPath, out var f)) return f;
        try
        {
            if (_opts.ReadFile is { } read)
                f = read(fullPath) is { } text ? new SourceFile(displayPath, text) : null;
            else
                f = SourceFile.Read(fullPath, displayPath);
        }
        catch (IOException)
        {
            f = null;
        }
        catch (UnauthorizedAccessException)
        {
            f = null;
        }
        _fileCache[fullPath] = f;
        return f;
    }

    // ---------------------------------------------------------------- presumed lines (#line)

    private void SetPresumedLine(int directiveLoc, long line, string? file)
    {
        var region = _sm.GetRegion(directiveLoc);
        if (region is null) return;
        var (physLine, _) = region.File.GetLineColumn(directiveLoc - region.Base);
        // the line after the directive gets number `line`; a directive line may be continued
        int endOffset = _lexer!.LineEnd(directiveLoc - region.Base);
        var (endLine, _) = region.File.GetLineColumn(endOffset);
        long delta = line - (endLine + 1);
        string name = file ?? PresumedFile(directiveLoc);
        if (!_lineMaps.TryGetValue(region.Id, out var list)) _lineMaps[region.Id] = list = new List<LineMapEntry>();
        list.Add(new LineMapEntry(directiveLoc, delta, name));
        _ = physLine;
    }

    private LineMapEntry? LineMapAt(int loc, SourceRegion region)
    {
        if (!_lineMaps.TryGetValue(region.Id, out var list)) return null;
        for (int i = list.Count - 1; i >= 0; i--)
            if (list[i].Loc < loc) return list[i];
        return null;
    }

    /// <summary>The line number gcc reports for a location (after #line directives).</summary>
    private long PresumedLine(int loc)
    {
        var region = _sm.GetRegion(loc);
        if (region is null) return 0;
        var (line, _) = region.File.GetLineColumn(loc - region.Base);
        var m = LineMapAt(loc, region);
        return m is null ? line : line + m.Value.Delta;
    }

    private string PresumedFile(int loc)
    {
        var region = _sm.GetRegion(loc);
        if (region is null) return _file?.Region.File.Path ?? "";
        var m = LineMapAt(loc, region);
        return m?.File ?? region.File.Path;
    }

    /// <summary>gcc's remap_macro_filename for -fmacro-prefix-map (the last matching option wins).</summary>
    private string RemapFileName(string name)
    {
        var maps = _opts.MacroPrefixMap;
        for (int i = maps.Count - 1; i >= 0; i--)
        {
            var (from, to) = maps[i];
            if (name.StartsWith(from, StringComparison.Ordinal))
                return to + name.Substring(from.Length);
        }
        return name;
    }
}
