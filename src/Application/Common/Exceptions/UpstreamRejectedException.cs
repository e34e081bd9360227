namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The upstream answered with a client error; the message is actionable and ends with
/// <c>Detail: </c> and the raw cause.</summary>
public sealed class UpstreamRejectedException(
    UpstreamFailureKind kind, string message, int? upstreamStatus = null, Exception? inner = null)
    : ApplicationFailure(KindOf(kind), message, inner)
{
    public UpstreamFailureKind Kind { get; } = kind;

    /// <summary>The upstream HTTP status, when there was an answer.</summary>
    public int? UpstreamStatus { get; } = upstreamStatus;

    private static FailureKind KindOf(UpstreamFailureKind kind) => kind switch
    {
        UpstreamFailureKind.CredentialsRejected => FailureKind.UpstreamCredentialsRejected,
        UpstreamFailureKind.AccessDenied => FailureKind.UpstreamDenied,
        _ => FailureKind.UpstreamRejected,
    };
}
