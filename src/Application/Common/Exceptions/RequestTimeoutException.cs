namespace RyzeApi.Application.Common.Exceptions;

/// <summary>Our own time budget for a request ran out (never raised when the caller cancelled).</summary>
public sealed class RequestTimeoutException(string requestName, TimeSpan timeout, Exception? inner = null)
    : ApplicationFailure(FailureKind.TimedOut, $"{requestName} did not complete within {timeout.TotalSeconds:0.###} s", inner)
{
    public TimeSpan Timeout { get; } = timeout;
}
