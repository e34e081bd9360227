namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The engine refused a send for good (4xx); the message says why, in the engine's words.</summary>
public sealed class EngineRejectedException(string message, int status) : ApplicationFailure(FailureKind.EngineRejected, message)
{
    public int Status { get; } = status;
}
