namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The engine could not be reached or failed (network, timeout, 5xx, 429): retry later.</summary>
public sealed class EngineUnavailableException(string message, Exception? inner = null) : ApplicationFailure(FailureKind.EngineUnavailable, message, inner);
