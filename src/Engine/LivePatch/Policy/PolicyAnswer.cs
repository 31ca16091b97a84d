namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>How a policy question ended.</summary>
public enum PolicyAnswerKind
{
    /// <summary>The policy answered; <see cref="PolicyAnswer{T}.Value"/> holds the answer.</summary>
    Answered,

    /// <summary>
    /// The policy itself reported errors (classic <c>ERROR:</c> lines, Python
    /// <c>LpCreationPolicyError</c>): its warnings then its errors are printed located at the
    /// queried entity and the creation aborts (exit status 3).
    /// </summary>
    PolicyError,

    /// <summary>
    /// The policy command failed or answered something that is not an answer (non-zero status,
    /// signal, standard error output, junk, no or several results): <c>error: MESSAGE</c>,
    /// exit status 4 at the classic command line.
    /// </summary>
    CommandFailure,

    /// <summary>The operating system failed us (the command cannot be executed, a pipe cannot be made): exit status 5.</summary>
    SystemError,
}

/// <summary>
/// The outcome of one policy question, as a value: the answer with the policy's warnings, the
/// policy's errors with its warnings, or a failure message.
/// </summary>
public sealed class PolicyAnswer<T>
{
    private readonly T? _value;

    internal PolicyAnswer(PolicyAnswerKind kind, T? value, IReadOnlyList<string> warnings, IReadOnlyList<string> errors, string? failureMessage)
    {
        Kind = kind;
        _value = value;
        Warnings = warnings;
        Errors = errors;
        FailureMessage = failureMessage;
    }

    public PolicyAnswerKind Kind { get; }

    public bool IsAnswered => Kind == PolicyAnswerKind.Answered;

    /// <summary>The answer; only when <see cref="IsAnswered"/>, else an <see cref="InvalidOperationException"/> (a bug in the caller).</summary>
    public T Value => IsAnswered ? _value! : throw new InvalidOperationException($"a policy answer of kind {Kind} has no value");

    /// <summary>The policy's warnings (<c>WARNING:</c> lines), in order; with an answer or with errors.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The policy's errors (<c>ERROR:</c> lines), in order; non-empty iff <see cref="PolicyAnswerKind.PolicyError"/>.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The message of a <see cref="PolicyAnswerKind.CommandFailure"/> or <see cref="PolicyAnswerKind.SystemError"/>, else null.</summary>
    public string? FailureMessage { get; }

    /// <summary>The same outcome with the answer converted (failures and errors carried over).</summary>
    public PolicyAnswer<TOut> Select<TOut>(Func<T, TOut> map) =>
        IsAnswered
            ? new PolicyAnswer<TOut>(Kind, map(_value!), Warnings, Errors, null)
            : new PolicyAnswer<TOut>(Kind, default, Warnings, Errors, FailureMessage);

    public override string ToString() => Kind switch
    {
        PolicyAnswerKind.Answered => $"Answered({_value}{WarningsText})",
        PolicyAnswerKind.PolicyError => $"PolicyError([{string.Join(", ", Errors)}]{WarningsText})",
        _ => $"{Kind}({FailureMessage})",
    };

    private string WarningsText => Warnings.Count == 0 ? "" : $", warnings: [{string.Join(", ", Warnings)}]";
}

/// <summary>Factories for <see cref="PolicyAnswer{T}"/>.</summary>
public static class PolicyAnswer
{
    private static readonly string[] None = [];

    public static PolicyAnswer<T> Answer<T>(T value, IReadOnlyList<string>? warnings = null) =>
        new(PolicyAnswerKind.Answered, value, warnings ?? None, None, null);

    /// <summary>The policy's own errors (at least one) with its warnings.</summary>
    public static PolicyAnswer<T> PolicyError<T>(IReadOnlyList<string> errors, IReadOnlyList<string>? warnings = null)
    {
        if (errors.Count == 0) throw new ArgumentException("a policy error needs at least one message", nameof(errors));
        return new(PolicyAnswerKind.PolicyError, default, warnings ?? None, errors, null);
    }

    public static PolicyAnswer<T> PolicyError<T>(string error) => PolicyError<T>([error]);

    public static PolicyAnswer<T> CommandFailure<T>(string message) =>
        new(PolicyAnswerKind.CommandFailure, default, None, None, message);

    public static PolicyAnswer<T> SystemError<T>(string message) =>
        new(PolicyAnswerKind.SystemError, default, None, None, message);
}
