namespace RyzeApi.Application.Common.Exceptions;

/// <summary>A failure the application knows and classifies: every exception of this folder is one. Anything else
/// that escapes a handler is a bug. Handlers, workers and the host ask <see cref="FailureKind"/>; only code that
/// needs a failure's own data (an upstream status, a validation's list) names its type.</summary>
public abstract class ApplicationFailure(FailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public FailureKind FailureKind { get; } = kind;

    /// <summary>Whether <see cref="Exception.Message"/> is written for the caller: actionable, naming no
    /// internals. When false, the message is for the operator's log only.</summary>
    public bool MessageIsForTheCaller => FailureKind.MessageIsForTheCaller();

    /// <summary>Whether the failure is a fault on this server's side (its database, keys, engine) rather than a
    /// refusal, a caller's mistake or a slow or failing Chatwoot.</summary>
    public bool IsServerFault => FailureKind.IsServerFault();
}
