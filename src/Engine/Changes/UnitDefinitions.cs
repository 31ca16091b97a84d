using KlpCcp.Engine.Preprocessing;
using KlpCcp.Engine.Syntax;

namespace KlpCcp.Engine.Changes;

/// <summary>
/// The named top-level items of a parsed unit — functions, prototypes, file-scope variables,
/// typedefs, struct/union/enum definitions, macros — with their preprocessed tokens, so that
/// two versions of a unit can be compared item by item (what a fix changes "in this
/// configuration"). Tokens that differ only because the patch moved lines or shifted
/// <c>__COUNTER__</c> (values of <c>__LINE__</c>/<c>__COUNTER__</c>, <c>__UNIQUE_ID_</c> numbers)
/// are normalised.
/// </summary>
public sealed class UnitDefinitions
{
    private readonly PreprocessedUnit _unit;
    private readonly List<UnitDefinition> _items = new();

    private UnitDefinitions(PreprocessedUnit unit) => _unit = unit;

    public IReadOnlyList<UnitDefinition> Items => _items;

    public static UnitDefinitions Of(ParseResult parse)
    {
        var d = new UnitDefinitions(parse.Unit);
        foreach (var ext in parse.Root.Declarations) d.Add(ext);
        d.AddMacros();
        return d;
    }

    private void Add(ExternalDeclaration ext)
    {
        switch (ext)
        {
            case FunctionDefinition f:
                {
                    var name = f.Name;
                    if (name < 0) break;
                    AddTags(f.Specifiers);
                    var header = Spellings(f.FirstToken, f.Body.FirstToken - 1);
                    _items.Add(new UnitDefinition(DefinitionKind.Function, _unit.Names[name], f.FirstToken, f.LastToken)
                    {
                        Tokens = Spellings(f.FirstToken, f.LastToken),
                        Header = header,
                        BodyFirstToken = f.Body.FirstToken,
                        LocalStatics = LocalStatics(f.Body),
                        IsStatic = f.Specifiers.StorageClass == Keyword.Static,
                        IsInline = f.Specifiers.Items.Any(s => s is KeywordSpecifier k && k.Keyword == Keyword.Inline),
                        InInitSection = InInitSection(header),
                        Places = Place(f.FirstToken, f.LastToken, f.Declarator.FindName()?.Token ?? f.FirstToken),
                    });
                    break;
                }
            case Declaration d:
                {
                    AddTags(d.Specifiers);
                    var specs = Spellings(d.Specifiers.FirstToken, d.Specifiers.LastToken);
                    foreach (var id in d.Declarators)
                    {
                        var nameNode = id.Declarator.FindName();
                        if (nameNode is null) continue;
                        var kind = d.Specifiers.IsTypedef ? DefinitionKind.Typedef
                            : id.Declarator.FindFunctionOfName() is not null ? DefinitionKind.Prototype
                            : DefinitionKind.Variable;
                        var tokens = specs.Concat(Spellings(id.FirstToken, id.LastToken)).ToList();
                        _items.Add(new UnitDefinition(kind, NormalizedName(nameNode.Token), d.FirstToken, d.LastToken)
                        {
                            Tokens = tokens,
                            Initializer = id.Initializer is { } init ? Spellings(init.FirstToken, init.LastToken) : [],
                            InInitSection = InInitSection(tokens),
                            Places = Place(d.FirstToken, d.LastToken, nameNode.Token),
                        });
                    }
                    break;
                }
        }
    }

    /// <summary>Struct, union and enum definitions in the specifiers, nested ones included.</summary>
    private void AddTags(DeclarationSpecifiers specs)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(specs);
        var children = new List<SyntaxNode>();
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            switch (n)
            {
                case StructSpecifier s when s.HasBody && s.Tag >= 0:
                    _items.Add(new UnitDefinition(s.IsUnion ? DefinitionKind.Union : DefinitionKind.Struct, _unit.Names[s.Tag], s.FirstToken, s.LastToken)
                    { Tokens = Spellings(s.FirstToken, s.LastToken), Places = Place(s.FirstToken, s.LastToken, s.FirstToken) });
                    break;
                case EnumSpecifier e when e.HasBody && e.Tag >= 0:
                    _items.Add(new UnitDefinition(DefinitionKind.Enum, _unit.Names[e.Tag], e.FirstToken, e.LastToken)
                    { Tokens = Spellings(e.FirstToken, e.LastToken), Places = Place(e.FirstToken, e.LastToken, e.FirstToken) });
                    break;
            }
            if (n is Expression or CompoundStatement) continue;
            children.Clear();
            n.AppendChildren(children);
            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    private List<string> LocalStatics(CompoundStatement body)
    {
        var names = new List<string>();
        foreach (var n in body.DescendantsAndSelf())
        {
            if (n is Declaration d && d.Specifiers.StorageClass == Keyword.Static)
                foreach (var id in d.Declarators)
                    if (id.Declarator.FindName() is { } nm) names.Add(_unit.Names[nm.Name]);
        }
        return names;
    }

