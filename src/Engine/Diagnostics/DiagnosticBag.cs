namespace KlpCcp.Engine.Diagnostics;

/// <summary>An ordered collection of diagnostics produced by one stage.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors { get; private set; }
    public int Count => _items.Count;

    public void Add(Diagnostic d)
    {
        _items.Add(d);
        if (d.Severity == Severity.Error) HasErrors = true;
    }

    public void Error(string message, DiagnosticLocation? location = null, string? context = null) =>
        Add(new Diagnostic(Severity.Error, message, location, context));

    public void Warning(string message, DiagnosticLocation? location = null, string? context = null) =>
        Add(new Diagnostic(Severity.Warning, message, location, context));

    public void AddRange(IEnumerable<Diagnostic> ds)
    {
        foreach (var d in ds) Add(d);
    }
}
