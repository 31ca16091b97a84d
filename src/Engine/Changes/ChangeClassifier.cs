namespace KlpCcp.Engine.Changes;

/// <summary>
/// Says what each change of a fix is and whether a live patch can carry it. Refused: a changed
/// struct, union or typedef (the running kernel's data keeps the old layout), a changed global
/// object or initializer (the running kernel's object keeps its old value), any change to
/// __init code (discarded after boot).
/// </summary>
public static class ChangeClassifier
{
    public static List<ClassifiedChange> Classify(IEnumerable<UnitChange> changes) => changes.Select(Classify).ToList();

    public static ClassifiedChange Classify(UnitChange c)
    {
        bool init = (c.Old?.InInitSection ?? false) || (c.New?.InInitSection ?? false);
        return c.Kind switch
        {
            DefinitionKind.Function => Function(c, init),
            DefinitionKind.Prototype => new(c, ChangeCategory.DeclarationChanged, $"prototype {Verb(c.Change)}", ChangeVerdict.Carried),
            DefinitionKind.Variable => Variable(c, init),
            DefinitionKind.Struct or DefinitionKind.Union or DefinitionKind.Typedef => c.Change switch
            {
                ChangeKind.Added => new(c, ChangeCategory.TypeAdded, "new type", ChangeVerdict.Carried),
                ChangeKind.Removed => new(c, ChangeCategory.TypeRemoved, "type removed", ChangeVerdict.Carried),
                _ => new(c, ChangeCategory.TypeLayoutChanged, c.Kind == DefinitionKind.Typedef ? "type definition changed" : "layout changed", ChangeVerdict.Refused,
                    "the running kernel's data keeps the old layout: a live patch cannot change a type it shares"),
            },
            DefinitionKind.Enum => c.Change switch
            {
                ChangeKind.Added => new(c, ChangeCategory.TypeAdded, "new type", ChangeVerdict.Carried),
                ChangeKind.Removed => new(c, ChangeCategory.TypeRemoved, "type removed", ChangeVerdict.Carried),
                _ => new(c, ChangeCategory.TypeLayoutChanged, "enumerators changed", ChangeVerdict.Warning,
                    "values the running kernel stored may mean something else to the patched code"),
            },
            _ => new(c, ChangeCategory.MacroChanged, $"macro {Verb(c.Change)}", ChangeVerdict.Carried),
        };
    }

    private static ClassifiedChange Function(UnitChange c, bool init)
    {
        const string initReason = "__init code is discarded after boot: a live patch cannot change it";
        switch (c.Change)
        {
            case ChangeKind.Added:
                return new(c, ChangeCategory.FunctionAdded, "function added", init ? ChangeVerdict.Warning : ChangeVerdict.Carried,
                    init ? "new __init code never runs in a live-patched kernel" : null);
            case ChangeKind.Removed:
                return new(c, ChangeCategory.FunctionRemoved, "function removed", ChangeVerdict.Warning,
                    "the running kernel's copy stays; callers the fix changed no longer call it");
            case ChangeKind.SignatureChanged:
                if (init) return new(c, ChangeCategory.SignatureChanged, "declaration changed", ChangeVerdict.Refused, initReason);
                return new(c, ChangeCategory.SignatureChanged, "declaration changed (return type, parameters or attributes)",
                    c.New is { IsStatic: false } ? ChangeVerdict.Warning : ChangeVerdict.Carried,
                    c.New is { IsStatic: false } ? "callers in other units still call it with the old declaration" : null);
            default:
                if (init) return new(c, ChangeCategory.FunctionBodyChanged, "body changed", ChangeVerdict.Refused, initReason);
                if (c.AddsStaticLocal)
                {
                    var added = c.New!.LocalStatics.Except(c.Old!.LocalStatics).ToList();
                    return new(c, ChangeCategory.StaticLocalAdded, $"body changed, adds static local {string.Join(", ", added)}", ChangeVerdict.Carried);
                }
                return new(c, ChangeCategory.FunctionBodyChanged, "body changed", ChangeVerdict.Carried);
        }
    }

    private static ClassifiedChange Variable(UnitChange c, bool init)
    {
        switch (c.Change)
        {
            case ChangeKind.Added:
                return new(c, ChangeCategory.GlobalObjectAdded, "new object", ChangeVerdict.Carried);
            case ChangeKind.Removed:
                return new(c, ChangeCategory.GlobalObjectRemoved, "object removed", ChangeVerdict.Warning, "the running kernel's object stays");
            case ChangeKind.InitializerChanged:
                return new(c, ChangeCategory.InitializerChanged, "initializer changed", ChangeVerdict.Refused,
                    init ? "__init data is discarded after boot: a live patch cannot change it"
                         : "the running kernel's object keeps its old value: a live patch cannot change an initializer");
            default:
                return new(c, ChangeCategory.GlobalObjectChanged, "type or attributes changed", ChangeVerdict.Refused,
                    "the running kernel's object keeps its old type: a live patch cannot change it");
        }
    }

    private static string Verb(ChangeKind k) => k switch { ChangeKind.Added => "added", ChangeKind.Removed => "removed", _ => "changed" };

    public static string KindName(DefinitionKind k) => k switch
    {
        DefinitionKind.Function => "function",
        DefinitionKind.Prototype => "prototype",
        DefinitionKind.Variable => "object",
        DefinitionKind.Typedef => "typedef",
        DefinitionKind.Struct => "struct",
        DefinitionKind.Union => "union",
        DefinitionKind.Enum => "enum",
        _ => "macro",
    };
}
