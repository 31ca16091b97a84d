namespace KlpCcp.Engine.Toolchain;

/// <summary>
/// How one translation unit is compiled: the compiler's arguments without the program name,
/// and the directory they are relative to; <see cref="Origin"/> says where it was found.
/// </summary>
public sealed record CompileCommand(string Directory, IReadOnlyList<string> Arguments, string Origin);