    private static bool InInitSection(IReadOnlyList<string> tokens)
    {
        for (int i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i] is not ("__section__" or "section")) continue;
            int j = i + 1;
            while (j < tokens.Count && tokens[j] == "(") j++;
            if (j < tokens.Count && tokens[j].Length > 2 && tokens[j][0] == '"')
            {
                var s = tokens[j][1..];
                if (s.StartsWith(".init.", StringComparison.Ordinal) || s.StartsWith(".exit.", StringComparison.Ordinal)
                    || s.StartsWith(".meminit.", StringComparison.Ordinal) || s.StartsWith(".head.text", StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }

    /// <summary>Each macro's definitions in order, as its body spelling ("#undef" for an undefinition).</summary>
    private void AddMacros()
    {
        var rec = _unit.Record;
        var byName = new Dictionary<int, List<string>>();
        var places = new Dictionary<int, List<SourcePlace>>();
        foreach (var ev in rec.MacroEvents)
        {
            if (!byName.TryGetValue(ev.NameId, out var list)) byName[ev.NameId] = list = new List<string>();
            if (ev.Kind == MacroEventKind.Undef || ev.Macro < 0) { list.Add("#undef"); continue; }
            var def = rec.Macros[ev.Macro];
            if (def.Origin != MacroOrigin.Source) continue;
            if (PlaceOf(def.DirectiveLoc, Math.Max(def.DirectiveLoc, def.EndLoc - 1), def.NameLoc) is { } place)
            {
                if (!places.TryGetValue(ev.NameId, out var pl)) places[ev.NameId] = pl = new List<SourcePlace>();
                pl.Add(place);
            }
            var text = (def.IsFunctionLike ? "(" + string.Join(",", def.Parameters.Select(p => _unit.Names[p])) + (def.IsVariadic ? "..." : "") + ")" : "")
                       + " " + string.Join(" ", def.Body.Select(t => t.Kind == TokenKind.MacroArg ? "$" + t.Text : TokenSpelling.Spell(t, _unit.Names)));
            list.Add(text);
        }
        foreach (var (name, defs) in byName)
            if (defs.Count > 0)
                _items.Add(new UnitDefinition(DefinitionKind.Macro, _unit.Names[name], -1, -1)
                { Tokens = defs, Places = places.TryGetValue(name, out var pl) ? pl : [] });
    }

    /// <summary>The place of tokens <paramref name="first"/>..<paramref name="last"/> named at <paramref name="nameToken"/>.</summary>
    private SourcePlace[] Place(int first, int last, int nameToken) =>
        PlaceOf(StartLoc(first), EndLoc(last), StartLoc(nameToken)) is { } p ? [p] : [];

    private SourcePlace? PlaceOf(int startLoc, int endLoc, int nameLoc)
    {
        var start = _unit.Sources.Resolve(startLoc);
        var end = _unit.Sources.Resolve(endLoc);
        if (start is null || end is null) return null;
        var name = _unit.Sources.Resolve(nameLoc) ?? start;
        // an item that starts in one file and ends in another (a header ending inside it) is placed by its start
        int lastLine = end.Value.Region.File == start.Value.Region.File ? end.Value.Line : start.Value.Line;
        return new SourcePlace(start.Value.Region.File.Path, start.Value.Line, Math.Max(lastLine, start.Value.Line),
            name.Value.Region.File == start.Value.Region.File ? name.Value.Line : start.Value.Line,
            name.Value.Region.File == start.Value.Region.File ? name.Value.Column : 0);
    }

    /// <summary>Where a token is written: its own place, or for a macro expansion where its top-level invocation starts.</summary>
    private int StartLoc(int token)
    {
        ref readonly var t = ref _unit.Tokens[token];
        return t.Expansion != 0 ? _unit.Record.Invocation(_unit.Record.Invocation(t.Expansion).TopLevel).NameLoc : t.Loc;
    }

    /// <summary>The last source location a token covers (a macro expansion: the end of its top-level invocation).</summary>
    private int EndLoc(int token)
    {
        ref readonly var t = ref _unit.Tokens[token];
        return t.Expansion != 0 ? Math.Max(1, _unit.Record.Invocation(_unit.Record.Invocation(t.Expansion).TopLevel).EndLoc - 1) : t.Loc;
    }

    /// <summary>A declared name, with __COUNTER__-made digits removed (they shift when a patch adds uses).</summary>
    private string NormalizedName(int token) => Normalized(_unit.Tokens[token]);

    private List<string> Spellings(int first, int last)
    {
        var list = new List<string>(Math.Max(0, last - first + 1));
        var tokens = _unit.Tokens;
        for (int i = first; i <= last; i++)
        {
            ref readonly var t = ref tokens[i];
            if (t.Kind == TokenKind.Directive) continue;
            list.Add(Normalized(t));
        }
        return list;
    }

    private string Normalized(in Token t)
    {
        var s = _unit.Spell(t);
        if ((t.Flags & TokenFlags.LineOrCounterValue) != 0)
            return t.Kind == TokenKind.Identifier ? s.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') + "<n>" : "<__LINE__/__COUNTER__>";
        if (t.Kind == TokenKind.Identifier && s.StartsWith("__UNIQUE_ID_", StringComparison.Ordinal))
            return s.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return s;
    }
}
