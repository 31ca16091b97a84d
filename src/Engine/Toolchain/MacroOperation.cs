namespace KlpCcp.Engine.Toolchain;

public enum MacroOperationKind
{
    Define,
    Undefine,
}

/// <summary>
/// A <c>-D</c> or <c>-U</c> of the command line, applied in command-line order after the
/// predefined macros. For <c>-D</c>, <see cref="Argument"/> is the option's argument as the
/// shell delivered it (<c>KBUILD_MODNAME="sys"</c>, <c>n(x)=x</c>, <c>X</c>); like cpp,
/// <see cref="Directive"/> turns the first '=' into a blank and appends <c> 1</c> when there
/// is none: <c>#define KBUILD_MODNAME "sys"</c>, <c>#define n(x) x</c>, <c>#define X 1</c>.
/// </summary>
public sealed record MacroOperation(MacroOperationKind Kind, string Name, string Argument)
{
    /// <summary>Replacement text of a <c>-D</c> (after the first '='), <c>1</c> without '='; null for <c>-U</c>.</summary>
    public string? Value
    {
        get
        {
            if (Kind == MacroOperationKind.Undefine) return null;
            var eq = Argument.IndexOf('=');
            return eq < 0 ? "1" : Argument[(eq + 1)..];
        }
    }

    /// <summary>The parameter list including parentheses for a function-like <c>-D</c> (<c>(x)</c>), else null.</summary>
    public string? Parameters
    {
        get
        {
            if (Kind == MacroOperationKind.Undefine) return null;
            var eq = Argument.IndexOf('=');
            var head = eq < 0 ? Argument : Argument[..eq];
            return head.Length > Name.Length && head[Name.Length] == '(' ? head[Name.Length..] : null;
        }
    }

    /// <summary>The directive cpp runs for this option (without a trailing newline).</summary>
    public string Directive
    {
        get
        {
            if (Kind == MacroOperationKind.Undefine) return "#undef " + Argument;
            var eq = Argument.IndexOf('=');
            var text = eq < 0 ? Argument + " 1" : Argument[..eq] + " " + Argument[(eq + 1)..];
            // cpp stops a -D at the first newline: the rest would be a new directive line
            var nl = text.IndexOf('\n');
            return "#define " + (nl < 0 ? text : text[..nl]);
        }
    }

    public override string ToString() => (Kind == MacroOperationKind.Define ? "-D" : "-U") + Argument;
}
