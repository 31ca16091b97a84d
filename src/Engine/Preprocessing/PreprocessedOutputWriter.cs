using System.Text;

namespace KlpCcp.Engine.Preprocessing;

/// <summary>
/// Prints the token stream as <c>gcc -E -P</c> does (gcc's scan_translation_unit and
/// cb_line_change): a new line where a source line starts, a space where the source had
/// whitespace, where padding says so, or where the two tokens would otherwise paste.
/// </summary>
public sealed class PreprocessedOutputWriter : ITokenObserver
{
    private readonly TextWriter _out;
    private readonly NameTable _names;
    private readonly Func<int, int>? _columnOf;
    private readonly StringBuilder _buf = new(1 << 16);
    private bool _printed;
    private bool _avoidPaste;
    private bool _haveSource;
    private bool _sourceWhite;
    private bool _havePrev;
    private Token _prev;

    /// <param name="columnOf">0-based column of a location, for gcc's indentation of each line (optional).</param>
    public PreprocessedOutputWriter(TextWriter output, NameTable names, Func<int, int>? columnOf = null)
    {
        _out = output;
        _names = names;
        _columnOf = columnOf;
    }

    public void OnLineChange(in Token token)
    {
        if (_printed) _buf.Append('\n');
        _havePrev = false;
        _haveSource = false;
        _printed = true;
        if (_columnOf is not null)
        {
            int spaces = _columnOf(token.Loc) - 2; // gcc: one per column beyond 2; PrevWhite adds the last
            if (spaces > 0) _buf.Append(' ', spaces);
        }
        Flush(false);
    }

    public void OnToken(in Token t)
    {
        if (t.Kind == TokenKind.Padding)
        {
            _avoidPaste = true;
            bool isNull = (t.Flags & TokenFlags.PaddingSourceNull) != 0;
            if (!_haveSource || (!_sourceWhite && isNull))
            {
                _haveSource = !isNull;
                _sourceWhite = (t.Flags & TokenFlags.PaddingSourceWhite) != 0;
            }
            return;
        }
        if (t.Kind == TokenKind.Directive)
        {
            if (_printed) _buf.Append('\n');
            _buf.Append('#').Append(_names[t.Text]).Append('\n');
            _printed = false;
            _havePrev = false;
            return;
        }
        if (_avoidPaste)
        {
            bool white = _haveSource ? _sourceWhite : (t.Flags & TokenFlags.PrevWhite) != 0;
            if (white || (_havePrev && TokenSpelling.AvoidPaste(_prev, t, _names)) || (!_havePrev && t.Kind == TokenKind.Hash))
                _buf.Append(' ');
        }
        else if ((t.Flags & TokenFlags.PrevWhite) != 0)
        {
            _buf.Append(' ');
        }
        _avoidPaste = false;
        _haveSource = false;
        _prev = t;
        _havePrev = true;
        TokenSpelling.Append(_buf, t, _names);
        _printed = true;
        Flush(false);
    }

    public void Finish()
    {
        if (_printed) _buf.Append('\n');
        _printed = false;
        Flush(true);
    }

    private void Flush(bool force)
    {
        if (force || _buf.Length > (1 << 15))
        {
            _out.Write(_buf);
            _buf.Clear();
        }
    }
}
