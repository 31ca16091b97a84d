namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>
/// The classic policy commands, one per question (<c>-I -H -F -S -O -P -E -R</c>); a question
/// without a command is not answered by a <see cref="ShellCommandPolicy"/>.
/// </summary>
public sealed record PolicyCommands(
    ShellCommand? IsPatched = null,
    ShellCommand? MayIncludeHeader = null,
    ShellCommand? CanExternalizeFunction = null,
    ShellCommand? ShallExternalizeFunction = null,
    ShellCommand? ShallExternalizeObject = null,
    ShellCommand? ModifyPatchedFunctionSymbol = null,
    ShellCommand? ModifyExternalizedSymbol = null,
    ShellCommand? RenameRewrittenFunction = null)
{
    public ShellCommand? For(PolicyQuestion question) => question switch
    {
        PolicyQuestion.IsPatched => IsPatched,
        PolicyQuestion.MayIncludeHeader => MayIncludeHeader,
        PolicyQuestion.CanExternalizeFunction => CanExternalizeFunction,
        PolicyQuestion.ShallExternalizeFunction => ShallExternalizeFunction,
        PolicyQuestion.ShallExternalizeObject => ShallExternalizeObject,
        PolicyQuestion.ModifyPatchedFunctionSymbol => ModifyPatchedFunctionSymbol,
        PolicyQuestion.ModifyExternalizedSymbol => ModifyExternalizedSymbol,
        PolicyQuestion.RenameRewrittenFunction => RenameRewrittenFunction,
        _ => throw new ArgumentOutOfRangeException(nameof(question)),
    };

    /// <summary>A copy with <paramref name="command"/> for <paramref name="question"/>.</summary>
    public PolicyCommands With(PolicyQuestion question, ShellCommand? command) => question switch
    {
        PolicyQuestion.IsPatched => this with { IsPatched = command },
        PolicyQuestion.MayIncludeHeader => this with { MayIncludeHeader = command },
        PolicyQuestion.CanExternalizeFunction => this with { CanExternalizeFunction = command },
        PolicyQuestion.ShallExternalizeFunction => this with { ShallExternalizeFunction = command },
        PolicyQuestion.ShallExternalizeObject => this with { ShallExternalizeObject = command },
        PolicyQuestion.ModifyPatchedFunctionSymbol => this with { ModifyPatchedFunctionSymbol = command },
        PolicyQuestion.ModifyExternalizedSymbol => this with { ModifyExternalizedSymbol = command },
        PolicyQuestion.RenameRewrittenFunction => this with { RenameRewrittenFunction = command },
        _ => throw new ArgumentOutOfRangeException(nameof(question)),
    };
}
