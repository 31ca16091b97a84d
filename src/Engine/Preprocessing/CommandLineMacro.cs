namespace KlpCcp.Engine.Preprocessing;

/// <summary>A -D or -U option: <c>-D name</c>, <c>-D name=value</c>, <c>-D 'f(x)=x'</c>, <c>-U name</c>.</summary>
public readonly record struct CommandLineMacro(bool IsDefine, string Text);
