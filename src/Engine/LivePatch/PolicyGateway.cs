using KlpCcp.Engine.Diagnostics;
using KlpCcp.Engine.LivePatch.Policy;
using KlpCcp.Facts.Records;

namespace KlpCcp.Engine.LivePatch;

/// <summary>
/// Asks the policy and turns its answers into plain values for the live-patch stages: the
/// policy's warnings are reported at the queried entity; its errors (located there too),
/// command failures and system errors end the creation with the matching exit status.
/// </summary>
internal sealed class PolicyGateway
{
    private readonly ILivePatchPolicy _policy;
    private readonly DiagnosticBag _diags;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public PolicyGateway(ILivePatchPolicy policy, DiagnosticBag diags)
    {
        _policy = policy;
        _diags = diags;
    }

    public ILivePatchPolicy Policy => _policy;

    public T Take<T>(PolicyAnswer<T> answer, DiagnosticLocation? at)
    {
        foreach (var w in answer.Warnings) Warn(at, w);
        switch (answer.Kind)
        {
            case PolicyAnswerKind.Answered:
                return answer.Value;
            case PolicyAnswerKind.PolicyError:
                foreach (var e in answer.Errors) _diags.Add(new Diagnostic(Severity.Error, e, at));
                throw new LivePatchAbort(LivePatchFailureKind.Creation);
            case PolicyAnswerKind.CommandFailure:
                _diags.Add(Diagnostic.Error(answer.FailureMessage ?? "policy command failed"));
                throw new LivePatchAbort(LivePatchFailureKind.PolicyCommand);
            default:
                _diags.Add(Diagnostic.Error(answer.FailureMessage ?? "system error"));
                throw new LivePatchAbort(LivePatchFailureKind.System);
        }
    }

    /// <summary>A warning, printed once even when the same question is asked again (RETRY loops).</summary>
    private void Warn(DiagnosticLocation? at, string message)
    {
        if (_reported.Add($"{at}|{message}")) _diags.Add(new Diagnostic(Severity.Warning, message, at));
    }

    public static DiagnosticLocation At(SourceSpan s) => new(s.File, s.Line, s.Column + 1, s.Column);

    public static PolicyLocation Location(SourceSpan s) => new(s.File, s.Line, s.Column);

    public static PolicyLinkage Linkage(KlpCcp.Facts.Records.Linkage l) => l switch
    {
        KlpCcp.Facts.Records.Linkage.Internal => PolicyLinkage.Internal,
        KlpCcp.Facts.Records.Linkage.External => PolicyLinkage.External,
        _ => PolicyLinkage.None,
    };
}
