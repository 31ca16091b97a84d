namespace KlpCcp.Engine.Toolchain;

/// <summary>The target architectures of <c>--compiler=ARCH-gcc-VERSION</c>.</summary>
public enum TargetArch
{
    X86_64,
    AArch64,
}
