namespace KlpCcp.Cli.Classic;

/// <summary>An option known to <see cref="Getopt"/>: its short letter, long names (the first is canonical) and whether it takes an argument.</summary>
internal sealed record GetoptOption(char? Short, IReadOnlyList<string> LongNames, bool HasArgument)
{
    public string CanonicalName => LongNames.Count > 0 ? "--" + LongNames[0] : "-" + Short;
}

/// <summary>One option given on the command line, with its argument and the spelling used.</summary>
internal readonly record struct GetoptOccurrence(GetoptOption Option, string? Argument, string Spelling);

/// <summary>
/// The options given, in order; then the first error, if any (parsing stops there); and the
/// operands: non-options met before <c>--</c> (in order), then everything after it.
/// </summary>
internal sealed record GetoptResult(IReadOnlyList<GetoptOccurrence> Occurrences, string? Error, IReadOnlyList<string> Operands);

/// <summary>
/// GNU <c>getopt_long</c> in its default (permuting) mode: <c>-x</c>, clustered <c>-xy</c>,
/// <c>-xVALUE</c> or <c>-x VALUE</c>; <c>--name</c>, <c>--name=VALUE</c> or <c>--name VALUE</c>,
/// where <c>name</c> may be any unambiguous prefix of a long name (an exact match wins; several
/// names of the same option are not ambiguous); a required argument takes the next word
/// whatever it is; non-options are set aside and scanning goes on; <c>--</c> ends the options
/// and is consumed; a lone <c>-</c> is a non-option.
/// </summary>
internal static class Getopt
{
    public static GetoptResult Parse(IReadOnlyList<string> args, IReadOnlyList<GetoptOption> options)
    {
        var occurrences = new List<GetoptOccurrence>();
        var operands = new List<string>();
        string? error = null;
        var i = 0;
        while (i < args.Count && error is null)
        {
            var arg = args[i++];
            if (arg == "--")
            {
                for (; i < args.Count; i++) operands.Add(args[i]);
                break;
            }
            if (arg.Length < 2 || arg[0] != '-')
            {
                operands.Add(arg);
                continue;
            }
            if (arg[1] == '-')
                error = ParseLong(arg, args, ref i, options, occurrences);
            else
                error = ParseShortCluster(arg, args, ref i, options, occurrences);
        }
        return new GetoptResult(occurrences, error, operands);
    }

    private static string? ParseLong(string arg, IReadOnlyList<string> args, ref int i, IReadOnlyList<GetoptOption> options, List<GetoptOccurrence> occurrences)
    {
        var eq = arg.IndexOf('=');
        var name = eq < 0 ? arg[2..] : arg[2..eq];
        var spelling = "--" + name;

        GetoptOption? found = null;
        foreach (var o in options)
            if (o.LongNames.Contains(name, StringComparer.Ordinal)) { found = o; break; }
        if (found is null)
        {
            var candidates = new List<(GetoptOption Option, string Name)>();
            foreach (var o in options)
                foreach (var n in o.LongNames)
                    if (n.StartsWith(name, StringComparison.Ordinal)) candidates.Add((o, n));
            if (candidates.Count == 0) return $"invalid option '{spelling}'";
            if (candidates.Any(c => !ReferenceEquals(c.Option, candidates[0].Option)))
                return $"option '{spelling}' is ambiguous; possibilities: {string.Join(" ", candidates.Select(c => $"'--{c.Name}'"))}";
            found = candidates[0].Option;
        }

        string? value = null;
        if (found.HasArgument)
        {
            if (eq >= 0) value = arg[(eq + 1)..];
            else if (i < args.Count) value = args[i++];
            else return $"missing parameter for option '{spelling}'";
        }
        else if (eq >= 0)
            return $"option '{spelling}' doesn't allow an argument";
        occurrences.Add(new GetoptOccurrence(found, value, spelling));
        return null;
    }

    private static string? ParseShortCluster(string arg, IReadOnlyList<string> args, ref int i, IReadOnlyList<GetoptOption> options, List<GetoptOccurrence> occurrences)
    {
        for (var k = 1; k < arg.Length; k++)
        {
            var c = arg[k];
            var spelling = "-" + c;
            var found = options.FirstOrDefault(o => o.Short == c);
            if (found is null) return $"invalid option '{spelling}'";
            if (!found.HasArgument)
            {
                occurrences.Add(new GetoptOccurrence(found, null, spelling));
                continue;
            }
            string value;
            if (k + 1 < arg.Length) value = arg[(k + 1)..];
            else if (i < args.Count) value = args[i++];
            else return $"missing parameter for option '{spelling}'";
            occurrences.Add(new GetoptOccurrence(found, value, spelling));
            return null;
        }
        return null;
    }
}
