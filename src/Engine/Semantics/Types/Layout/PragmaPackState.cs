using KlpCcp.Engine.Diagnostics;

namespace KlpCcp.Engine.Semantics.Types.Layout;

/// <summary>
/// gcc's <c>#pragma pack</c> state (c-pragma.cc): the current maximum member alignment that
/// a struct or union closed now gets (<see cref="RecordAttributes.MaxFieldAlignment"/>), and
/// the push/pop stack. <c>pack()</c> resets to the <c>-fpack-struct=n</c> value; a pop
/// restores the value pushed below, or the value in force before the first push.
/// </summary>
public sealed class PragmaPackState
{
    private readonly List<(int Alignment, string? Id)> _stack = new();
    private readonly StructPackingOptions _options;
    private int _beforeFirstPush;

    public PragmaPackState(StructPackingOptions options = default)
    {
        _options = options;
        Current = options.InitialMaxFieldAlignment;
    }

    /// <summary>The maximum member alignment in bytes, 0 for none.</summary>
    public int Current { get; private set; }

    /// <summary><c>#pragma pack(n)</c>, or <c>#pragma pack()</c> when <paramref name="alignment"/> is null.</summary>
    public void Set(int? alignment, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        if (Ignored(diagnostics, location)) return;
        var a = alignment ?? _options.InitialMaxFieldAlignment;
        if (!Valid(a, diagnostics, location)) return;
        Current = a;
    }

    /// <summary><c>#pragma pack(push[, id][, n])</c>; without n the current value is pushed again.</summary>
    public void Push(string? id, int? alignment, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        if (Ignored(diagnostics, location)) return;
        var a = alignment ?? Current;
        if (alignment is not null && !Valid(a, diagnostics, location)) return;
        if (_stack.Count == 0) _beforeFirstPush = Current;
        _stack.Add((a, id));
        Current = a;
    }

    /// <summary><c>#pragma pack(pop[, id])</c>.</summary>
    public void Pop(string? id, DiagnosticBag diagnostics, DiagnosticLocation? location = null)
    {
        if (Ignored(diagnostics, location)) return;
        if (_stack.Count == 0)
        {
            diagnostics.Warning("#pragma pack (pop) encountered without matching #pragma pack (push)", location);
            return;
        }
        if (id is not null)
        {
            var i = _stack.FindLastIndex(e => e.Id == id);
            if (i >= 0) _stack.RemoveRange(i + 1, _stack.Count - i - 1);
            else diagnostics.Warning($"#pragma pack(pop, {id}) encountered without matching #pragma pack(push, {id})", location);
        }
        _stack.RemoveAt(_stack.Count - 1);
        Current = _stack.Count > 0 ? _stack[^1].Alignment : _beforeFirstPush;
    }

    private bool Ignored(DiagnosticBag diagnostics, DiagnosticLocation? location)
    {
        if (!_options.PackAll) return false;
        diagnostics.Warning("#pragma pack has no effect with -fpack-struct - ignored", location);
        return true;
    }

    private static bool Valid(int a, DiagnosticBag diagnostics, DiagnosticLocation? location)
    {
        if (a is 0 or 1 or 2 or 4 or 8 or 16) return true;
        diagnostics.Warning($"alignment must be a small power of two, not {a}", location);
        return false;
    }
}
